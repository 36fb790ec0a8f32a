/** A simulation running in the background worker: its progress and Cancel. */
export const en = {
  'run.progress': 'Simulating',
  'run.events': '{n} events simulated',
  'run.cancel': 'Cancel the run',
  'run.cancelled': 'The run was cancelled; the scenario before it stays on screen.',
  'run.traceCap':
    'This run stopped at {n} events, the most the page keeps: the trace ends there, before the scenario does. Fewer messages or a shorter duration show the whole run (npm run sim has no such cap).',
  'run.traceCap.dismiss': 'OK',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准。 */
export const zhCN: Record<keyof typeof en, string> = {
  'run.progress': '正在模拟',
  'run.events': '已模拟 {n} 个事件',
  'run.cancel': '取消本次运行',
  'run.cancelled': '本次运行已取消；屏幕上保留之前的场景。',
  'run.traceCap':
    '本次运行在 {n} 个事件处停止，这是页面保存轨迹的上限：轨迹在场景结束之前就截止了。减少消息数或缩短时长即可看到完整运行（npm run sim 没有这个上限）。',
  'run.traceCap.dismiss': '知道了',
};
