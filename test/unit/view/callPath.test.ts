import { describe, expect, it } from 'vitest';
import { createFoldCursor, foldFromZero } from '../../../src/view/cursor';
import { callPathFold, type Frame } from '../../../src/view/folds/callPath';
import { parseUpstreamVersion, upstreamSource, upstreamVersionOf } from '../../../src/view/upstream';
import type { TraceArray, TraceEvent } from '../../../src/trace/types';
import { readTrace } from '../../fixtures/traces/readTrace';
import { parseScenarioText } from '../../../src/scenario';
import { runScenario } from '../../../src/sim/runScenario';
import tbw102Text from '../../../public/scenarios/tbw102-auto-create.json?raw';

const names = (frames: Frame[]) => frames.map((f) => `${f.cls}.${f.method}${f.role ? ` (${f.role})` : ''}`);

/** The step at which the n-th event (0-based) matching `pred` is the one at the cursor. */
function stepOf(trace: TraceArray, pred: (e: TraceEvent) => boolean, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < trace.length; i++) {
    if (pred(trace.at(i)!) && seen++ === nth) return i + 1;
  }
  throw new Error('no such event');
}

describe('callPathFold on the sync retry fixture', () => {
  const trace = readTrace('sync-retry-broker-error');
  const at = (step: number) => foldFromZero(trace, callPathFold, step);

  it('shows nothing before the first event', () => {
    expect(at(0)).toMatchObject({ event: null, frames: [] });
  });

  it('puts the queue selection under the facade, sendDefaultImpl and the fault strategy, on the caller thread', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'queue.select'));
    expect(names(state.frames)).toEqual([
      'DefaultMQProducer.send',
      'DefaultMQProducerImpl.send',
      'DefaultMQProducerImpl.sendDefaultImpl',
      'DefaultMQProducerImpl.selectOneMessageQueue',
      'MQFaultStrategy.selectOneMessageQueue',
    ]);
    expect(state.thread.kind).toBe('caller');
    expect(state.msgId).toBe('C0A80005303918B4AAC2000000000001');
  });

  it('puts the route RPC, which names no message, inside the route lookup of the message that needed it', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'rpc.send'));
    expect(names(state.frames)).toEqual([
      'DefaultMQProducer.send',
      'DefaultMQProducerImpl.send',
      'DefaultMQProducerImpl.sendDefaultImpl',
      'DefaultMQProducerImpl.tryToFindTopicPublishInfo',
      'MQClientInstance.updateTopicRouteInfoFromNameServer',
      'MQClientAPIImpl.getTopicRouteInfoFromNameServer',
    ]);
  });

  it('shows the name server and the broker on their own side', () => {
    const arrive = at(stepOf(trace, (e) => e.kind === 'rpc.arrive'));
    expect(arrive.thread.kind).toBe('namesrv');
    expect(names(arrive.frames)).toEqual([
      'DefaultRequestProcessor.processRequest',
      'DefaultRequestProcessor.getRouteInfoByTopic',
    ]);
    const store = at(stepOf(trace, (e) => e.kind === 'broker.store'));
    expect(store.thread.kind).toBe('broker');
    expect(names(store.frames)).toEqual([
      'SendMessageProcessor.processRequest',
      'SendMessageProcessor.sendMessage',
      'DefaultMessageStore.putMessage',
      'CommitLog.putMessage',
    ]);
  });

  it('attributes the fault update after the failed attempt to that message, under updateFaultItem', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'fault.update'));
    expect(state.msgId).toBe('C0A80005303918B4AAC2000000000001');
    expect(names(state.frames).slice(-3)).toEqual([
      'DefaultMQProducerImpl.sendDefaultImpl',
      'DefaultMQProducerImpl.updateFaultItem',
      'MQFaultStrategy.updateFaultItem',
    ]);
  });
});

