import { fieldAt, kindAt, timeAt } from '../../trace/access';
import type { Trace, TraceEvent } from '../../trace/types';
import type { Fold } from '../fold';
import { firstStr, msgIdOf, num, provenance, str, type Provenance } from './eventFields';
import { readRoute, registeredTopics, type QueueRef } from './route';
import { rpcKindOfName, rpcName, type RpcKind } from './rpcKinds';

/**
 * The Topology panel's fold: the producer (its `MQClientInstance`, `ServiceState` and the route it believes
 * per topic), the name server (the route truth), each broker (state, queues, last stored offset) and the
 * RPCs in flight. The set of nodes comes from the whole trace (so the picture does not jump while
 * stepping); what each node says comes only from events up to the cursor.
 */

export type NodeRole = 'producer' | 'namesrv' | 'broker';

/** `up` and `down` are the usual; `slow` and `busy` come from faults; anything else is shown as written. */
export type BrokerStatus = 'up' | 'down' | 'slow' | 'busy' | (string & {});

export interface BrokerQueue {
  topic: string | null;
  queueId: number;
  /** The last offset `broker.store` reported for this queue. */
  offset: number | null;
  offsetFrom: Provenance | null;
}

export interface BrokerNode {
  name: string;
  status: BrokerStatus;
  /** The event that set the status; null while it is only assumed (`up`). */
  statusFrom: Provenance | null;
  /** Active injected faults (`fault.inject` on this broker until a matching clear). */
  faults: { kind: string; from: Provenance }[];
  /** Name server truth: registered (true), expired or unregistered (false), not yet said (null). */
  registered: boolean | null;
  registeredFrom: Provenance | null;
  /** Queues keyed `topic#queueId`. */
  queues: Map<string, BrokerQueue>;
  lastStore: { msgId: string; queueId: number; offset: number; duplicate: boolean; from: Provenance } | null;
}

export interface BelievedRoute {
  topic: string;
  brokers: string[];
  queues: QueueRef[];
  from: Provenance;
}

export interface RouteLookup {
  topic: string;
  source: string;
  from: Provenance;
}

export type RpcPhase = 'request' | 'atServer' | 'reply' | 'replied' | 'timedOut' | 'lateReply';

export interface RpcToken {
  rpcId: number;
  from: string;
  to: string;
  name: string;
  kind: RpcKind;
  msgId: string | null;
  phase: RpcPhase;
  sent: Provenance;
  /** The latest event of this RPC. */
  last: Provenance;
}

/** When each leg of an RPC happens, from the whole trace: the token's position is interpolated from it. */
export interface RpcTiming {
  send: number;
  arrive?: number;
  replyDepart?: number;
  response?: number;
  timeout?: number;
}

export interface TopologyIndex {
  producers: string[];
  namesrvs: string[];
  brokers: string[];
  /** Endpoint id (as in `rpc.*` from/to) -> node id. */
  endpoints: Map<string, { role: NodeRole; node: string }>;
  rpcTimings: Map<number, RpcTiming>;
}

export interface TopologyState {
  readonly index: TopologyIndex;
  now: number;
  lastSeq: number;
  producer: {
    serviceState: string | null;
    serviceStateFrom: Provenance | null;
    clientId: string | null;
    routes: Map<string, BelievedRoute>;
    lookups: Map<string, RouteLookup>;
  };
  namesrv: {
    /** topic -> brokers registered for it (from `namesrv.register` topic lists). */
    routes: Map<string, { brokers: string[]; from: Provenance }>;
  };
  brokers: Map<string, BrokerNode>;
  rpcs: Map<number, RpcToken>;
  /** RPCs that ended at the cursor's event, shown for that one step. */
  justEnded: RpcToken[];
  rpcStats: { sent: number; timedOut: number };
}

const NAMESRV_PATTERN = /name-?s(erve)?r?v|nameserver|namesrv/i;
const PRODUCER_PATTERN = /producer|client|instance/i;

/** The fields naming an RPC's two ends. */
const ENDPOINT_KEYS = ['from', 'to'] as const;

/** The kinds `brokerNamesIn` reads (besides `fault.update` and `queue.select`, read field by field). */
const NAMING_KINDS: ReadonlySet<string> = new Set([
  'broker.state',
  'namesrv.register',
  'namesrv.expire',
  'namesrv.unregister',
  'broker.store',
  'fault.inject',
  'fault.clear',
  'route.update',
]);

