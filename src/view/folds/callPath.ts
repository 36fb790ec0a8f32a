import { kindAt } from '../../trace/access';
import type { SendMode, Trace, TraceEvent } from '../../trace/types';
import type { Fold } from '../fold';

/**
 * The Call path panel's fold: the upstream call stack active at the cursor. The innermost frame is the
 * event's own `code {cls, method}`; the frames above it follow upstream's call graph (which method calls
 * which, per send mode and per thread), from the thread's entry point down. The graph below is read from
 * the tags the project models (4.5.2, 4.9.8, 5.3.3); where they differ the stack follows the trace's code.
 */

export interface Frame {
  cls: string;
  method: string;
  /** A frame that is not a plain method: the executor task's body, or a callback. */
  role?: 'task' | 'callback';
}

/** Which thread runs the event: upstream names threads by their pool's prefix. */
export type ThreadKind =
  'caller' | 'asyncSender' | 'callback' | 'nettyIo' | 'scheduler' | 'broker' | 'namesrv' | 'simulator';

export interface ThreadInfo {
  kind: ThreadKind;
  /** The event's own thread name (`AsyncSenderExecutor_1`), when it gives one. */
  name: string | null;
}

interface MessageInfo {
  mode: SendMode | null;
  /** Index of the message's `executor.run`, or -1. */
  runIndex: number;
}

export type MessageIndex = ReadonlyMap<string, MessageInfo>;

export interface CallPathState {
  /** Per message: its send mode and when it left the executor queue (shared by every copy). */
  readonly messages: MessageIndex;
  /** The event at the cursor, or null before the first. */
  event: TraceEvent | null;
  index: number;
  /** Outermost first; the last frame is the event's own code. */
  frames: Frame[];
  thread: ThreadInfo;
  /** The message the stack belongs to (the event's, or the one whose route lookup or attempt it is part of). */
  msgId: string | null;
  /** A route lookup in progress: events of the route RPC carry no msgId but run inside it. */
  /** A send's route lookup that went to the name server, until its route arrives (and on which thread). */
  pendingLookup: { msgId: string; thread: string | undefined } | null;
  /** The last producer-side message context, for fault updates that carry no msgId. */
  lastMsgId: string | null;
  lastThread: ThreadInfo | null;
}

type Fields = Record<string, unknown>;
const fieldOf = (event: TraceEvent, name: string): unknown => (event as unknown as Fields)[name];
const strOf = (event: TraceEvent, name: string): string | undefined => {
  const v = fieldOf(event, name);
  return typeof v === 'string' ? v : undefined;
};

const key = (cls: string, method: string) => `${cls}.${method}`;

