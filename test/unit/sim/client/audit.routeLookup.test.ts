/**
 * Audit of issue 3: how a route lookup inside the send path fails (`MQClientInstance.
 * updateTopicRouteInfoFromNameServer`), per tag, beyond what the recorded cases cover.
 */
import { describe, expect, it } from 'vitest';
import { InterruptedException, MQClientException } from '../../../../src/sim/client/exceptions';
import { Message } from '../../../../src/sim/client/Message';
import { makeFixture, runMain } from './sendPathFixture';

const T = 'TopicTest';

describe('route lookup failures inside a send (audit)', () => {
  it('swallows an InterruptedException from the name-server call in every tag, so the send reports no route', () => {
    for (const v of ['4.5.2', '4.9.8', '5.3.3'] as const) {
      const f = makeFixture(v, { nameServerError: () => new InterruptedException('interrupted') });
      f.producer.start();
      const out = runMain(f.kernel, () => f.producer.send(Message.ofText(T, null, 'x'), 3000));
      expect(out.error, v).toBeInstanceOf(MQClientException);
      expect((out.error as MQClientException).getResponseCode(), v).toBe(10005);
      expect((out.error as MQClientException).errorMessage, v).toMatch(
        v === '4.5.2' ? `No route info of this topic, ${T}\nSee ` : `No route info of this topic: ${T}\nSee `,
      );
    }
  });
});
