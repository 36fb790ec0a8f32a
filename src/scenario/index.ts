/** The scenario format: schema, defaults per version, validation. Free of DOM and React. */
export * from './schema';
export * from './defaults';
export * from './validate';
export {
  allScenarioErrorCodes,
  codedText,
  type CodedMessage,
  type Found,
  type ScenarioErrorCode,
  type ScenarioErrorParams,
  type ScenarioNoun,
  type ValidationDictionary,
} from './errorCodes';
