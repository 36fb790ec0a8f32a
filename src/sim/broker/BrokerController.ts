import type { ResolvedBroker } from '../../scenario/defaults';
import { suggestTodo } from '../client/FAQUrl';
import { hexUpper32 } from '../common/javaInt';
import type { SendMessageRequestHeader } from '../client/MQClientAPIImpl';
import { PermName } from '../client/PermName';
import { ResponseCode } from '../client/ResponseCode';
import type { RegisterBrokerRequest, UnregisterBrokerRequest } from '../namesrv/NamesrvController';
import type { TopicConfig } from '../namesrv/RouteInfoManager';
import { type Channel, ServerEndpoint } from '../remoting/Network';
import { RC, uniqKeyOf, type Packet } from '../remoting/Packet';
import { RemotingCommand, RequestIdSequence } from '../remoting/RemotingCommand';
import { C } from '../trace/codes';
import type { Sampler } from '../world/Latency';
import type { WorldContext } from '../world/context';
import { NOT_ALLOWED_SEND_TOPICS, TBW102, TopicConfigManager, topicConfigText } from './TopicConfigManager';

const FAQ_4X = 'http://rocketmq.apache.org/docs/faq/';
const FAQ_5X = 'https://rocketmq.apache.org/docs/bestPractice/06FAQ';

/** `PutMessageStatus` values the simulated store returns. */
type PutStatus = 'PUT_OK' | 'FLUSH_DISK_TIMEOUT' | 'FLUSH_SLAVE_TIMEOUT' | 'SLAVE_NOT_AVAILABLE';

const PUT_CODE: Record<PutStatus, number> = {
  PUT_OK: ResponseCode.SUCCESS,
  FLUSH_DISK_TIMEOUT: ResponseCode.FLUSH_DISK_TIMEOUT,
  FLUSH_SLAVE_TIMEOUT: ResponseCode.FLUSH_SLAVE_TIMEOUT,
  SLAVE_NOT_AVAILABLE: ResponseCode.SLAVE_NOT_AVAILABLE,
};

/** `MixAll.INVALID_PARAMETER` (5.3.3 only). */
const INVALID_PARAMETER = 29;

/** The ext fields every answer that passed `preSend` carries (`MSG_REGION`, `TRACE_ON`); shared, read-only. */
const SEND_EXT_FIELDS = new Map([
  ['MSG_REGION', 'DefaultRegion'],
  ['TRACE_ON', 'true'],
]);

interface SendTask {
  channel: Channel;
  packet: Packet;
  header: SendMessageRequestHeader;
  /** `RequestTask.createTimestamp` (Java clock). */
  createdAt: number;
  oneway: boolean;
  bodyLength: number;
  /** The broker life the task started in (a crash or restart orphans it). */
  life: number;
  /** Encoded size in the commit log. */
  size: number;
  queueOffset: number;
  offsetMsgId: string;
  status: PutStatus;
}

/** What a slave looks like from its master's HA service. */
type SlaveLink = 'ok' | 'silent' | 'gone';

export type BrokerState = 'down' | 'up' | 'stopping';

/**
 * One broker process: `BrokerController` (start, registration with the name server, shutdown per version,
 * a crash), the remoting gates and `BrokerFastFailure`, `SendMessageProcessor` with `msgCheck`, and the
 * store: the commit-log lock and append, queue offsets, the flush and the replica waits (server spec
 * sections 2 and 5 to 8).
 *
 * Timing per version: 4.5.2 processes a send on one thread that stays blocked through the flush and the
 * replica wait; 4.9.8 and 5.3.3 free the send thread after the append and answer when both waits complete.
 */
export class BrokerController {
  readonly endpoint: ServerEndpoint;
  readonly topics: TopicConfigManager;
  state: BrokerState = 'down';
  /** Bumped on every start, crash and server close: callbacks of an older life are ignored. */
  private life = 0;
  private startTime = 0;
  private readonly ip: string;
  readonly node: string;

  // Send executor (`sendMessageExecutor`) and its queue.
  private readonly queue: SendTask[] = [];
  private qHead = 0;
  private busyWorkers = 0;
  private sweepAt = -1;

  // The commit-log put lock.
  private lockHolder: { since: number } | null = null;
  private readonly lockWaiters: (SendTask | null)[] = [];
  private lockHead = 0;

  // Store: the per-queue offset counters and the physical offset survive restarts (they are on disk).
  /** topic -> next queue offset per queue id (the consume queues' lengths). */
  private readonly queueOffsets = new Map<string, number[]>();
  private physicalOffset = 0;

  // Faults.
  readonly slowStore: Sampler[] = [];
  pageCacheStalls = 0;
  overloadFaults = 0;
  flushTimeoutFaults = 0;
  readonly dropReplies: { remaining: number | null }[] = [];

  // HA: the master's slaves, and how this process went down (for a master's view of it as a slave).
  slaves: BrokerController[] = [];
  downSince = 0;
  closedOnDown = false;

