export { Timeline } from './Timeline';
export { timelineModel, timeWarp, timeScale, densityBars, clusterMarks } from './model';
