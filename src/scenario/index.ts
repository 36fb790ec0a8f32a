/** The scenario format: schema, defaults per version, validation. Free of DOM and React. */
export * from './schema';
export * from './defaults';
export * from './validate';