  // The broker's own client to the name server (`BrokerOuterAPI`).
  private nsChannel: Channel | null = null;
  private nsConnecting = false;
  private readonly nsWaiting: ((channel: Channel | null) => void)[] = [];
  private readonly requestIds = new RequestIdSequence();
  private readonly pendingNs = new Map<number, { onDone: (() => void) | null; rpcId: number }>();

  private readonly store: Sampler;
  private readonly flush: Sampler;
  private readonly replication: Sampler;
  private readonly faqUrl: string;

  constructor(
    private readonly ctx: WorldContext,
    readonly cfg: ResolvedBroker,
    /** Marks a message id as stored somewhere; returns true when it already was (a duplicate). */
    private readonly markStored: (msgId: string) => boolean,
  ) {
    this.node = cfg.id;
    this.endpoint = new ServerEndpoint(cfg.id, cfg.address);
    this.endpoint.hostAlive = false;
    this.ip = cfg.address.slice(0, cfg.address.lastIndexOf(':'));
    this.topics = new TopicConfigManager(cfg.autoCreateTopicEnable, cfg.defaultTopicQueueNums, 0);
    for (const t of ctx.scenario.topics) {
      if (!t.brokers.includes(cfg.name)) continue;
      this.topics.put({
        topicName: t.name,
        readQueueNums: t.readQueueNums,
        writeQueueNums: t.writeQueueNums,
        perm: t.perm,
        topicSysFlag: 0,
        order: t.order,
      });
    }
    this.store = ctx.sampler(cfg.storeLatency, `broker.${cfg.id}.store`);
    this.flush = ctx.sampler(cfg.flushLatency, `broker.${cfg.id}.flush`);
    this.replication = ctx.sampler(cfg.replicationLatency, `broker.${cfg.id}.replication`);
    this.faqUrl = ctx.version === '5.3.3' ? FAQ_5X : FAQ_4X;
    this.endpoint.onPacket = (channel, packet) => this.onPacket(channel, packet as Packet);
  }

  get name(): string {
    return this.cfg.name;
  }

  get isMaster(): boolean {
    return this.cfg.brokerId === 0;
  }

  private get version() {
    return this.ctx.version;
  }

  private nowMs(): number {
    return this.ctx.kernel.now();
  }

  // ---------------------------------------------------------------------------------------------------
  // Life cycle

  /**
   * Set by the world: a registration at t = 0 for a broker that was running before the simulation began
   * (its channel to the name server already open). Returns that channel.
   */
  registerBeforeStart: ((request: RegisterBrokerRequest) => Channel | null) | null = null;

  /**
   * `BrokerController.start` (server spec 2.1): store, remoting, an immediate registration, the timers.
   * `warm`: the broker was already running at t = 0, so its registration is already in the route table.
   */
  start(reason: string, warm = false): void {
    if (this.state !== 'down') return;
    const life = ++this.life;
    this.state = 'up';
    this.startTime = this.ctx.kernel.exactNow();
    this.endpoint.incarnation++;
    this.endpoint.up = true;
    this.endpoint.hostAlive = true;
    this.traceState('up', reason, C.brokerStart);
    // A page-cache fault that is still on stalls the new process's appends too.
    if (this.pageCacheStalls > 0) this.stallLock();
    const before = warm ? this.registerBeforeStart : null;
    if (before) {
      const channel = before(this.registrationBody(null));
      if (channel) {
        this.nsChannel = channel;
        channel.onClientClose = () => {
          if (this.nsChannel === channel) this.nsChannel = null;
        };
      }
    } else {
      this.registerBrokerAll(false, null, null);
    }
    // Periodic registration: first after 10 s, then every registerNameServerPeriod clamped to [10 s, 60 s].
    const period = Math.max(10000, Math.min(this.cfg.registerNameServerPeriod, 60000));
    const tick = (): void => {
      if (this.life !== life || this.state !== 'up') return;
      this.registerBrokerAll(false, null, null);
      this.ctx.kernel.scheduleAfter(period, tick);
    };
    this.ctx.kernel.scheduleAfter(10000, tick);
  }

  /**
   * The process dies. With `closeConnections` its host is alive and closes every socket (clients see a FIN,
   * new connects are refused); without, the host is gone or hung: nothing answers and nobody is told.
   */
  crash(closeConnections: boolean): void {
    if (this.state === 'down') return;
    this.goDown(closeConnections);
    this.endpoint.hostAlive = closeConnections;
    if (closeConnections) {
      this.ctx.network.closeAllFromServer(this.endpoint);
      if (this.nsChannel) this.ctx.network.closeFromClient(this.nsChannel);
    } else {
      this.ctx.network.forgetAll(this.endpoint);
    }
    this.nsChannel = null;
    this.traceState('down', closeConnections ? 'crash (sockets closed)' : 'crash (no FIN)', C.brokerCrash);
  }

