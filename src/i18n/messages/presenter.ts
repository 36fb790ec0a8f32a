/** Presenter mode (projector, presentation remote) and embed mode (one panel for slides). */
export const en = {
  'presenter.toggle': 'Presenter mode',
  'presenter.next': 'Step forward (presentation remote)',
  'presenter.previous': 'Step back (presentation remote)',
  'presenter.editScenario': 'Edit scenario',
  'presenter.key.pageDown': 'PageDown',
  'presenter.key.pageUp': 'PageUp',
  'presenter.key.f': 'F',
  'presenter.key.e': 'E',
} as const;

/** 简体中文。术语以 ../shared/course/glossary.md 为准。 */
export const zhCN: Record<keyof typeof en, string> = {
  'presenter.toggle': '演示模式',
  'presenter.next': '下一步（翻页笔）',
  'presenter.previous': '上一步（翻页笔）',
  'presenter.editScenario': '编辑场景',
  'presenter.key.pageDown': '向下翻页（PageDown）',
  'presenter.key.pageUp': '向上翻页（PageUp）',
  'presenter.key.f': 'F',
  'presenter.key.e': 'E',
};
