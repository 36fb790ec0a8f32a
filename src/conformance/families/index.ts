// Importing this module registers every family runner with the registry. Add one import per family module.
export {};
import './fault-strategy';
import './latency-tolerance';
import './route-to-publish-info';
import './selector-hash';
import './send-sync';
import './send-async-deprecated';
import './send-select';
import './send-oneway';
import './state';
