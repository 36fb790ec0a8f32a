import { registerFamily } from '../registry';
import { runSendLoopCase } from './sendloop-harness';

/** `send(msg, timeout)`: DEFAULT SYNC (../shared/conformance-sendloop/send-sync-*.json). */
registerFamily('send-sync', runSendLoopCase);