/** Broker names an event mentions, for the node list. */
function brokerNamesIn(e: TraceEvent): string[] {
  switch (e.kind) {
    case 'broker.state':
    case 'namesrv.register':
    case 'namesrv.expire':
    case 'namesrv.unregister':
    case 'broker.store': {
      const b = firstStr(e, ['broker', 'brokerName']);
      return b ? [b] : [];
    }
    case 'fault.inject':
    case 'fault.clear': {
      const target = firstStr(e, ['target', 'broker', 'brokerName']);
      return target && !target.includes('->') && !NAMESRV_PATTERN.test(target) ? [target] : [];
    }
    case 'route.update':
      return readRoute(e).brokers;
    default:
      return [];
  }
}

/** Builds the node list and RPC timings from the whole trace. */
export function indexTopology(trace: Trace): TopologyIndex {
  const brokers: string[] = [];
  const brokerSet = new Set<string>();
  const addrToBroker = new Map<string, string>();
  const rpcTimings = new Map<number, RpcTiming>();
  const rpcEnds = new Map<number, { from: string; to: string; kind: RpcKind }>();
  const addBroker = (b: string) => {
    if (!brokerSet.has(b)) {
      brokerSet.add(b);
      brokers.push(b);
    }
  };
  for (let i = 0; i < trace.length; i++) {
    const kind = kindAt(trace, i);
    if (kind.startsWith('rpc.')) {
      // A third of a big trace: read the few fields needed without building the event.
      const rpcId = fieldAt(trace, i, 'rpcId');
      if (typeof rpcId !== 'number') continue;
      const t = timeAt(trace, i);
      let timing = rpcTimings.get(rpcId);
      if (kind === 'rpc.send') {
        if (!timing) {
          timing = { send: t };
          rpcTimings.set(rpcId, timing);
          const from = fieldAt(trace, i, 'from');
          const to = fieldAt(trace, i, 'to');
          if (typeof from === 'string' && from !== '' && typeof to === 'string' && to !== '') {
            const name = fieldAt(trace, i, 'name');
            const kindName = typeof name === 'string' && name !== '' ? name : rpcName(trace.at(i)!);
            rpcEnds.set(rpcId, { from, to, kind: rpcKindOfName(kindName) });
          }
        } else if (timing.replyDepart === undefined) {
          // A second `rpc.send` of the same id from the server is the reply leaving it.
          timing.replyDepart = t;
        }
        continue;
      }
      if (!timing) continue;
      if (kind === 'rpc.arrive' && timing.arrive === undefined) timing.arrive = t;
      if (kind === 'rpc.response' && timing.response === undefined) timing.response = t;
      if (kind === 'rpc.timeout' && timing.timeout === undefined) timing.timeout = t;
      continue;
    }
    if (kind === 'fault.update' || kind === 'queue.select') {
      // A tenth of a big trace each, naming one broker (and the skipped queues' brokers).
      const b = fieldAt(trace, i, 'brokerName');
      if (typeof b === 'string' && b !== '') addBroker(b);
      if (kind === 'queue.select') {
        const skipped = fieldAt(trace, i, 'skipped');
        if (Array.isArray(skipped)) {
          for (const q of skipped as { brokerName?: unknown }[]) {
            if (typeof q?.brokerName === 'string' && q.brokerName !== '') addBroker(q.brokerName);
          }
        }
      }
      continue;
    }
    if (!NAMING_KINDS.has(kind)) continue;
    const e = trace.at(i)!;
    for (const b of brokerNamesIn(e)) addBroker(b);
    if (e.kind === 'route.update')
      for (const [addr, name] of readRoute(e).addrs) addrToBroker.set(addr, name);
    if (e.kind === 'broker.state') {
      const addr = str(e, 'addr');
      const b = str(e, 'broker');
      if (addr && b) addrToBroker.set(addr, b);
    }
  }

  const endpoints = new Map<string, { role: NodeRole; node: string }>();
  const producers: string[] = [];
  const namesrvs: string[] = [];
  const classify = (id: string, hint: NodeRole | null) => {
    if (endpoints.has(id)) return;
    if (brokerSet.has(id)) return endpoints.set(id, { role: 'broker', node: id });
    const mapped = addrToBroker.get(id);
    if (mapped) {
      addBroker(mapped);
      return endpoints.set(id, { role: 'broker', node: mapped });
    }
    let role: NodeRole;
    if (NAMESRV_PATTERN.test(id)) role = 'namesrv';
    else if (PRODUCER_PATTERN.test(id)) role = 'producer';
    else role = hint ?? 'broker';
    if (role === 'namesrv') namesrvs.push(id);
    else if (role === 'producer') producers.push(id);
    else addBroker(id);
    endpoints.set(id, { role, node: id });
  };
  // Names first, then what the RPC's purpose implies: a route query goes producer -> name server, a send
  // goes producer -> broker, a registration broker -> name server.
  for (const { from, to } of rpcEnds.values()) {
    if (brokerSet.has(from) || NAMESRV_PATTERN.test(from) || PRODUCER_PATTERN.test(from))
      classify(from, null);
    if (brokerSet.has(to) || NAMESRV_PATTERN.test(to) || PRODUCER_PATTERN.test(to)) classify(to, null);
  }
  for (const { from, to, kind } of rpcEnds.values()) {
    if (kind === 'register') {
      classify(from, 'broker');
      classify(to, 'namesrv');
    } else if (kind === 'route') {
      classify(from, 'producer');
      classify(to, 'namesrv');
    } else {
      classify(from, 'producer');
      classify(to, 'broker');
    }
  }
  for (let i = 0; i < trace.length; i++) {
    for (const key of ENDPOINT_KEYS) {
      const id = fieldAt(trace, i, key);
      if (typeof id === 'string' && id !== '') classify(id, null);
    }
  }
  if (producers.length === 0) producers.push('producer');
  if (namesrvs.length === 0) namesrvs.push('namesrv');
  return { producers, namesrvs, brokers, endpoints, rpcTimings };
}

