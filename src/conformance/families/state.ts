import { registerFamily } from '../registry';
import { runSendLoopCase } from './sendloop-harness';

/** Calls before `start()`, after `shutdown()`, and `start()` twice. */
registerFamily('state', runSendLoopCase);
