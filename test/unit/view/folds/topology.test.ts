import { describe, expect, it } from 'vitest';
import type { TraceArray, TraceEvent } from '../../../../src/trace/types';
import { compareRoutes, rpcProgress, topologyFold } from '../../../../src/view/folds/topology';
import { foldFromCheckpoint, foldTo, loadTrace } from './panelFixtures';

const downRetry = loadTrace('broker-down-retry');
const lostReply = loadTrace('async-lost-reply');

function ev(seq: number, t: number, kind: string, fields: Record<string, unknown>): TraceEvent {
  return { seq, t, kind, code: { cls: 'Test', method: 'test' }, ...fields } as TraceEvent;
}

describe('topologyFold', () => {
  it('knows every node of the trace from the first event, so the picture does not jump while stepping', () => {
    const state = foldTo(topologyFold, downRetry, 0);
    expect(state.index.producers).toEqual(['producer']);
    expect(state.index.namesrvs).toEqual(['namesrv']);
    expect(state.index.brokers).toEqual(['broker-a', 'broker-b']);
  });

  it('shows no believed route before route.update, then the route with the event that set it', () => {
    expect(foldTo(topologyFold, downRetry, 5).producer.routes.size).toBe(0);
    const route = foldTo(topologyFold, downRetry, 6).producer.routes.get('TopicTest');
    expect(route?.brokers).toEqual(['broker-a', 'broker-b']);
    expect(route?.queues).toHaveLength(8);
    expect(route?.from).toEqual({ seq: 6, kind: 'route.update', t: 4 });
  });

  it('reads the ServiceState of the MQClientInstance when the trace reports it', () => {
    const state = foldTo(topologyFold, downRetry, 2);
    expect(state.producer.serviceState).toBe('RUNNING');
    expect(state.producer.serviceStateFrom?.seq).toBe(2);
  });

  it('marks a down broker that the producer still believes in as a stale route', () => {
    const before = compareRoutes(foldTo(topologyFold, downRetry, 6));
    expect(before.map((c) => [c.broker, c.stale])).toEqual([
      ['broker-a', null],
      ['broker-b', null],
    ]);
    const state = foldTo(topologyFold, downRetry, 8);
    expect(state.brokers.get('broker-a')?.status).toBe('down');
    expect(state.brokers.get('broker-a')?.statusFrom?.seq).toBe(8);
    expect(compareRoutes(state).map((c) => [c.broker, c.stale])).toEqual([
      ['broker-a', 'down'],
      ['broker-b', null],
    ]);
  });

  it('marks a broker the name server expired as stale even when the broker itself says nothing', () => {
    const trace: TraceArray = [
      ev(0, 0, 'namesrv.register', { broker: 'broker-a', topics: ['T'] }),
      ev(1, 0, 'namesrv.register', { broker: 'broker-b', topics: ['T'] }),
      ev(2, 1, 'route.update', { topic: 'T', brokers: ['broker-a', 'broker-b'] }),
      ev(3, 120_000, 'namesrv.expire', { broker: 'broker-a' }),
    ];
    const state = foldTo(topologyFold, trace, 3);
    expect(state.brokers.get('broker-a')?.registered).toBe(false);
    expect(state.namesrv.routes.get('T')?.brokers).toEqual(['broker-b']);
    expect(compareRoutes(state).find((c) => c.broker === 'broker-a')?.stale).toBe('expired');
  });

  it('applies a fault.inject to the broker it targets, whatever the fault field is called', () => {
    const trace: TraceArray = [
      ev(0, 0, 'fault.inject', { target: 'broker-a', faultType: 'slow' }),
      ev(1, 5, 'fault.inject', { target: 'broker-b', fault: 'busy' }),
      ev(2, 9, 'fault.clear', { target: 'broker-a', fault: 'slow' }),
    ];
    const mid = foldTo(topologyFold, trace, 1);
    expect(mid.brokers.get('broker-a')?.status).toBe('slow');
    expect(mid.brokers.get('broker-b')?.status).toBe('busy');
    const end = foldTo(topologyFold, trace, 2);
    expect(end.brokers.get('broker-a')?.status).toBe('up');
    expect(end.brokers.get('broker-a')?.faults).toEqual([]);
  });

  it('follows an RPC token from send to arrival to reply, and drops it after the step that ended it', () => {
    const sent = foldTo(topologyFold, downRetry, 17).rpcs.get(2);
    expect(sent).toMatchObject({
      from: 'producer',
      to: 'broker-b',
      kind: 'send',
      msgId: 'msg-1',
      phase: 'request',
    });
    expect(foldTo(topologyFold, downRetry, 18).rpcs.get(2)?.phase).toBe('atServer');
    const replied = foldTo(topologyFold, downRetry, 20);
    expect(replied.rpcs.has(2)).toBe(false);
    expect(replied.justEnded.map((t) => [t.rpcId, t.phase])).toEqual([[2, 'replied']]);
    expect(foldTo(topologyFold, downRetry, 21).justEnded).toEqual([]);
  });

  it('classifies route queries and heartbeats by their request code', () => {
    expect(foldTo(topologyFold, downRetry, 3).rpcs.get(1)?.kind).toBe('route');
    expect(foldTo(topologyFold, downRetry, 24).rpcs.get(3)?.kind).toBe('heartbeat');
  });

  it('keeps an unanswered request at the broker until the response-table scan times it out', () => {
    const waiting = foldTo(topologyFold, lostReply, 13);
    const token = waiting.rpcs.get(2)!;
    expect(token.phase).toBe('atServer');
    expect(rpcProgress(waiting.index.rpcTimings.get(2), token.phase, 4000)).toEqual({ leg: 'server', p: 1 });
    const timedOut = foldTo(topologyFold, lostReply, 14);
    expect(timedOut.justEnded.map((t) => [t.rpcId, t.phase])).toEqual([[2, 'timedOut']]);
    expect(timedOut.rpcStats).toEqual({ sent: 2, timedOut: 1 });
  });

  it('interpolates a token along its link from the RPC event times', () => {
    const timing = foldTo(topologyFold, downRetry, 0).index.rpcTimings.get(2);
    expect(timing).toEqual({ send: 2506, arrive: 2508, response: 2511 });
    expect(rpcProgress(timing, 'request', 2507)).toEqual({ leg: 'out', p: 0.5 });
    // No event says when the reply left: assume it took as long as the request (2 ms), so it left at 2509.
    expect(rpcProgress(timing, 'atServer', 2508.5)).toEqual({ leg: 'server', p: 1 });
    expect(rpcProgress(timing, 'atServer', 2510)).toEqual({ leg: 'back', p: 0.5 });
  });

  it('records the last stored offset per queue with the broker.store that produced it', () => {
    const b = foldTo(topologyFold, downRetry, 19).brokers.get('broker-b')!;
    expect(b.queues.get('TopicTest#0')).toEqual({
      topic: 'TopicTest',
      queueId: 0,
      offset: 17,
      offsetFrom: { seq: 19, kind: 'broker.store', t: 2509 },
    });
    expect(b.lastStore?.msgId).toBe('msg-1');
  });

  it('flags a duplicate store', () => {
    expect(foldTo(topologyFold, lostReply, 20).brokers.get('broker-b')?.lastStore?.duplicate).toBe(true);
  });

  it('ignores unknown kinds and events missing their fields instead of throwing', () => {
    const trace: TraceArray = [
      ev(0, 0, 'engine.something.new', { whatever: 1 }),
      ev(1, 1, 'rpc.send', { from: 'producer' }),
      ev(2, 2, 'route.update', {}),
      ev(3, 3, 'broker.state', { broker: 'broker-x' }),
      ev(4, 4, 'rpc.response', { rpcId: 99 }),
    ];
    const state = foldTo(topologyFold, trace, 4);
    expect(state.rpcs.size).toBe(0);
    expect(state.producer.routes.size).toBe(0);
    expect(state.now).toBe(4);
  });

  it('gives the same state from a checkpoint clone as from the start, and leaves the checkpoint untouched', () => {
    const checkpoint = foldTo(topologyFold, downRetry, 10);
    const snapshot = topologyFold.clone(checkpoint);
    expect(foldFromCheckpoint(topologyFold, downRetry, 10, 27)).toEqual(foldTo(topologyFold, downRetry, 27));
    let continued = topologyFold.clone(checkpoint);
    for (let i = 11; i < downRetry.length; i++) continued = topologyFold.apply(continued, downRetry[i]!, i);
    expect(checkpoint).toEqual(snapshot);
  });
});
