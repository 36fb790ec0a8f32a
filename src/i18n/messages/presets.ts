/** The preset picker in the Scenario strip. */
export const en = {
  'presets.label': 'Preset',
  'presets.choose': 'Choose a preset…',
} as const;

export const zhCN: Record<keyof typeof en, string> = {
  'presets.label': '预设场景',
  'presets.choose': '选择一个预设场景…',
};
