import { javaHashMapIterationOrder, javaStringHashCode } from '../common/javaInt';
import { Future } from '../kernel/Future';
import type { Sim } from '../kernel/Kernel';
import { Semaphore } from '../kernel/Semaphore';
import { RemotingCommand } from '../remoting/RemotingCommand';
import type { RemotingClient } from '../remoting/RemotingClient';
import type { ClientEnvironment } from './ClientEnvironment';
import {
  IllegalStateException,
  InterruptedException,
  MQClientException,
  RemotingException,
} from './exceptions';
import { MQClientAPIImpl } from './MQClientAPIImpl';
import type { MessageQueue } from './MessageQueue';
import type { SendLoopProfile } from './SendLoopProfile';
import type { TopicPublishInfo } from './TopicPublishInfo';
import { cloneTopicRouteData, MASTER_ID, type TopicRouteData } from './TopicRouteData';
import { topicRouteData2TopicPublishInfo } from './topicRouteData2TopicPublishInfo';

/** `MQProducerInner`: what the client instance needs from a registered producer. */
export interface MQProducerInner {
  updateTopicPublishInfo(topic: string, info: TopicPublishInfo): void;
  isPublishTopicNeedUpdate(topic: string): boolean;
}

/** The producer settings the default-topic lookup reads (`DefaultMQProducer`). */
export interface DefaultTopicSettings {
  getCreateTopicKey(): string;
  getDefaultTopicQueueNums(): number;
}

/** `ServiceState` (common): the lifecycle of producers and client instances. */
export type ServiceState = 'CREATE_JUST' | 'RUNNING' | 'SHUTDOWN_ALREADY' | 'START_FAILED';

/** `MQClientInstance.LOCK_TIMEOUT_MILLIS`: the name-server lock wait. */
export const LOCK_TIMEOUT_MILLIS = 3000;

/** `RequestCode.HEART_BEAT`. */
const HEART_BEAT = 34;

/** How a route lookup of `updateTopicRouteInfoFromNameServer` ended. */
export type RouteLookupOutcome = 'changed' | 'unchanged' | 'noRoute' | 'lockTimeout' | 'error';

/** What a world simulation observes of the client instance (all optional; they observe, never decide). */
export interface ClientInstanceObserver {
  /** A lookup ended; `route` is the route installed (`changed`) or received. */
  onRouteLookupEnd?(
    topic: string,
    isDefault: boolean,
    outcome: RouteLookupOutcome,
    route: TopicRouteData | null,
    publishInfo: TopicPublishInfo | null,
    error: unknown,
  ): void;
  /** The periodic refresh starts a round over these topics (in upstream's HashSet order). */
  onRefreshRound?(topics: readonly string[]): void;
  /** A heartbeat round starts, to these broker addresses. */
  onHeartbeatRound?(addrs: readonly string[]): void;
  /** `cleanOfflineBroker` removed this broker address (no topic route mentions it any more). */
  onBrokerAddrRemoved?(brokerName: string, addr: string): void;
}

/**
 * What a world simulation gives the instance: the scheduled tasks' periods (`ClientConfig`) and the API
 * timeout. Without it (unit tests, conformance replays) the instance schedules nothing.
 */
export interface ClientInstanceWorld {
  pollNameServerInterval: number;
  heartbeatBrokerInterval: number;
  /** `ClientConfig.mqClientApiTimeout` (4.9.8+); 4.5.2 hard-codes 3000. */
  mqClientApiTimeout: number;
  observer: ClientInstanceObserver;
}

/**
 * `org.apache.rocketmq.client.impl.factory.MQClientInstance`: the route and broker address tables, the
 * producer table, `updateTopicRouteInfoFromNameServer`, and (in a world simulation, see
 * {@link ClientInstanceWorld}) the scheduled tasks of `startScheduledTask`: the route refresh of every
 * publish topic (first after 10 ms, then every `pollNameServerInterval`) and `cleanOfflineBroker` plus the
 * heartbeats to every master (first after 1000 ms, then every `heartbeatBrokerInterval`), all on the one
 * `MQClientFactoryScheduledThread`, so a slow heartbeat delays the next refresh. Consumers are not modelled.
 */
