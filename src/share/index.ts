/** Share links, import and export, and the last good scenario. DOM-free except ./download. */
export * from './errors';
export * from './shareLink';
export * from './importExport';
export * from './lastGood';
export { validateScenarioText, pathAtOffset, MAX_SCENARIO_TEXT_CHARS } from './validateText';
export type { ScenarioTextResult } from './validateText';
