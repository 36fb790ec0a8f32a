import { registerFamily } from '../registry';
import { runSendLoopCase } from './sendloop-harness';

/** `send(msg, selector, arg, timeout)`: SELECT SYNC (`sendSelectImpl`). */
registerFamily('send-select', runSendLoopCase);
