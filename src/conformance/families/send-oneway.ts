import { registerFamily } from '../registry';
import { runSendLoopCase } from './sendloop-harness';

/** `sendOneway(msg)`: DEFAULT ONEWAY. */
registerFamily('send-oneway', runSendLoopCase);
