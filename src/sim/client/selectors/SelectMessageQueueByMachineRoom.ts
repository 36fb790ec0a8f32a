import type { MessageQueue } from '../MessageQueue';
import type { MessageQueueSelector } from './MessageQueueSelector';

/**
 * `SelectMessageQueueByMachineRoom`: an unfinished stub in every modelled tag. It always returns null, so a send
 * with it fails with "select message queue return null."; `consumeridcs` is stored and never read.
 */
export class SelectMessageQueueByMachineRoom implements MessageQueueSelector {
  private consumeridcs: ReadonlySet<string> | null = null;

  select(_mqs: readonly MessageQueue[], _msg: unknown, _arg: unknown): MessageQueue | null {
    return null;
  }

  getConsumeridcs(): ReadonlySet<string> | null {
    return this.consumeridcs;
  }

  setConsumeridcs(consumeridcs: ReadonlySet<string> | null): void {
    this.consumeridcs = consumeridcs;
  }
}
