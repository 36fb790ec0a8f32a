export { CallPath } from './CallPath';
export { explainEvent, explanationOf } from './explain';