describe('callPathFold on the async executor fixture', () => {
  const trace = readTrace('async-executor-timeout');
  const at = (step: number) => foldFromZero(trace, callPathFold, step);

  it('runs the enqueue on the caller thread and the task body on the AsyncSenderExecutor worker', () => {
    const enqueue = at(stepOf(trace, (e) => e.kind === 'executor.enqueue'));
    expect(enqueue.thread.kind).toBe('caller');
    const check = at(stepOf(trace, (e) => e.kind === 'budget.check'));
    expect(check.thread).toEqual({ kind: 'asyncSender', name: 'AsyncSenderExecutor_1' });
    expect(names(check.frames)).toEqual([
      'ThreadPoolExecutor.runWorker',
      'DefaultMQProducerImpl.send (task)',
    ]);
  });

  it('shows the async re-send selection under onExceptionImpl, inside the worker’s send', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'queue.select', 1));
    expect(names(state.frames)).toEqual([
      'ThreadPoolExecutor.runWorker',
      'DefaultMQProducerImpl.send (task)',
      'DefaultMQProducerImpl.sendDefaultImpl',
      'DefaultMQProducerImpl.sendKernelImpl',
      'MQClientAPIImpl.sendMessage',
      'MQClientAPIImpl.sendMessageAsync',
      'MQClientAPIImpl.onExceptionImpl',
      'DefaultMQProducerImpl.selectOneMessageQueue',
      'MQFaultStrategy.selectOneMessageQueue',
    ]);
  });

  it('runs the blocking connect under invokeAsync for an async message', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'channel.connect'));
    expect(names(state.frames).slice(-2)).toEqual([
      'NettyRemotingClient.invokeAsync',
      'NettyRemotingClient.getAndCreateChannel',
    ]);
  });

  it('delivers the successful result on the callback executor, inside the InvokeCallback of sendMessageAsync', () => {
    const state = at(stepOf(trace, (e) => e.kind === 'send.result', 2));
    expect(state.thread).toEqual({ kind: 'callback', name: 'NettyClientPublicExecutor_1' });
    expect(names(state.frames)).toEqual([
      'ResponseFuture.executeInvokeCallback',
      'MQClientAPIImpl.sendMessageAsync (callback)',
    ]);
  });

  it('marks the injected fault as the simulator’s, not upstream code', () => {
    expect(at(stepOf(trace, (e) => e.kind === 'fault.inject')).thread.kind).toBe('simulator');
  });

  it('gives the same state through the checkpointed cursor as from zero, at every step', () => {
    const cursor = createFoldCursor(trace, callPathFold, { interval: 4 });
    for (let step = trace.length; step >= 0; step -= 3) {
      expect(cursor.at(step)).toEqual(at(step));
    }
  });
});

describe('upstream sources', () => {
  it('gives the file of each class at the chosen tag, with a link to that tag', () => {
    expect(upstreamSource('4.9.8', 'MQFaultStrategy')).toEqual({
      kind: 'rocketmq',
      cls: 'MQFaultStrategy',
      path: 'client/src/main/java/org/apache/rocketmq/client/latency/MQFaultStrategy.java',
      url: 'https://github.com/apache/rocketmq/blob/rocketmq-all-4.9.8/client/src/main/java/org/apache/rocketmq/client/latency/MQFaultStrategy.java',
    });
  });

  it('follows classes that moved between tags', () => {
    expect(upstreamSource('4.5.2', 'ResponseCode')).toMatchObject({
      path: 'common/src/main/java/org/apache/rocketmq/common/protocol/ResponseCode.java',
    });
    expect(upstreamSource('5.3.3', 'ResponseCode')).toMatchObject({
      path: 'remoting/src/main/java/org/apache/rocketmq/remoting/protocol/ResponseCode.java',
    });
    expect(upstreamSource('5.3.3', 'DefaultRequestProcessor', 'getRouteInfoByTopic')).toMatchObject({
      cls: 'ClientRequestProcessor',
    });
    expect(upstreamSource('4.9.8', 'DefaultRequestProcessor', 'getRouteInfoByTopic')).toMatchObject({
      cls: 'DefaultRequestProcessor',
    });
  });

  it('says when a class is not in a tag, or is a JDK class', () => {
    expect(upstreamSource('4.9.8', 'ServiceDetector')).toEqual({ kind: 'unknown', cls: 'ServiceDetector' });
    expect(upstreamSource('5.3.3', 'ServiceDetector').kind).toBe('rocketmq');
    expect(upstreamSource('4.9.8', 'ThreadPoolExecutor')).toEqual({
      kind: 'jdk',
      cls: 'ThreadPoolExecutor',
      qualifiedName: 'java.util.concurrent.ThreadPoolExecutor',
    });
  });

  it('reads the version a scenario models, as people write it, else 4.9.8', () => {
    expect(parseUpstreamVersion('rocketmq-all-5.3.3')).toBe('5.3.3');
    expect(parseUpstreamVersion('v4.5.2')).toBe('4.5.2');
    expect(parseUpstreamVersion('4.7.1')).toBeNull();
    expect(upstreamVersionOf({ rocketmqVersion: '4.5.2' })).toBe('4.5.2');
    expect(upstreamVersionOf(null)).toBe('4.9.8');
  });
});

describe('callPathFold on a scheduled route refresh (tbw102-auto-create)', () => {
  const parsed = parseScenarioText(tbw102Text);
  if (!parsed.ok) throw new Error('tbw102-auto-create does not validate');
  const trace = runScenario(parsed.scenario);
  const at = (step: number) => foldFromZero(trace, callPathFold, step);
  const fields = (e: TraceEvent) => e as unknown as Record<string, unknown>;

  it('gives the refresh its own scheduled-task stack, not the waiting send’s', () => {
    const lookup = trace.findIndex((e) => e.kind === 'route.lookup' && fields(e).source !== 'cache');
    const refresh = trace.findIndex(
      (e, i) => i > lookup && e.kind === 'route.update' && fields(e).via === 'refresh',
    );
    expect(lookup).toBeGreaterThanOrEqual(0);
    expect(refresh).toBeGreaterThan(lookup);
    const state = at(refresh + 1);
    expect(state.msgId).toBeNull();
    expect(state.thread.kind).toBe('scheduler');
    expect(names(state.frames)).toEqual([
      'MQClientInstance.startScheduledTask',
      'MQClientInstance.updateTopicRouteInfoFromNameServer',
    ]);
  });
});