function newBroker(name: string): BrokerNode {
  return {
    name,
    status: 'up',
    statusFrom: null,
    faults: [],
    registered: null,
    registeredFrom: null,
    queues: new Map(),
    lastStore: null,
  };
}

const DOWN_FAULTS = new Set(['down', 'crash', 'kill', 'stop', 'shutdown', 'offline']);
const UP_FAULTS = new Set(['up', 'start', 'recover', 'restart', 'heal', 'online']);
const SERVICE_STATE_KINDS = new Set([
  'producer.state',
  'client.state',
  'producer.serviceState',
  'mqclient.state',
  'service.state',
]);

function broker(state: TopologyState, name: string): BrokerNode {
  let b = state.brokers.get(name);
  if (!b) {
    b = newBroker(name);
    state.brokers.set(name, b);
  }
  return b;
}

function setQueues(state: TopologyState, topic: string, queues: QueueRef[]): void {
  for (const q of queues) {
    const b = broker(state, q.brokerName);
    const key = `${topic}#${q.queueId}`;
    if (!b.queues.has(key)) b.queues.set(key, { topic, queueId: q.queueId, offset: null, offsetFrom: null });
  }
}

function endRpc(state: TopologyState, token: RpcToken, phase: RpcPhase, e: TraceEvent): void {
  token.phase = phase;
  token.last = provenance(e);
  state.rpcs.delete(token.rpcId);
  state.justEnded.push(token);
}

function applyRpc(state: TopologyState, e: TraceEvent): void {
  const rpcId = num(e, 'rpcId');
  if (rpcId === undefined) return;
  const token = state.rpcs.get(rpcId);
  switch (e.kind) {
    case 'rpc.send': {
      if (token) {
        if (token.phase === 'atServer' || token.phase === 'request') {
          token.phase = 'reply';
          token.last = provenance(e);
        }
        return;
      }
      const name = rpcName(e);
      state.rpcs.set(rpcId, {
        rpcId,
        from: str(e, 'from') ?? '?',
        to: str(e, 'to') ?? '?',
        name,
        kind: rpcKindOfName(name),
        msgId: msgIdOf(e) ?? null,
        phase: 'request',
        sent: provenance(e),
        last: provenance(e),
      });
      state.rpcStats.sent++;
      return;
    }
    case 'rpc.arrive':
      if (token && token.phase === 'request') {
        token.phase = 'atServer';
        token.last = provenance(e);
      }
      return;
    case 'rpc.response':
      if (token) endRpc(state, token, 'replied', e);
      else {
        // A reply to an RPC that already timed out: upstream logs "not matched any request" and drops it.
        const ended = state.justEnded.find((t) => t.rpcId === rpcId);
        if (!ended) {
          state.justEnded.push({
            rpcId,
            from: str(e, 'to') ?? '?',
            to: str(e, 'from') ?? '?',
            name: rpcName(e),
            kind: rpcKindOfName(rpcName(e)),
            msgId: msgIdOf(e) ?? null,
            phase: 'lateReply',
            sent: provenance(e),
            last: provenance(e),
          });
        }
      }
      return;
    case 'rpc.timeout':
      if (token) {
        endRpc(state, token, 'timedOut', e);
        state.rpcStats.timedOut++;
      }
      return;
  }
}