export class MQClientInstance {
  readonly profile: SendLoopProfile;
  readonly mQClientAPIImpl: MQClientAPIImpl;
  private readonly producerTable = new Map<string, MQProducerInner>();
  private readonly topicRouteTable = new Map<string, TopicRouteData>();
  /** broker name -> (broker id -> address). */
  private readonly brokerAddrTable = new Map<string, Record<string, string>>();
  /** `lockNamesrv` (a `ReentrantLock`): one route lookup at a time per instance. */
  private readonly lockNamesrv: Semaphore;
  private serviceState: ServiceState = 'CREATE_JUST';
  /** Route lookups made through this instance (observers: the `route.lookup` trace event). */
  onRouteLookup: ((topic: string, isDefault: boolean) => void) | null = null;
  private world: ClientInstanceWorld | null = null;
  private scheduledStopped = false;
  /** `lockHeartbeat` (a `ReentrantLock` taken with `tryLock()`). */
  private heartbeatLocked = false;

  constructor(
    readonly env: ClientEnvironment,
    readonly clientId: string,
  ) {
    this.profile = env.profile;
    this.lockNamesrv = new Semaphore(env.kernel, 1, false);
    const remotingClient: RemotingClient = env.options.createRemotingClient(this);
    this.mQClientAPIImpl =
      env.options.createMQClientAPIImpl?.(this, remotingClient) ??
      new MQClientAPIImpl(this.profile, remotingClient, env.kernel, env.requestIds);
  }

  /** Attaches the world simulation's settings; call before `start()`. */
  attachWorld(world: ClientInstanceWorld): void {
    this.world = world;
  }

  getMQClientAPIImpl(): MQClientAPIImpl {
    return this.mQClientAPIImpl;
  }

  getServiceState(): ServiceState {
    return this.serviceState;
  }

  /** Marks the instance running without starting remoting (what the conformance recordings did). */
  markRunning(): void {
    this.serviceState = 'RUNNING';
  }

  /** `start()`: the first call starts the remoting client; later calls do nothing. */
  start(): void {
    switch (this.serviceState) {
      case 'CREATE_JUST':
        this.serviceState = 'START_FAILED';
        this.mQClientAPIImpl.getRemotingClient().start();
        if (this.world) this.startScheduledTask(this.world);
        this.serviceState = 'RUNNING';
        break;
      case 'START_FAILED':
        throw new MQClientException(
          this.profile,
          `The Factory object[${this.clientId}] has been created before, and failed.`,
          null,
        );
      default:
        break;
    }
  }

  /** `shutdown()`: only when no other producer remains registered. */
  shutdown(): void {
    if (this.producerTable.size > 0) return;
    if (this.serviceState !== 'RUNNING') return;
    this.serviceState = 'SHUTDOWN_ALREADY';
    this.scheduledStopped = true;
    this.mQClientAPIImpl.getRemotingClient().shutdown();
    this.env.clientManager.removeClientFactory(this.clientId);
  }

  /** `registerProducer`: false when the group is already registered in this instance. */
  registerProducer(group: string | null, producer: MQProducerInner | null): boolean {
    if (group === null || producer === null) return false;
    if (this.producerTable.has(group)) return false;
    this.producerTable.set(group, producer);
    return true;
  }

  /** `unregisterProducer`: removes the group (the unregister RPC to each broker is not modelled). */
  unregisterProducer(group: string): void {
    this.producerTable.delete(group);
  }

  /**
   * The call `DefaultMQProducerImpl.start` makes on the caller's thread. At a producer's start the broker
   * table is still empty, so upstream sends nothing; the scheduled task sends the real heartbeats.
   */
  sendHeartbeatToAllBrokerWithLock(): void {}

  /** `findBrokerAddressInPublish`: the master (id 0) address, or null (5.x: null for a null name). */
  findBrokerAddressInPublish(brokerName: string | null): string | null {
    if (brokerName === null) return null;
    const map = this.brokerAddrTable.get(brokerName);
    if (!map) return null;
    return map[String(MASTER_ID)] ?? null;
  }

  /** 5.x `getBrokerNameFromMessageQueue`: static-topic queues are not modelled, so the queue's own name. */
  getBrokerNameFromMessageQueue(mq: MessageQueue): string {
    return mq.getBrokerName();
  }

