/** A simulation running in the background worker: its progress and Cancel. */
export const en = {
  'run.progress': 'Simulating',
  'run.events': '{n} events simulated',
  'run.cancel': 'Cancel the run',
  'run.cancelled': 'The run was cancelled; the scenario before it stays on screen.',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准。 */
export const zhCN: Record<keyof typeof en, string> = {
  'run.progress': '正在模拟',
  'run.events': '已模拟 {n} 个事件',
  'run.cancel': '取消本次运行',
  'run.cancelled': '本次运行已取消；屏幕上保留之前的场景。',
};