function applyFault(state: TopologyState, e: TraceEvent, clear: boolean): void {
  const target = firstStr(e, ['target', 'broker', 'brokerName']);
  const kind = faultKindField(e);
  if (!target || target.includes('->') || NAMESRV_PATTERN.test(target)) return;
  const b = broker(state, target);
  if (clear) {
    b.faults = kind ? b.faults.filter((f) => f.kind !== kind) : [];
    if (b.faults.length === 0 && b.status !== 'up' && (!kind || kind === b.status || DOWN_FAULTS.has(kind))) {
      b.status = 'up';
      b.statusFrom = provenance(e);
    }
    return;
  }
  if (!kind) return;
  const lower = kind.toLowerCase();
  if (UP_FAULTS.has(lower)) {
    b.faults = [];
    b.status = 'up';
    b.statusFrom = provenance(e);
    return;
  }
  b.faults = [...b.faults.filter((f) => f.kind !== kind), { kind, from: provenance(e) }];
  if (DOWN_FAULTS.has(lower)) b.status = 'down';
  else if (lower === 'slow' || lower === 'busy') b.status = lower;
  else return;
  b.statusFrom = provenance(e);
}

/**
 * `fault.inject` carries the fault's kind in a field also called `kind` in the scenario, which the trace
 * event's own `kind` shadows; engines rename it. Read the common spellings.
 */
function faultKindField(e: TraceEvent): string | undefined {
  return firstStr(e, ['fault', 'faultKind', 'faultType', 'type', 'action', 'what', 'state', 'mode']);
}

export const topologyFold: Fold<TopologyState> = {
  name: 'topology',
  initial(trace: Trace): TopologyState {
    const index = indexTopology(trace);
    const brokers = new Map<string, BrokerNode>();
    for (const b of index.brokers) brokers.set(b, newBroker(b));
    return {
      index,
      now: 0,
      lastSeq: -1,
      producer: {
        serviceState: null,
        serviceStateFrom: null,
        clientId: null,
        routes: new Map(),
        lookups: new Map(),
      },
      namesrv: { routes: new Map() },
      brokers,
      rpcs: new Map(),
      justEnded: [],
      rpcStats: { sent: 0, timedOut: 0 },
    };
  },
  apply(state: TopologyState, e: TraceEvent): TopologyState {
    state.now = e.t;
    state.lastSeq = e.seq;
    if (state.justEnded.length > 0) state.justEnded = [];
    const serviceState = str(e, 'serviceState');
    if (serviceState !== undefined || SERVICE_STATE_KINDS.has(e.kind)) {
      const value = serviceState ?? str(e, 'state');
      if (value !== undefined) {
        state.producer.serviceState = value;
        state.producer.serviceStateFrom = provenance(e);
        state.producer.clientId = firstStr(e, ['clientId', 'instanceName']) ?? state.producer.clientId;
      }
    }
    switch (e.kind) {
      case 'rpc.send':
      case 'rpc.arrive':
      case 'rpc.response':
      case 'rpc.timeout':
        applyRpc(state, e);
        break;
      case 'route.update': {
        const topic = str(e, 'topic');
        if (!topic) break;
        const route = readRoute(e);
        state.producer.routes.set(topic, {
          topic,
          brokers: route.brokers,
          queues: route.queues,
          from: provenance(e),
        });
        setQueues(state, topic, route.queues);
        break;
      }
      case 'route.lookup': {
        const topic = str(e, 'topic');
        if (topic)
          state.producer.lookups.set(topic, { topic, source: str(e, 'source') ?? '?', from: provenance(e) });
        break;
      }
      case 'namesrv.register': {
        const name = firstStr(e, ['broker', 'brokerName']);
        if (!name) break;
        const b = broker(state, name);
        b.registered = true;
        b.registeredFrom = provenance(e);
        for (const topic of registeredTopics(e)) {
          const current = state.namesrv.routes.get(topic);
          const brokers = current ? current.brokers.filter((x) => x !== name) : [];
          state.namesrv.routes.set(topic, { brokers: [...brokers, name], from: provenance(e) });
        }
        break;
      }
      case 'namesrv.expire':
      case 'namesrv.unregister': {
        const name = firstStr(e, ['broker', 'brokerName']);
        if (!name) break;
        const b = broker(state, name);
        b.registered = false;
        b.registeredFrom = provenance(e);
        for (const [topic, route] of state.namesrv.routes) {
          if (route.brokers.includes(name)) {
            state.namesrv.routes.set(topic, {
              brokers: route.brokers.filter((x) => x !== name),
              from: provenance(e),
            });
          }
        }
        break;
      }
      case 'broker.state': {
        const name = firstStr(e, ['broker', 'brokerName']);
        const status = str(e, 'state');
        if (!name || !status) break;
        const b = broker(state, name);
        b.status = status;
        b.statusFrom = provenance(e);
        if (status === 'up') b.faults = [];
        break;
      }
      case 'fault.inject':
        applyFault(state, e, false);
        break;
      case 'fault.clear':
      case 'fault.end':
      case 'fault.remove':
        applyFault(state, e, true);
        break;
      case 'broker.store': {
        const name = str(e, 'broker');
        const queueId = num(e, 'queueId');
        const offset = num(e, 'offset');
        const msgId = msgIdOf(e);
        if (!name || queueId === undefined || offset === undefined) break;
        const b = broker(state, name);
        const topic = str(e, 'topic') ?? null;
        const key = `${topic}#${queueId}`;
        b.queues.set(key, { topic, queueId, offset, offsetFrom: provenance(e) });
        b.lastStore = {
          msgId: msgId ?? '?',
          queueId,
          offset,
          duplicate: e.kind === 'broker.store' && (e as { duplicate?: unknown }).duplicate === true,
          from: provenance(e),
        };
        break;
      }
    }
    return state;
  },
  clone(state: TopologyState): TopologyState {
    const brokers = new Map<string, BrokerNode>();
    for (const [name, b] of state.brokers) {
      brokers.set(name, { ...b, faults: [...b.faults], queues: new Map(b.queues) });
    }
    const rpcs = new Map<number, RpcToken>();
    for (const [id, token] of state.rpcs) rpcs.set(id, { ...token });
    return {
      index: state.index,
      now: state.now,
      lastSeq: state.lastSeq,
      producer: {
        ...state.producer,
        routes: new Map(state.producer.routes),
        lookups: new Map(state.producer.lookups),
      },
      namesrv: { routes: new Map(state.namesrv.routes) },
      brokers,
      rpcs,
      justEnded: state.justEnded.map((t) => ({ ...t })),
      rpcStats: { ...state.rpcStats },
    };
  },
};