  getTopicRouteTable(): ReadonlyMap<string, TopicRouteData> {
    return this.topicRouteTable;
  }

  getBrokerAddrTable(): ReadonlyMap<string, Record<string, string>> {
    return this.brokerAddrTable;
  }

  /** `updateTopicRouteInfoFromNameServer(topic)`. */
  *updateTopicRouteInfoFromNameServerForTopic(topic: string): Sim<boolean> {
    return yield* this.updateTopicRouteInfoFromNameServer(topic, false, null);
  }

  /**
   * Asks the name server for `topic` (or, `isDefault`, for the default topic, capping every queue count at
   * `defaultTopicQueueNums`), and on a change installs a new `TopicPublishInfo` in every registered producer.
   * Errors: 4.5.2 logs every exception; later tags log `MQClientException` and `InterruptedException` and turn
   * a `RemotingException` into `IllegalStateException`, which escapes to the send call.
   */
  *updateTopicRouteInfoFromNameServer(
    topic: string,
    isDefault: boolean,
    defaultMQProducer: DefaultTopicSettings | null,
  ): Sim<boolean> {
    const observer = this.world?.observer;
    const locked = yield* this.lockNamesrv.tryAcquire(1, LOCK_TIMEOUT_MILLIS);
    if (!locked) {
      // "updateTopicRouteInfoFromNameServer tryLock timeout 3000ms"
      observer?.onRouteLookupEnd?.(topic, isDefault, 'lockTimeout', null, null, null);
      return false;
    }
    try {
      let topicRouteData: TopicRouteData;
      if (isDefault && defaultMQProducer !== null) {
        this.onRouteLookup?.(topic, true);
        topicRouteData = yield* this.mQClientAPIImpl.getDefaultTopicRouteInfoFromNameServer(
          defaultMQProducer.getCreateTopicKey(),
          this.apiTimeout(),
        );
        for (const data of topicRouteData.queueDatas) {
          const queueNums = Math.min(defaultMQProducer.getDefaultTopicQueueNums(), data.readQueueNums);
          data.readQueueNums = queueNums;
          data.writeQueueNums = queueNums;
        }
      } else {
        this.onRouteLookup?.(topic, false);
        topicRouteData = yield* this.mQClientAPIImpl.getTopicRouteInfoFromNameServer(
          topic,
          this.apiTimeout(),
        );
      }
      const old = this.topicRouteTable.get(topic);
      let changed = topicRouteDataIsChange(old, topicRouteData);
      if (!changed) changed = this.isNeedUpdateTopicRouteInfo(topic);
      if (changed) {
        const cloned = cloneTopicRouteData(topicRouteData);
        for (const bd of topicRouteData.brokerDatas)
          this.brokerAddrTable.set(bd.brokerName, { ...bd.brokerAddrs });
        const publishInfo = topicRouteData2TopicPublishInfo(topic, topicRouteData, {
          version: this.profile.version,
          random: this.env.randomStream('ThreadLocalIndex.sendWhichQueue'),
        });
        publishInfo.haveTopicRouterInfo = true;
        for (const producer of this.producerTable.values())
          producer.updateTopicPublishInfo(topic, publishInfo);
        this.topicRouteTable.set(topic, cloned);
        observer?.onRouteLookupEnd?.(topic, isDefault, 'changed', cloned, publishInfo, null);
        return true;
      }
      observer?.onRouteLookupEnd?.(topic, isDefault, 'unchanged', topicRouteData, null, null);
      return false;
    } catch (e) {
      const outcome: RouteLookupOutcome = e instanceof MQClientException ? 'noRoute' : 'error';
      observer?.onRouteLookupEnd?.(topic, isDefault, outcome, null, null, e);
      if (e instanceof MQClientException) return false;
      // Every tag: the outer `catch (InterruptedException e)` logs it and the method returns false.
      if (e instanceof InterruptedException) return false;
      if (this.profile.routeRemotingErrorIsIllegalState) {
        if (e instanceof RemotingException) throw IllegalStateException.ofCause(e);
        throw e;
      }
      // 4.5.2 catches every Exception (a TypeScript bug still propagates).
      if (isJavaCatchableValue(e)) return false;
      throw e;
    } finally {
      this.lockNamesrv.release(1);
    }
  }

