import { registerFamily } from '../registry';
import { runSendLoopCase } from './sendloop-harness';

/** `send(msg, callback, timeout)`: the executor-wrapped deprecated async send. */
registerFamily('send-async-deprecated', runSendLoopCase);