/** Why a broker in the producer's route is stale, or null when the route still matches the truth. */
export type StaleReason = 'down' | 'expired' | 'notInTruth';

export interface RouteComparison {
  topic: string;
  broker: string;
  believed: boolean;
  stale: StaleReason | null;
}

/**
 * The route the producer believes against the truth, per topic and broker: a broker still in the producer's
 * route that is down, expired from the name server, or absent from the name server's route is stale.
 */
export function compareRoutes(state: TopologyState): RouteComparison[] {
  const out: RouteComparison[] = [];
  for (const [topic, route] of state.producer.routes) {
    const truth = state.namesrv.routes.get(topic);
    for (const name of route.brokers) {
      const b = state.brokers.get(name);
      let stale: StaleReason | null = null;
      if (b?.status === 'down') stale = 'down';
      else if (b?.registered === false) stale = 'expired';
      else if (truth && !truth.brokers.includes(name)) stale = 'notInTruth';
      out.push({ topic, broker: name, believed: true, stale });
    }
  }
  return out;
}

/** Where a token is along its link at time `now`: the leg, and the fraction of it covered (0..1). */
export interface RpcProgress {
  leg: 'out' | 'server' | 'back';
  p: number;
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * The token's place at `now`, from the RPC's event times: out from send to arrive, at the server until the
 * reply leaves (given, or assumed to take as long as the request took), back until the response.
 */
export function rpcProgress(timing: RpcTiming | undefined, phase: RpcPhase, now: number): RpcProgress {
  if (!timing) return { leg: phase === 'request' ? 'out' : phase === 'atServer' ? 'server' : 'back', p: 0.5 };
  const { send, arrive, response } = timing;
  if (phase === 'request') {
    const end = arrive ?? (response !== undefined ? (send + response) / 2 : timing.timeout);
    if (end === undefined || end <= send) return { leg: 'out', p: end === undefined ? 0.5 : 1 };
    return { leg: 'out', p: clamp01((now - send) / (end - send)) };
  }
  if (phase === 'timedOut') return { leg: 'out', p: arrive !== undefined ? 1 : 0.5 };
  if (phase === 'replied' || phase === 'lateReply') return { leg: 'back', p: 1 };
  const arrived = arrive ?? send;
  const depart =
    timing.replyDepart ??
    (response !== undefined ? Math.max(arrived, response - (arrived - send)) : undefined);
  // No reply in the trace (dropped, or the broker never answered): the request stays at the server.
  if (depart === undefined || response === undefined || now < depart) return { leg: 'server', p: 1 };
  if (response <= depart) return { leg: 'back', p: 1 };
  return { leg: 'back', p: clamp01((now - depart) / (response - depart)) };
}
