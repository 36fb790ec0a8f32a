/** Failure isolation: what a panel shows in its place when it fails, and the report a user can send. */
export const en = {
  'errors.panel.title': 'The {panel} panel stopped working',
  'errors.panel.message': 'Error: {message}',
  'errors.panel.hint':
    'The other panels keep working. Try again, or copy a report of what was on screen and send it to whoever maintains this page.',
  'errors.panel.retry': 'Try again',
  'errors.panel.copy': 'Copy report',
  'errors.panel.copied': 'The report is on the clipboard.',
  'errors.panel.copyFallback': 'Copying is not allowed here: select the report below and copy it.',
  'errors.panel.reportLabel': 'Report for the {panel} panel',
  'errors.report.heading': 'SendPath panel failure',
  'errors.report.panel': 'Panel',
  'errors.report.error': 'Error',
  'errors.report.url': 'Page',
  'errors.report.version': 'Version',
  'errors.unknown': 'unknown error',
} as const;

/** 简体中文。 */
export const zhCN: Record<keyof typeof en, string> = {
  'errors.panel.title': '“{panel}”面板出错了',
  'errors.panel.message': '错误：{message}',
  'errors.panel.hint': '其他面板仍可正常使用。可以点“重试”，或复制一份当前场景的报告，发给维护本页面的人。',
  'errors.panel.retry': '重试',
  'errors.panel.copy': '复制报告',
  'errors.panel.copied': '报告已复制到剪贴板。',
  'errors.panel.copyFallback': '此处不允许自动复制：请选中下面的报告并手动复制。',
  'errors.panel.reportLabel': '“{panel}”面板的报告',
  'errors.report.heading': 'SendPath 面板故障',
  'errors.report.panel': '面板',
  'errors.report.error': '错误',
  'errors.report.url': '页面',
  'errors.report.version': '版本',
  'errors.unknown': '未知错误',
};
