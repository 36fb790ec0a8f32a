/**
 * Every namespace of messages. A namespace is one module with an `en` dictionary (its keys, prefixed with
 * the namespace's name) and a `zhCN` dictionary with exactly the same keys. Add a namespace here.
 */
import * as callPath from './callPath';
import * as compare from './compare';
import * as editor from './editor';
import * as errors from './errors';
import * as eventLog from './eventLog';
import * as narration from './narration';
import * as panelExport from './panelExport';
import * as playback from './playback';
import * as prediction from './prediction';
import * as presenter from './presenter';
import * as presets from './presets';
import * as run from './run';
import * as share from './share';
import * as shell from './shell';
import * as topology from './topology';
import * as queueSelection from './queueSelection';
import * as threadPool from './threadPool';
import * as timeoutBudget from './timeoutBudget';
import * as validation from './validation';

export const namespaces = {
  callPath,
  compare,
  editor,
  errors,
  eventLog,
  narration,
  panelExport,
  playback,
  prediction,
  presenter,
  presets,
  run,
  share,
  shell,
  topology,
  queueSelection,
  threadPool,
  timeoutBudget,
  validation,
} as const;