/** Upstream's callers, the same in every mode and thread. */
const PARENT: Readonly<Record<string, string>> = {
  'DefaultMQProducerImpl.send': 'DefaultMQProducer.send',
  // 5.x: the async send takes its back-pressure permits before it submits the task.
  'DefaultMQProducerImpl.executeAsyncMessageSend': 'DefaultMQProducerImpl.send',
  'DefaultMQProducerImpl.sendOneway': 'DefaultMQProducer.sendOneway',
  'DefaultMQProducerImpl.sendSelectImpl': 'DefaultMQProducerImpl.send',
  'DefaultMQProducerImpl.start': 'DefaultMQProducer.start',
  'DefaultMQProducerImpl.tryToFindTopicPublishInfo': 'DefaultMQProducerImpl.sendDefaultImpl',
  'MQClientInstance.updateTopicRouteInfoFromNameServer': 'DefaultMQProducerImpl.tryToFindTopicPublishInfo',
  'MQClientAPIImpl.getTopicRouteInfoFromNameServer': 'MQClientInstance.updateTopicRouteInfoFromNameServer',
  'DefaultMQProducerImpl.selectOneMessageQueue': 'DefaultMQProducerImpl.sendDefaultImpl',
  'MQFaultStrategy.selectOneMessageQueue': 'DefaultMQProducerImpl.selectOneMessageQueue',
  'TopicPublishInfo.selectOneMessageQueue': 'MQFaultStrategy.selectOneMessageQueue',
  'LatencyFaultToleranceImpl.isAvailable': 'MQFaultStrategy.selectOneMessageQueue',
  'LatencyFaultToleranceImpl.pickOneAtLeast': 'MQFaultStrategy.selectOneMessageQueue',
  'MQFaultStrategy.updateFaultItem': 'DefaultMQProducerImpl.updateFaultItem',
  'LatencyFaultToleranceImpl.updateFaultItem': 'MQFaultStrategy.updateFaultItem',
  'MQFaultStrategy.computeNotAvailableDuration': 'MQFaultStrategy.updateFaultItem',
  'DefaultMQProducerImpl.sendKernelImpl': 'DefaultMQProducerImpl.sendDefaultImpl',
  'MQClientAPIImpl.sendMessage': 'DefaultMQProducerImpl.sendKernelImpl',
  'MQClientAPIImpl.sendMessageSync': 'MQClientAPIImpl.sendMessage',
  'MQClientAPIImpl.sendMessageAsync': 'MQClientAPIImpl.sendMessage',
  'MQClientAPIImpl.onExceptionImpl': 'MQClientAPIImpl.sendMessageAsync',
  'NettyRemotingClient.invokeSync': 'MQClientAPIImpl.sendMessageSync',
  'NettyRemotingClient.invokeAsync': 'MQClientAPIImpl.sendMessageAsync',
  'NettyRemotingClient.invokeOneway': 'MQClientAPIImpl.sendMessage',
  'NettyRemotingAbstract.invokeSyncImpl': 'NettyRemotingClient.invokeSync',
  'NettyRemotingAbstract.invokeAsyncImpl': 'NettyRemotingClient.invokeAsync',
  'NettyRemotingAbstract.invokeOnewayImpl': 'NettyRemotingClient.invokeOneway',
  'MQClientAPIImpl.sendHeartbeat': 'MQClientInstance.sendHeartbeatToAllBroker',
  'MQClientAPIImpl.sendHearbeat': 'MQClientInstance.sendHeartbeatToAllBroker',
  'MQClientInstance.sendHeartbeatToAllBroker': 'MQClientInstance.sendHeartbeatToAllBrokerWithLock',
  // Broker side (SendMessageProcessor, 4.9.8 and 5.3.3 go through asyncSendMessage).
  'CommitLog.putMessage': 'DefaultMessageStore.putMessage',
  'CommitLog.asyncPutMessage': 'DefaultMessageStore.asyncPutMessage',
  'DefaultMessageStore.putMessage': 'SendMessageProcessor.sendMessage',
  'DefaultMessageStore.asyncPutMessage': 'SendMessageProcessor.asyncSendMessage',
  'SendMessageProcessor.sendMessage': 'SendMessageProcessor.processRequest',
  'SendMessageProcessor.asyncSendMessage': 'SendMessageProcessor.processRequest',
  // Name server side.
  'DefaultRequestProcessor.getRouteInfoByTopic': 'DefaultRequestProcessor.processRequest',
  'ClientRequestProcessor.getRouteInfoByTopic': 'ClientRequestProcessor.processRequest',
  'RouteInfoManager.registerBroker': 'DefaultRequestProcessor.registerBroker',
  'RouteInfoManager.pickupTopicRouteData': 'DefaultRequestProcessor.getRouteInfoByTopic',
  'DefaultRequestProcessor.registerBroker': 'DefaultRequestProcessor.processRequest',
};

const BROKER_CLASSES = new Set([
  'SendMessageProcessor',
  'AbstractSendMessageProcessor',
  'ClientManageProcessor',
  'BrokerController',
  'TopicConfigManager',
  'CommitLog',
  'DefaultMessageStore',
  'FlushDiskWatcher',
  'HAService',
  'DefaultHAService',
  'BrokerOuterAPI',
]);
const NAMESRV_CLASSES = new Set([
  'DefaultRequestProcessor',
  'ClientRequestProcessor',
  'RouteInfoManager',
  'NamesrvController',
]);
const SIMULATOR_CLASSES = new Set(['Scenario', 'Simulation', 'Simulator', 'Network']);
/**
 * Whether a producer-side route event belongs to the send's lookup rather than to the scheduled refresh that
 * may run meanwhile on MQClientFactoryScheduledThread: same thread, or a route update made for a send.
 */
function partOfLookup(event: TraceEvent, pending: CallPathState['pendingLookup']): boolean {
  if (pending === null) return false;
  const thread = strOf(event, 'thread');
  if (thread !== undefined && pending.thread !== undefined) return thread === pending.thread;
  const via = strOf(event, 'via');
  return via === undefined || via === 'send';
}

const ROUTE_CODES = new Set([
  'MQClientInstance.updateTopicRouteInfoFromNameServer',
  'MQClientAPIImpl.getTopicRouteInfoFromNameServer',
]);