  /** 4.5.2 hard-codes 3000 ms; later tags use `mqClientApiTimeout`. */
  private apiTimeout(): number {
    if (this.profile.version === '4.5.2' || !this.world) return 3000;
    return this.world.mqClientApiTimeout;
  }

  // ---------------------------------------------------------------------------------------------------
  // Scheduled tasks (world simulation only)

  /**
   * `startScheduledTask`: fixed-rate tasks on one thread. A run that overruns delays the runs queued
   * behind it (they then run back to back), as a single-threaded `ScheduledThreadPoolExecutor` does.
   */
  private startScheduledTask(world: ClientInstanceWorld): void {
    const kernel = this.env.kernel;
    const start = kernel.now();
    const self = this;
    let sequence = 0;
    const tasks = [
      {
        next: start + 10,
        seq: sequence++,
        period: world.pollNameServerInterval,
        run: () => self.updateTopicRouteInfoFromNameServerAll(),
      },
      {
        next: start + 1000,
        seq: sequence++,
        period: world.heartbeatBrokerInterval,
        run: function* (): Sim<void> {
          yield* self.cleanOfflineBroker();
          yield* self.sendHeartbeatToAllBrokerScheduled();
        },
      },
    ];
    kernel.spawn(
      'MQClientFactoryScheduledThread',
      function* (): Sim<void> {
        for (;;) {
          if (self.scheduledStopped) return;
          let task = tasks[0]!;
          for (const t of tasks)
            if (t.next < task.next || (t.next === task.next && t.seq < task.seq)) task = t;
          // Sleep until the absolute due time (the virtual clock may run on fractions of a millisecond).
          if (task.next > kernel.now()) {
            const due = new Future<boolean>(kernel);
            kernel.schedule(Math.max(task.next, 0), () => due.complete(true));
            yield* due.await();
          }
          if (self.scheduledStopped) return;
          try {
            yield* task.run();
          } catch (e) {
            // "ScheduledTask ... exception": logged, the task stays scheduled.
            if (!isJavaCatchableValue(e)) throw e;
          }
          task.next += task.period;
          task.seq = sequence++;
        }
      },
      { thread: 'MQClientFactoryScheduledThread' },
    );
  }

  /** `updateTopicRouteInfoFromNameServer()`: every publish topic, in `HashSet` order; an exception ends the round. */
  private *updateTopicRouteInfoFromNameServerAll(): Sim<void> {
    const topics: string[] = [];
    const seen = new Set<string>();
    for (const producer of this.producerTable.values()) {
      for (const topic of publishTopicList(producer)) {
        if (!seen.has(topic)) {
          seen.add(topic);
          topics.push(topic);
        }
      }
    }
    const ordered = javaHashMapIterationOrder(topics, javaStringHashCode);
    this.world?.observer.onRefreshRound?.(ordered);
    for (const topic of ordered) yield* this.updateTopicRouteInfoFromNameServerForTopic(topic);
  }

  /** `cleanOfflineBroker`: drop broker addresses that no cached topic route mentions any more. */
  private *cleanOfflineBroker(): Sim<void> {
    const locked = yield* this.lockNamesrv.tryAcquire(1, LOCK_TIMEOUT_MILLIS);
    if (!locked) return;
    try {
      const known = new Set<string>();
      for (const route of this.topicRouteTable.values()) {
        for (const bd of route.brokerDatas) for (const addr of Object.values(bd.brokerAddrs)) known.add(addr);
      }
      for (const [brokerName, addrs] of [...this.brokerAddrTable]) {
        const kept: Record<string, string> = {};
        for (const [id, addr] of Object.entries(addrs)) {
          if (known.has(addr)) kept[id] = addr;
          else this.world?.observer.onBrokerAddrRemoved?.(brokerName, addr);
        }
        if (Object.keys(kept).length === 0) this.brokerAddrTable.delete(brokerName);
        else this.brokerAddrTable.set(brokerName, kept);
      }
    } finally {
      this.lockNamesrv.release(1);
    }
  }

