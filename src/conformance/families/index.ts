// Importing this module registers every family runner with the registry. Add one import per family module.
export {};
