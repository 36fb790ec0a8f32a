import { ScenarioEditor } from './ScenarioEditor';

export { ScenarioEditor };
export { EditScenarioButton } from './EditScenarioButton';
/** For `React.lazy`: the editor and the validator load in their own chunk, when first opened. */
export default ScenarioEditor;
