/** The guided narration of a classroom preset. */
export const en = {
  'narration.open': 'Guided tour',
  'narration.region': 'Guided tour',
  'narration.progress': 'Step {k} of {n}',
  'narration.previous': 'Previous step',
  'narration.next': 'Next step',
  'narration.conclusion': 'Conclusion',
  'narration.close': 'Close the guided tour',
  'narration.missing': 'The event this step points at is not in this trace.',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'narration.open': '讲解导览',
  'narration.region': '讲解导览',
  'narration.progress': '第 {k} 步，共 {n} 步',
  'narration.previous': '上一步讲解',
  'narration.next': '下一步讲解',
  'narration.conclusion': '结论',
  'narration.close': '关闭讲解导览',
  'narration.missing': '这一步所指的事件不在当前追踪中。',
};
