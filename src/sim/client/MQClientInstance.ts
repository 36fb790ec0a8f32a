import type { Sim } from '../kernel/Kernel';
import { Semaphore } from '../kernel/Semaphore';
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

/**
 * `org.apache.rocketmq.client.impl.factory.MQClientInstance`, the send-path part: the route and broker
 * address tables, the producer table, and `updateTopicRouteInfoFromNameServer`. Scheduled tasks,
 * heartbeats and consumers are not modelled here (the world simulation drives route refreshes itself).
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

  /** No-op: heartbeats are modelled by the world simulation, not by the send path. */
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
    const locked = yield* this.lockNamesrv.tryAcquire(1, LOCK_TIMEOUT_MILLIS);
    if (!locked) return false; // "updateTopicRouteInfoFromNameServer tryLock timeout 3000ms"
    try {
      let topicRouteData: TopicRouteData;
      if (isDefault && defaultMQProducer !== null) {
        this.onRouteLookup?.(topic, true);
        topicRouteData = yield* this.mQClientAPIImpl.getDefaultTopicRouteInfoFromNameServer(
          defaultMQProducer.getCreateTopicKey(),
          3000,
        );
        for (const data of topicRouteData.queueDatas) {
          const queueNums = Math.min(defaultMQProducer.getDefaultTopicQueueNums(), data.readQueueNums);
          data.readQueueNums = queueNums;
          data.writeQueueNums = queueNums;
        }
      } else {
        this.onRouteLookup?.(topic, false);
        topicRouteData = yield* this.mQClientAPIImpl.getTopicRouteInfoFromNameServer(topic, 3000);
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
        return true;
      }
      return false;
    } catch (e) {
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

  /** True when some registered producer lacks a usable entry for the topic. */
  private isNeedUpdateTopicRouteInfo(topic: string): boolean {
    for (const producer of this.producerTable.values()) {
      if (producer.isPublishTopicNeedUpdate(topic)) return true;
    }
    return false;
  }
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