interface Context {
  mode: SendMode | null;
  thread: ThreadKind;
  via: string | undefined;
}

/** The caller of `frame` in this context, or null at a thread's entry point. */
function parentOf(frame: string, ctx: Context): string | null {
  if (ctx.via === 'onExceptionImpl' && frame === 'DefaultMQProducerImpl.selectOneMessageQueue') {
    return 'MQClientAPIImpl.onExceptionImpl';
  }
  switch (frame) {
    case 'NettyRemotingClient.getAndCreateChannel':
      if (ctx.mode === 'ASYNC') return 'NettyRemotingClient.invokeAsync';
      if (ctx.mode === 'ONEWAY') return 'NettyRemotingClient.invokeOneway';
      return 'NettyRemotingClient.invokeSync';
    case 'MQClientAPIImpl.processSendResponse':
      return ctx.mode === 'ASYNC' ? 'MQClientAPIImpl.sendMessageAsync' : 'MQClientAPIImpl.sendMessageSync';
    case 'DefaultMQProducerImpl.sendDefaultImpl':
      if (ctx.mode === 'ONEWAY') return 'DefaultMQProducerImpl.sendOneway';
      return 'DefaultMQProducerImpl.send';
    case 'DefaultMQProducerImpl.send':
      return ctx.thread === 'asyncSender' ? 'ThreadPoolExecutor.runWorker' : 'DefaultMQProducer.send';
    case 'DefaultMQProducerImpl.updateFaultItem':
      // 4.x async: the InvokeCallback of sendMessageAsync records the latency when the reply comes.
      return ctx.thread === 'callback'
        ? 'MQClientAPIImpl.sendMessageAsync'
        : 'DefaultMQProducerImpl.sendDefaultImpl';
    case 'MQClientInstance.updateTopicRouteInfoFromNameServer':
      // On the scheduled-task thread the refresh is the task itself, not part of a send's lookup.
      return ctx.thread === 'scheduler' ? null : (PARENT[frame] ?? null);
    case 'MQClientAPIImpl.sendMessageAsync':
      // On the callback thread, the InvokeCallback written inside sendMessageAsync is what runs.
      return ctx.thread === 'callback'
        ? 'ResponseFuture.executeInvokeCallback'
        : 'MQClientAPIImpl.sendMessage';
    default:
      return PARENT[frame] ?? null;
  }
}

function threadOf(event: TraceEvent, info: MessageInfo | undefined, index: number): ThreadInfo {
  const name = strOf(event, 'worker') ?? strOf(event, 'thread') ?? null;
  const { cls } = event.code;
  if (SIMULATOR_CLASSES.has(cls)) return { kind: 'simulator', name: null };
  if (BROKER_CLASSES.has(cls)) return { kind: 'broker', name };
  if (NAMESRV_CLASSES.has(cls)) return { kind: 'namesrv', name };
  if (name !== null) {
    if (name.startsWith('AsyncSenderExecutor')) return { kind: 'asyncSender', name };
    if (name.startsWith('NettyClientPublicExecutor')) return { kind: 'callback', name };
    if (name.startsWith('NettyClientWorkerThread') || name.startsWith('NettyClientSelector')) {
      return { kind: 'nettyIo', name };
    }
    if (name.startsWith('MQClientFactoryScheduledThread')) return { kind: 'scheduler', name };
  }
  if (cls === 'NettyRemotingAbstract' && event.code.method === 'processResponseCommand') {
    return { kind: 'nettyIo', name };
  }
  if (info?.mode === 'ASYNC') {
    const beforeRun = info.runIndex < 0 || index < info.runIndex;
    if (event.kind === 'send.call' || event.kind === 'executor.enqueue' || event.kind === 'executor.reject') {
      return { kind: 'caller', name };
    }
    if (beforeRun) return { kind: 'caller', name };
    if (event.kind === 'send.result' && fieldOf(event, 'viaCallback') === true && name === null) {
      return { kind: 'callback', name };
    }
    return { kind: 'asyncSender', name };
  }
  return { kind: 'caller', name };
}

/** Entry frames of a thread that upstream code does not show as methods of the model. */
function threadRoot(thread: ThreadKind): Frame[] {
  switch (thread) {
    case 'scheduler':
      return [{ cls: 'MQClientInstance', method: 'startScheduledTask' }];
    default:
      return [];
  }
}

const MAX_DEPTH = 24;