  /**
   * `sendHeartbeatToAllBrokerWithLock` from the scheduled task: `lockHeartbeat.tryLock()`, then HEART_BEAT
   * with `invokeSync` to each master (a producer without consumers skips slaves), one after the other; a
   * failure is logged and the next broker is tried.
   */
  private *sendHeartbeatToAllBrokerScheduled(): Sim<void> {
    if (this.heartbeatLocked) return; // "lock heartBeat, but failed."
    if (this.producerTable.size === 0) return;
    this.heartbeatLocked = true;
    try {
      const names = javaHashMapIterationOrder([...this.brokerAddrTable.keys()], javaStringHashCode);
      const targets: string[] = [];
      for (const name of names) {
        const addr = this.brokerAddrTable.get(name)?.[String(MASTER_ID)];
        if (addr !== undefined) targets.push(addr);
      }
      this.world?.observer.onHeartbeatRound?.(targets);
      const remoting = this.mQClientAPIImpl.getRemotingClient();
      for (const addr of targets) {
        const request = RemotingCommand.createRequestCommand(
          HEART_BEAT,
          null,
          this.profile.mqVersionOrdinal,
          this.env.requestIds,
        );
        request.setBody({ clientID: this.clientId, producerDataSet: [...this.producerTable.keys()] });
        try {
          yield* remoting.invokeSync(addr, request, this.apiTimeout());
        } catch (e) {
          if (!isJavaCatchableValue(e)) throw e;
        }
      }
    } finally {
      this.heartbeatLocked = false;
    }
  }

  /** True when some registered producer lacks a usable entry for the topic. */
  private isNeedUpdateTopicRouteInfo(topic: string): boolean {
    for (const producer of this.producerTable.values()) {
      if (producer.isPublishTopicNeedUpdate(topic)) return true;
    }
    return false;
  }
}

/** `MQProducerInner.getPublishTopicList()`: the keys of the producer's `topicPublishInfoTable`. */
function publishTopicList(producer: MQProducerInner): string[] {
  const withTable = producer as MQProducerInner & {
    getTopicPublishInfoTable?: () => ReadonlyMap<string, TopicPublishInfo>;
  };
  return withTable.getTopicPublishInfoTable ? [...withTable.getTopicPublishInfoTable().keys()] : [];
}

function isJavaCatchableValue(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { javaClass?: unknown }).javaClass === 'string';
}

/** `topicRouteDataIsChange` (4.x) / `TopicRouteData.topicRouteDataChanged` (5.x): compared after sorting. */
export function topicRouteDataIsChange(
  old: TopicRouteData | undefined,
  now: TopicRouteData | undefined,
): boolean {
  if (old === undefined || now === undefined) return true;
  return canonicalRoute(old) !== canonicalRoute(now);
}

function canonicalRoute(route: TopicRouteData): string {
  const queueDatas = [...route.queueDatas]
    .map((q) => [q.brokerName, q.readQueueNums, q.writeQueueNums, q.perm, q.topicSysFlag ?? 0] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const brokerDatas = [...route.brokerDatas]
    .map((b) => [b.cluster, b.brokerName, Object.entries(b.brokerAddrs).sort()] as const)
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return JSON.stringify([
    route.orderTopicConf,
    queueDatas,
    brokerDatas,
    route.topicQueueMappingByBroker ?? null,
  ]);
}

/**
 * `MQClientManager`: the JVM-wide registry of client instances by client id. Producers that compute the
 * same id share one instance (the default in 4.5.2, where the instance name becomes the PID).
 */
export class MQClientManager {
  private readonly factoryTable = new Map<string, MQClientInstance>();

  getOrCreateMQClientInstance(env: ClientEnvironment, clientId: string): MQClientInstance {
    let instance = this.factoryTable.get(clientId);
    if (!instance) {
      instance = new MQClientInstance(env, clientId);
      this.factoryTable.set(clientId, instance);
    }
    return instance;
  }

  removeClientFactory(clientId: string): void {
    this.factoryTable.delete(clientId);
  }

  getInstance(clientId: string): MQClientInstance | undefined {
    return this.factoryTable.get(clientId);
  }
}