  private goDown(closedConnections: boolean): void {
    this.life++;
    this.state = 'down';
    this.endpoint.up = false;
    this.queue.length = 0;
    this.qHead = 0;
    this.busyWorkers = 0;
    this.sweepAt = -1;
    this.lockHolder = null;
    this.lockWaiters.length = 0;
    this.lockHead = 0;
    this.pendingNs.clear();
    this.stallHeld = false;
    this.downSince = this.ctx.kernel.exactNow();
    this.closedOnDown = closedConnections;
  }

  /**
   * `BrokerController.shutdown` (server spec 2.3): 5.3.3 unregisters first, then closes its ports; 4.x closes
   * the ports and the store (whose `shutdown` sleeps 1000 ms) and only then unregisters, so for about a
   * second the name server still routes to a broker that refuses connections.
   */
  shutdown(): void {
    if (this.state !== 'up') return;
    this.state = 'stopping';
    this.traceState('stopping', 'shutdown', C.brokerShutdown);
    const closeServers = (): void => {
      this.life++;
      this.endpoint.up = false;
      this.queue.length = 0;
      this.qHead = 0;
      this.busyWorkers = 0;
      this.lockHolder = null;
      this.lockWaiters.length = 0;
      this.lockHead = 0;
      this.ctx.network.closeAllFromServer(this.endpoint);
    };
    const finish = (): void => {
      if (this.nsChannel) this.ctx.network.closeFromClient(this.nsChannel);
      this.nsChannel = null;
      this.goDown(true);
      this.endpoint.hostAlive = true;
      this.traceState('down', 'shutdown', C.brokerShutdown);
    };
    if (this.version === '5.3.3') {
      this.unregisterBrokerAll(() => {
        if (this.state !== 'stopping') return;
        closeServers();
        finish();
      });
      return;
    }
    closeServers();
    const life = this.life;
    // DefaultMessageStore.shutdown sleeps 1000 ms before stopping its services.
    this.ctx.kernel.scheduleAfter(1000, () => {
      if (this.state !== 'stopping' || this.life !== life) return;
      this.unregisterBrokerAll(() => {
        if (this.state !== 'stopping') return;
        finish();
      });
    });
  }

