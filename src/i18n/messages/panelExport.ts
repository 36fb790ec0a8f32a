/** Export of a panel as a picture (SVG or PNG), from the buttons in each panel's title bar. */
export const en = {
  'panelExport.group': 'Export {panel}',
  // The visible words are "SVG" and "PNG"; the names contain them (WCAG 2.5.3, label in name).
  'panelExport.svg': 'Export {panel} as SVG',
  'panelExport.png': 'Export {panel} as PNG',
  'panelExport.failed': 'Could not export {panel} as {format}: {reason} ({detail})',
  'panelExport.stage.load': 'the export code could not be loaded',
  'panelExport.stage.copy': 'the panel could not be copied',
  'panelExport.stage.draw': 'the browser could not draw the picture',
  'panelExport.stage.save': 'the file could not be saved',
  'panelExport.dismiss': 'Dismiss',
  'panelExport.imageTitle': '{panel}, SendPath, {scenario}, step {step}',
} as const;

/** 简体中文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'panelExport.group': '导出{panel}',
  'panelExport.svg': '将{panel}导出为 SVG',
  'panelExport.png': '将{panel}导出为 PNG',
  'panelExport.failed': '无法将{panel}导出为 {format}：{reason}（{detail}）',
  'panelExport.stage.load': '无法加载导出代码',
  'panelExport.stage.copy': '无法复制面板内容',
  'panelExport.stage.draw': '浏览器无法绘制图片',
  'panelExport.stage.save': '无法保存文件',
  'panelExport.dismiss': '关闭',
  'panelExport.imageTitle': '{panel}，SendPath，{scenario}，第 {step} 步',
};
