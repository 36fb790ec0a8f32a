export { PredictionControls } from './PredictionControls';
export { PredictionCard } from './PredictionCard';
