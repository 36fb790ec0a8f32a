import type { IntRandom } from '../../common/IntRandom';
import { JavaException, javaListGet } from '../../common/javaInt';
import type { MessageQueue } from '../MessageQueue';
import type { MessageQueueSelector } from './MessageQueueSelector';

/**
 * `SelectMessageQueueByRandom`: `mqs.get(random.nextInt(mqs.size()))`. Upstream seeds its own
 * `java.util.Random` with the wall clock when the selector is created; here the stream is injected.
 * An empty list throws `IllegalArgumentException` ("bound must be positive"), as `Random.nextInt(0)` does.
 */
export class SelectMessageQueueByRandom implements MessageQueueSelector {
  constructor(private readonly random: IntRandom) {}

  select(mqs: readonly MessageQueue[], _msg: unknown, _arg: unknown): MessageQueue {
    if (mqs.length <= 0) throw new JavaException('IllegalArgumentException', 'bound must be positive');
    return javaListGet(mqs, this.random.nextInt(mqs.length));
  }
}