  private traceState(state: string, reason: string, codeRef: { cls: string; method: string }): void {
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'broker.state',
      code: codeRef,
      broker: this.node,
      brokerName: this.cfg.name,
      brokerId: this.cfg.brokerId,
      addr: this.cfg.address,
      state,
      reason,
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // Name server client (BrokerOuterAPI)

  private withNsChannel(then: (channel: Channel | null) => void): void {
    if (this.nsChannel && this.nsChannel.active) {
      then(this.nsChannel);
      return;
    }
    this.nsWaiting.push(then);
    if (this.nsConnecting) return;
    this.nsConnecting = true;
    const life = this.life;
    const future = this.ctx.network.connect(
      this.node,
      this.ctx.scenario.nameServer.address,
      this.ctx.scenario.network.connectTimeoutMillis,
    );
    future.onDone((f) => {
      this.nsConnecting = false;
      const waiting = this.nsWaiting.splice(0);
      if (this.life !== life && this.state === 'down') return;
      const channel = f.value?.channel ?? null;
      if (channel) {
        this.nsChannel = channel;
        channel.onClientClose = () => {
          if (this.nsChannel === channel) this.nsChannel = null;
        };
      }
      for (const w of waiting) w(channel);
    });
  }

  /** The topic table as registered: a broker permission other than RW rewrites every topic's perm. */
  private topicSnapshot(only: TopicConfig[] | null): TopicConfig[] {
    const perm = this.cfg.brokerPermission;
    const list = only ?? this.topics.all();
    if (PermName.isWriteable(perm) && PermName.isReadable(perm)) return list.map((tc) => ({ ...tc }));
    return list.map((tc) => ({ ...tc, perm: this.version === '5.3.3' ? tc.perm & perm : perm }));
  }

  /**
   * `registerBrokerAll`: REGISTER_BROKER with the whole topic table (or, 5.3.3 after an auto-creation, just
   * that topic). `onDone` runs when the answer came, or the registration timed out.
   */
  registerBrokerAll(oneway: boolean, only: TopicConfig[] | null, onDone: (() => void) | null): void {
    const life = this.life;
    this.withNsChannel((channel) => {
      if (this.life !== life || !channel) {
        onDone?.();
        return;
      }
      const body = this.registrationBody(only);
      this.nsRequest(channel, RC.REGISTER_BROKER, body, oneway, this.cfg.registerBrokerTimeoutMills, onDone);
    });
  }

  private registrationBody(only: TopicConfig[] | null): RegisterBrokerRequest {
    return {
      brokerName: this.cfg.name,
      brokerAddr: this.cfg.address,
      clusterName: this.cfg.clusterName,
      haServerAddr: `${this.ip}:10912`,
      brokerId: this.cfg.brokerId,
      topicConfigTable: this.topicSnapshot(only),
      dataVersion: { ...this.topics.dataVersion },
    };
  }

  /** `unregisterBrokerAll`: UNREGISTER_BROKER, sync, 3000 ms. */
  private unregisterBrokerAll(onDone: () => void): void {
    this.withNsChannel((channel) => {
      if (!channel) {
        onDone();
        return;
      }
      const body: UnregisterBrokerRequest = {
        brokerName: this.cfg.name,
        brokerAddr: this.cfg.address,
        clusterName: this.cfg.clusterName,
        brokerId: this.cfg.brokerId,
      };
      this.nsRequest(channel, RC.UNREGISTER_BROKER, body, false, 3000, onDone);
    });
  }

  private nsRequest(
    channel: Channel,
    requestCode: number,
    header: unknown,
    oneway: boolean,
    timeoutMs: number,
    onDone: (() => void) | null,
  ): void {
    const cmd = RemotingCommand.createRequestCommand(requestCode, header, 0, this.requestIds);
    if (oneway) cmd.markOnewayRPC();
    const rpcId = this.ctx.nextRpcId();
    const name = requestNameOf(requestCode);
    const packet: Packet = { cmd, rpcId, name, msgId: null, from: this.node, to: 'namesrv' };
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.send',
      code: requestCode === RC.REGISTER_BROKER ? C.registerBrokerAll : C.unregisterBrokerAll,
      rpcId,
      from: this.node,
      to: 'namesrv',
      requestCode,
      name,
      oneway: oneway || undefined,
    });
    this.ctx.network.toServer(channel, packet);
    if (oneway) {
      onDone?.();
      return;
    }
    const entry = { onDone, rpcId };
    this.pendingNs.set(cmd.opaque, entry);
    const life = this.life;
    this.ctx.kernel.scheduleAfter(timeoutMs, () => {
      if (this.pendingNs.get(cmd.opaque) !== entry) return;
      this.pendingNs.delete(cmd.opaque);
      this.ctx.trace.add({
        seq: 0,
        t: 0,
        kind: 'rpc.timeout',
        code: C.registerBrokerAll,
        rpcId,
        from: this.node,
        to: 'namesrv',
        name,
      });
      if (this.life === life || this.state === 'stopping') onDone?.();
    });
  }

  /** A name-server answer reached this broker. */
  onNamesrvResponse(packet: Packet): void {
    const entry = this.pendingNs.get(packet.cmd.opaque);
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.response',
      code: C.processResponse,
      rpcId: packet.rpcId,
      from: 'namesrv',
      to: this.node,
      responseCode: packet.cmd.code,
      name: packet.name,
    });
    if (!entry) return;
    this.pendingNs.delete(packet.cmd.opaque);
    entry.onDone?.();
  }

  // ---------------------------------------------------------------------------------------------------
  // Requests from clients

  private onPacket(channel: Channel, packet: Packet): void {
    const cmd = packet.cmd;
    if (cmd.code === RC.SEND_MESSAGE_V2 || cmd.code === RC.SEND_MESSAGE) {
      this.onSend(channel, packet);
      return;
    }
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.arrive',
      code: cmd.code === RC.HEART_BEAT ? C.heartbeat : C.remotingReject,
      rpcId: packet.rpcId,
      from: packet.from,
      to: packet.to,
      requestCode: cmd.code,
      name: packet.name,
    });
    if (cmd.isOnewayRPC()) return;
    const response =
      cmd.code === RC.HEART_BEAT || cmd.code === RC.UNREGISTER_CLIENT
        ? RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null)
        : RemotingCommand.createResponseCommand(
            ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
            ` request type ${cmd.code} not supported`,
          );
    this.writeResponse(
      channel,
      packet,
      response,
      cmd.code === RC.HEART_BEAT ? C.heartbeat : C.remotingReject,
    );
  }

  /** `NettyRemotingAbstract.processRequestCommand` for the send codes: the gates before the executor. */
  private onSend(channel: Channel, packet: Packet): void {
    const cmd = packet.cmd;
    const header = cmd.customHeader as SendMessageRequestHeader;
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.arrive',
      code: C.sendProcessRequest,
      rpcId: packet.rpcId,
      from: packet.from,
      to: packet.to,
      requestCode: cmd.code,
      name: packet.name,
      msgId: packet.msgId,
      queued: this.queue.length - this.qHead,
    });
    const oneway = cmd.isOnewayRPC();
    const body = cmd.body as Uint8Array | null;
    const task: SendTask = {
      channel,
      packet,
      header,
      createdAt: this.nowMs(),
      oneway,
      bodyLength: body === null ? 0 : body.length,
      life: this.life,
      size: 0,
      queueOffset: -1,
      offsetMsgId: '',
      status: 'PUT_OK',
    };
    if (this.rejectRequest()) {
      // 4.x writes this answer even for a oneway request; 5.3.3's writeResponse skips oneway requests.
      if (!oneway || this.version !== '5.3.3') {
        this.replyTask(
          task,
          ResponseCode.SYSTEM_BUSY,
          '[REJECTREQUEST]system busy, start flow control for a while',
          null,
          C.rejectRequest,
        );
      }
      return;
    }
    if (this.overloadFaults > 0 || this.queue.length - this.qHead >= this.cfg.sendThreadPoolQueueCapacity) {
      if (!oneway) {
        this.replyTask(
          task,
          ResponseCode.SYSTEM_BUSY,
          '[OVERLOAD]system busy, start flow control for a while',
          null,
          C.remotingReject,
        );
      }
      return;
    }
    this.queue.push(task);
    this.dispatch();
    this.ensureSweep();
  }

  /** `SendMessageProcessor.rejectRequest`: page cache busy (5.3.3: also a slave without acting master). */
  private rejectRequest(): boolean {
    if (this.isOSPageCacheBusy()) return true;
    return this.version === '5.3.3' && this.cfg.role === 'SLAVE';
  }

  /** `DefaultMessageStore.isOSPageCacheBusy`: the append holding the commit-log lock has held it > 1 s. */
  isOSPageCacheBusy(): boolean {
    const holder = this.lockHolder;
    if (holder === null) return false;
    const diff = this.nowMs() - holder.since;
    return diff < 10_000_000 && diff > this.cfg.osPageCacheBusyTimeOutMills;
  }

  private queued(): number {
    return this.queue.length - this.qHead;
  }

  private popHead(): SendTask {
    const task = this.queue[this.qHead]!;
    this.queue[this.qHead] = undefined as unknown as SendTask;
    this.qHead++;
    if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
      this.queue.splice(0, this.qHead);
      this.qHead = 0;
    }
    return task;
  }

  private dispatch(): void {
    while (this.busyWorkers < this.cfg.sendMessageThreadPoolNums && this.queued() > 0) {
      const task = this.popHead();
      this.busyWorkers++;
      this.processSend(task, this.life);
    }
  }

  private releaseWorker(life: number): void {
    if (this.life !== life) return;
    this.busyWorkers--;
    this.dispatch();
  }

  /** `BrokerFastFailure`: a sweep every 10 ms from 1 s after start; scheduled only while the queue holds tasks. */
  private ensureSweep(): void {
    if (this.sweepAt >= 0 || !this.cfg.brokerFastFailureEnable || this.queued() === 0) return;
    const base = this.startTime + 1000;
    const now = this.ctx.kernel.exactNow();
    const at = now <= base ? base : base + Math.ceil((now - base) / 10) * 10;
    this.sweepAt = at;
    const life = this.life;
    this.ctx.kernel.schedule(at, () => this.sweep(life));
  }

  private sweep(life: number): void {
    if (this.life !== life) return;
    this.sweepAt = -1;
    while (this.isOSPageCacheBusy() && this.queued() > 0) {
      const task = this.popHead();
      this.replyTask(
        task,
        ResponseCode.SYSTEM_BUSY,
        `[PCBUSY_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: ${this.nowMs() - task.createdAt}ms, size of queue: ${this.queued()}`,
        null,
        C.fastFailure,
      );
    }
    const limit = this.cfg.waitTimeMillsInSendQueue;
    while (this.queued() > 0) {
      const head = this.queue[this.qHead]!;
      const behind = this.nowMs() - head.createdAt;
      if (behind < limit) break;
      this.popHead();
      this.replyTask(
        head,
        ResponseCode.SYSTEM_BUSY,
        `[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: ${behind}ms, size of queue: ${this.queued()}`,
        null,
        C.fastFailure,
      );
    }
    if (this.queued() > 0) {
      const now = this.ctx.kernel.exactNow();
      const base = this.startTime + 1000;
      const at = base + (Math.floor((now - base) / 10) + 1) * 10;
      this.sweepAt = at;
      this.ctx.kernel.schedule(at, () => this.sweep(life));
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // SendMessageProcessor

  private processSend(task: SendTask, life: number): void {
    const h = task.header;
    const v = this.version;
    // msgCheck (server spec 5.3 P4), in upstream's order.
    if (!PermName.isWriteable(this.cfg.brokerPermission) && this.topics.isOrderTopic(h.topic)) {
      this.finishEarly(
        task,
        life,
        ResponseCode.NO_PERMISSION,
        `the broker[${this.ip}] sending message is forbidden`,
      );
      return;
    }
    if (v === '4.5.2') {
      if (h.topic === TBW102) {
        this.finishEarly(
          task,
          life,
          ResponseCode.SYSTEM_ERROR,
          `the topic[${h.topic}] is conflict with system reserved words.`,
        );
        return;
      }
    } else if (NOT_ALLOWED_SEND_TOPICS.has(h.topic)) {
      this.finishEarly(
        task,
        life,
        ResponseCode.NO_PERMISSION,
        `Sending message to topic[${h.topic}] is forbidden.`,
      );
      return;
    }
    const existing = this.topics.selectTopicConfig(h.topic);
    if (existing) {
      this.afterTopic(task, existing, life);
      return;
    }
    const created = this.topics.createTopicInSendMessageMethod(
      h.topic,
      h.defaultTopic,
      h.defaultTopicQueueNums,
      0,
      this.nowMs(),
    );
    if (!created.ok) {
      this.ctx.trace.add({
        seq: 0,
        t: 0,
        kind: 'broker.topicCreate',
        code: C.createTopic,
        broker: this.cfg.name,
        topic: h.topic,
        defaultTopic: h.defaultTopic,
        ok: false,
        reason: created.reason,
        msgId: task.packet.msgId,
      });
      this.finishEarly(
        task,
        life,
        ResponseCode.TOPIC_NOT_EXIST,
        `topic[${h.topic}] not exist, apply first please!${suggestTodo(this.faqUrl)}`,
      );
      return;
    }
    const tc = created.config;
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'broker.topicCreate',
      code: C.createTopic,
      broker: this.cfg.name,
      topic: h.topic,
      defaultTopic: h.defaultTopic,
      ok: true,
      readQueueNums: tc.readQueueNums,
      writeQueueNums: tc.writeQueueNums,
      perm: tc.perm,
      msgId: task.packet.msgId,
    });
    if (v === '5.3.3') {
      // registerIncrementBrokerData: synchronous, on the send thread, just this topic.
      this.registerBrokerAll(false, [tc], () => {
        if (this.life === life) this.afterTopic(task, tc, life);
      });
      return;
    }
    // 4.x: the whole table, oneway; the send goes on at once.
    this.registerBrokerAll(true, null, null);
    this.afterTopic(task, tc, life);
  }

  private afterTopic(task: SendTask, tc: TopicConfig, life: number): void {
    const h = task.header;
    const v = this.version;
    const idValid = Math.max(tc.writeQueueNums, tc.readQueueNums);
    if (h.queueId >= idValid) {
      const remark = `request queueId[${h.queueId}] is illegal, ${topicConfigText(tc, v)} Producer: ${this.clientAddr(task.channel)}`;
      this.finishEarly(task, life, v === '5.3.3' ? INVALID_PARAMETER : ResponseCode.SYSTEM_ERROR, remark);
      return;
    }
    // Store pre-checks (server spec 5.4).
    if (this.cfg.role === 'SLAVE') {
      const remark =
        v === '4.5.2'
          ? 'service not available now, maybe disk full, CL:  0.00 CQ:  0.00 INDEX:  0.00, maybe your broker machine memory too small.'
          : "service not available now. It may be caused by one of the following reasons: the broker's disk is full [CL:  0.00 CQ:  0.00 INDEX:  0.00], messages are put to the slave, message store has been shut down, etc.";
      this.finishEarly(task, life, ResponseCode.SERVICE_NOT_AVAILABLE, remark);
      return;
    }
    if (this.isOSPageCacheBusy()) {
      this.finishEarly(
        task,
        life,
        v === '5.3.3' ? ResponseCode.SYSTEM_BUSY : ResponseCode.SYSTEM_ERROR,
        '[PC_SYNCHRONIZED]broker busy, start flow control for a while',
      );
      return;
    }
    const propsLength = h.properties.length;
    const total = 91 + task.bodyLength + h.topic.length + propsLength;
    const max = this.cfg.maxMessageSize;
    const illegal = v === '4.5.2' ? total > max : task.bodyLength > max || total > max + 64 * 1024;
    if (illegal) {
      const remark =
        v === '4.5.2'
          ? 'the message is illegal, maybe msg body or properties length not matched. msg body length limit 128k, msg properties length limit 32k.'
          : `the message is illegal, maybe msg body or properties length not matched. msg body length limit ${max}B, msg properties length limit 32KB.`;
      this.finishEarly(task, life, ResponseCode.MESSAGE_ILLEGAL, remark);
      return;
    }
    task.size = total;
    task.life = life;
    this.acquireLock(task);
  }

  /** The commit-log lock was granted: the append holds it for the store latency (and any `slow` fault). */
  private onLocked(task: SendTask | null): void {
    if (task === null) {
      this.stallHeld = true;
      return;
    }
    let hold = this.store.next();
    for (const s of this.slowStore) hold += s.next();
    this.ctx.kernel.scheduleAfter(hold, this.appendDone, task);
  }

  private readonly appendDone = (task: SendTask): void => {
    if (this.life !== task.life) return;
    this.releaseLock();
    this.append(task);
    this.afterAppend(task);
  };

  /** The client's `ip:port` as the broker's channel sees it (the port is made up). */
  private clientAddr(channel: Channel): string {
    return `${this.clientIp}:${channel.localPort()}`;
  }

  /** Set by the world: the producer's IP. */
  clientIp = '127.0.0.1';

  /** The commit-log append: physical and queue offsets, the `broker.store` event. */
  private append(task: SendTask): void {
    const size = task.size;
    const h = task.header;
    let offsets = this.queueOffsets.get(h.topic);
    if (offsets === undefined) {
      offsets = [];
      this.queueOffsets.set(h.topic, offsets);
    }
    const queueOffset = offsets[h.queueId] ?? 0;
    offsets[h.queueId] = queueOffset + 1;
    const physical = this.physicalOffset;
    this.physicalOffset += size;
    const offsetMsgId = this.offsetMsgId(physical);
    const msgId = task.packet.msgId;
    const duplicate = msgId !== null ? this.markStored(msgId) : false;
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'broker.store',
      code: this.version === '4.5.2' ? C.putMessage452 : C.putMessageAsync,
      broker: this.cfg.name,
      topic: h.topic,
      queueId: h.queueId,
      offset: queueOffset,
      msgId: msgId ?? '',
      duplicate,
      physicalOffset: physical,
      offsetMsgId,
      rpcId: task.packet.rpcId,
    });
    task.queueOffset = queueOffset;
    task.offsetMsgId = offsetMsgId;
  }

  /** The flush and replica waits, then the answer (server spec 5.4 step 8, section 7). */
  private afterAppend(task: SendTask): void {
    const v = this.version;
    const life = task.life;
    let flushMs = 0;
    let flushStatus: PutStatus = 'PUT_OK';
    if (this.cfg.flushDiskType === 'SYNC_FLUSH') {
      const timeout = this.cfg.syncFlushTimeout;
      if (this.flushTimeoutFaults > 0) {
        flushMs = timeout;
        flushStatus = 'FLUSH_DISK_TIMEOUT';
      } else {
        flushMs = this.flush.next();
        if (flushMs > timeout) {
          flushMs = timeout;
          flushStatus = 'FLUSH_DISK_TIMEOUT';
        }
      }
    }
    let haMs = 0;
    let haStatus: PutStatus = 'PUT_OK';
    if (this.cfg.role === 'SYNC_MASTER') {
      const ha = this.replicaWait();
      haMs = ha.ms;
      haStatus = ha.status;
    }
    let waitMs: number;
    if (v === '4.5.2') {
      // One after the other, on the send thread.
      waitMs = flushMs + haMs;
    } else {
      waitMs = Math.max(flushMs, haMs);
      this.releaseWorker(life);
    }
    task.status = haStatus !== 'PUT_OK' ? haStatus : flushStatus;
    if (waitMs > 0) this.ctx.kernel.scheduleAfter(waitMs, this.answer, task);
    else this.answer(task);
  }

  private readonly answer = (task: SendTask): void => {
    if (this.life !== task.life) return;
    if (!task.oneway) {
      this.replyTask(
        task,
        PUT_CODE[task.status],
        null,
        { msgId: task.offsetMsgId, queueId: task.header.queueId, queueOffset: task.queueOffset },
        C.handlePutMessageResult,
      );
    }
    if (this.version === '4.5.2') this.releaseWorker(task.life);
  };

  /**
   * The replica wait of a SYNC_MASTER (server spec 7.3). 4.x: no usable slave connection answers
   * SLAVE_NOT_AVAILABLE at once; a connected slave that stays silent runs into the timeout (4.5.2
   * `syncFlushTimeout`, 4.9.8 `slaveTimeout`). 5.3.3 waits only when `inSyncReplicas` > 1.
   */
  private replicaWait(): { ms: number; status: PutStatus } {
    if (this.cfg.role !== 'SYNC_MASTER') return { ms: 0, status: 'PUT_OK' };
    const states = this.slaves.map((s) => this.slaveLink(s));
    if (this.version === '5.3.3') {
      const need = (this.cfg.inSyncReplicas ?? 1) - 1;
      if (need <= 0) return { ms: 0, status: 'PUT_OK' };
      const ok = states.filter((s) => s === 'ok').length;
      if (ok >= need) return { ms: this.replication.next(), status: 'PUT_OK' };
      return { ms: this.cfg.slaveTimeout ?? 3000, status: 'FLUSH_SLAVE_TIMEOUT' };
    }
    if (states.every((s) => s === 'gone')) return { ms: 0, status: 'SLAVE_NOT_AVAILABLE' };
    const timeout = this.version === '4.5.2' ? this.cfg.syncFlushTimeout : (this.cfg.slaveTimeout ?? 3000);
    if (states.includes('ok')) {
      const ms = this.replication.next();
      return ms > timeout ? { ms: timeout, status: 'FLUSH_SLAVE_TIMEOUT' } : { ms, status: 'PUT_OK' };
    }
    return { ms: timeout, status: 'FLUSH_SLAVE_TIMEOUT' };
  }

  /** A slave as its master's HA service sees it: acking, silent but still connected, or disconnected. */
  private slaveLink(slave: BrokerController): SlaveLink {
    const link = this.ctx.network.link(this.node, slave.node);
    const now = this.ctx.kernel.exactNow();
    let silentSince = -1;
    if (slave.state !== 'up') {
      if (slave.closedOnDown) return 'gone';
      silentSince = slave.downSince;
    }
    if (link.partitioned) silentSince = Math.max(silentSince, link.partitionedSince);
    if (silentSince < 0) return 'ok';
    // HAConnection housekeeping drops a connection it has read nothing from for haHousekeepingInterval.
    return now - silentSince < this.cfg.haHousekeepingInterval ? 'silent' : 'gone';
  }

  private finishEarly(task: SendTask, life: number, code: number, remark: string): void {
    if (!task.oneway) this.replyTask(task, code, remark, null, C.msgCheck);
    this.releaseWorker(life);
  }

  /** Takes the commit-log lock for an append (or, `null`, for a page-cache stall), or queues for it. */
  private acquireLock(task: SendTask | null): void {
    if (this.lockHolder === null) {
      this.lockHolder = { since: this.nowMs() };
      this.onLocked(task);
      return;
    }
    this.lockWaiters.push(task);
  }

  private releaseLock(): void {
    this.lockHolder = null;
    if (this.lockHead < this.lockWaiters.length) {
      const next = this.lockWaiters[this.lockHead]!;
      this.lockWaiters[this.lockHead] = null;
      this.lockHead++;
      if (this.lockHead > 1024 && this.lockHead * 2 > this.lockWaiters.length) {
        this.lockWaiters.splice(0, this.lockHead);
        this.lockHead = 0;
      }
      this.lockHolder = { since: this.nowMs() };
      this.onLocked(next);
    }
  }

  /** A `busy` (page cache) fault: an append stalls holding the commit-log lock until the fault ends. */
  beginLockStall(): void {
    this.pageCacheStalls++;
    if (this.pageCacheStalls === 1 && this.state === 'up') this.stallLock();
  }

  private stallLock(): void {
    this.acquireLock(null);
  }

  private stallHeld = false;

  endLockStall(): void {
    this.pageCacheStalls = Math.max(0, this.pageCacheStalls - 1);
    if (this.pageCacheStalls === 0 && this.stallHeld) {
      this.stallHeld = false;
      this.releaseLock();
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Answers

  private replyTask(
    task: SendTask,
    code: number,
    remark: string | null,
    header: { msgId: string; queueId: number; queueOffset: number } | null,
    codeRef: { cls: string; method: string },
  ): void {
    const response = RemotingCommand.createResponseCommand(code, remark, header);
    if (header !== null) response.extFields = SEND_EXT_FIELDS;
    this.writeResponse(task.channel, task.packet, response, codeRef);
  }

  private writeResponse(
    channel: Channel,
    request: Packet,
    response: RemotingCommand,
    codeRef: { cls: string; method: string },
  ): void {
    response.setOpaque(request.cmd.opaque);
    for (const drop of this.dropReplies) {
      if (request.cmd.code !== RC.SEND_MESSAGE_V2 && request.cmd.code !== RC.SEND_MESSAGE) break;
      if (drop.remaining !== null && drop.remaining <= 0) continue;
      if (drop.remaining !== null) drop.remaining--;
      this.ctx.trace.add({
        seq: 0,
        t: 0,
        kind: 'broker.replyDropped',
        code: C.fault,
        broker: this.cfg.name,
        rpcId: request.rpcId,
        msgId: request.msgId,
        responseCode: response.code,
      });
      return;
    }
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.send',
      code: codeRef,
      rpcId: request.rpcId,
      from: this.node,
      to: request.from,
      requestCode: request.cmd.code,
      responseCode: response.code,
      name: request.name,
      msgId: request.msgId,
      reply: true,
      remark: response.remark ?? undefined,
    });
    const packet: Packet = {
      cmd: response,
      rpcId: request.rpcId,
      name: request.name,
      msgId: request.msgId,
      from: this.node,
      to: request.from,
    };
    this.ctx.network.toClient(channel, packet, this.deliver);
  }

  /** Set by the world: how an answer reaches the client. */
  deliver: (packet: unknown) => void = () => {};

  /** `offsetMsgId`: store host IPv4 and port, then the physical offset, as 32 hex digits. */
  private offsetMsgId(physical: number): string {
    if (this.msgIdPrefix === null) {
      const parts = this.ip.split('.').map((p) => (Number(p) & 0xff).toString(16).padStart(2, '0'));
      const port = Number(this.cfg.address.slice(this.cfg.address.lastIndexOf(':') + 1));
      this.msgIdPrefix = (parts.join('') + port.toString(16).padStart(8, '0')).toUpperCase();
    }
    if (!(physical >= 0 && Number.isSafeInteger(physical)))
      return this.msgIdPrefix + physical.toString(16).toUpperCase().padStart(16, '0');
    // 16 digits, high and low 32 bits, without a radix conversion per stored message.
    return this.msgIdPrefix + hexUpper32(Math.floor(physical / 4294967296)) + hexUpper32(physical);
  }

  private msgIdPrefix: string | null = null;
}

function requestNameOf(code: number): string {
  return code === RC.REGISTER_BROKER
    ? 'REGISTER_BROKER'
    : code === RC.UNREGISTER_BROKER
      ? 'UNREGISTER_BROKER'
      : `code ${code}`;
}

/** Used by the world to read a broker's send header without importing the client. */
export function messageIdOf(header: SendMessageRequestHeader): string | null {
  return uniqKeyOf(header.properties);
}
