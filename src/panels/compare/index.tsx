export { CompareView } from './CompareView';
export { CompareLink } from './CompareLink';
export { readCompareParam, compareHref, COMPARE_DEFAULT_PRESET } from './compareRun';