/** The call stack of one event, given the mode of its message and its thread. */
export function stackOf(event: TraceEvent, mode: SendMode | null, thread: ThreadKind): Frame[] {
  const ctx: Context = { mode, thread, via: strOf(event, 'via') };
  const inner = key(event.code.cls, event.code.method);
  const chain: string[] = [inner];
  let current = inner;
  while (chain.length < MAX_DEPTH) {
    const parent = parentOf(current, ctx);
    if (parent === null || chain.includes(parent)) break;
    chain.unshift(parent);
    current = parent;
  }
  const frames: Frame[] = chain.map((k) => {
    const dot = k.lastIndexOf('.');
    const frame: Frame = { cls: k.slice(0, dot), method: k.slice(dot + 1) };
    if (k === 'DefaultMQProducerImpl.send' && thread === 'asyncSender') frame.role = 'task';
    if (k === 'MQClientAPIImpl.sendMessageAsync' && thread === 'callback') frame.role = 'callback';
    return frame;
  });
  return [...threadRoot(thread), ...frames];
}

const messageMemo = new WeakMap<Trace, MessageIndex>();

/** Every message's mode and executor start, computed once per trace. */
export function messageIndex(trace: Trace): MessageIndex {
  let index = messageMemo.get(trace);
  if (!index) {
    const map = new Map<string, MessageInfo>();
    for (let i = 0; i < trace.length; i++) {
      // Only these two kinds say anything here (a message without them reads as unknown anyway).
      const kind = kindAt(trace, i);
      if (kind !== 'send.call' && kind !== 'executor.run') continue;
      const event = trace.at(i)!;
      const msgId = strOf(event, 'msgId');
      if (msgId === undefined) continue;
      let info = map.get(msgId);
      if (!info) {
        info = { mode: null, runIndex: -1 };
        map.set(msgId, info);
      }
      if (event.kind === 'send.call') {
        const mode = strOf(event, 'mode');
        if (mode === 'SYNC' || mode === 'ASYNC' || mode === 'ONEWAY') info.mode = mode;
      } else if (event.kind === 'executor.run' && info.runIndex < 0) {
        info.runIndex = i;
      }
    }
    index = map;
    messageMemo.set(trace, index);
  }
  return index;
}

const PRODUCER_SIDE: ReadonlySet<ThreadKind> = new Set(['caller', 'asyncSender', 'callback']);

export const callPathFold: Fold<CallPathState> = {
  name: 'callPath',
  initial: (trace) => ({
    messages: messageIndex(trace),
    event: null,
    index: -1,
    frames: [],
    thread: { kind: 'caller', name: null },
    msgId: null,
    pendingLookup: null,
    lastMsgId: null,
    lastThread: null,
  }),
  apply(state, event, index) {
    let msgId = strOf(event, 'msgId') ?? null;
    const code = key(event.code.cls, event.code.method);
    if (msgId === null && ROUTE_CODES.has(code) && partOfLookup(event, state.pendingLookup)) {
      msgId = state.pendingLookup!.msgId;
    }
    if (msgId === null && event.kind === 'fault.update') msgId = state.lastMsgId;
    const info = msgId !== null ? state.messages.get(msgId) : undefined;
    let thread = threadOf(event, info, index);
    if (strOf(event, 'msgId') === undefined && event.kind === 'fault.update' && state.lastThread) {
      thread = state.lastThread;
    }
    if (msgId === null && ROUTE_CODES.has(code)) thread = { kind: 'scheduler', name: thread.name };
    if (
      msgId === null &&
      (code === 'MQClientAPIImpl.sendHeartbeat' || code === 'MQClientAPIImpl.sendHearbeat')
    ) {
      thread = { kind: 'scheduler', name: thread.name };
    }
    state.event = event;
    state.index = index;
    state.msgId = msgId;
    state.thread = thread;
    state.frames = stackOf(event, info?.mode ?? null, thread.kind);
    if (event.kind === 'route.lookup') {
      const source = strOf(event, 'source');
      state.pendingLookup =
        msgId !== null && source !== 'cache' ? { msgId, thread: strOf(event, 'thread') } : null;
    } else if (
      (event.kind === 'route.update' && strOf(event, 'via') !== 'refresh') ||
      event.kind === 'queue.select' ||
      event.kind === 'send.result'
    ) {
      state.pendingLookup = null;
    }
    if (msgId !== null && PRODUCER_SIDE.has(thread.kind)) {
      state.lastMsgId = msgId;
      state.lastThread = thread;
    }
    return state;
  },
  clone: (state) => ({ ...state, frames: [...state.frames], thread: { ...state.thread } }),
};
