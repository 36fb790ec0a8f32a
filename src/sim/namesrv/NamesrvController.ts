import { suggestTodo } from '../client/FAQUrl';
import { ResponseCode } from '../client/ResponseCode';
import { type Channel, ServerEndpoint } from '../remoting/Network';
import { RC, requestName, type Packet } from '../remoting/Packet';
import { RemotingCommand } from '../remoting/RemotingCommand';
import { C } from '../trace/codes';
import type { Sampler } from '../world/Latency';
import type { WorldContext } from '../world/context';
import { RouteInfoManager, type DataVersion, type RemovedBroker, type TopicConfig } from './RouteInfoManager';

/** The REGISTER_BROKER request header and body (`RegisterBrokerRequestHeader`, `RegisterBrokerBody`). */
export interface RegisterBrokerRequest {
  brokerName: string;
  brokerAddr: string;
  clusterName: string;
  haServerAddr: string;
  brokerId: number;
  topicConfigTable: TopicConfig[];
  dataVersion: DataVersion;
}

export interface UnregisterBrokerRequest {
  brokerName: string;
  brokerAddr: string;
  clusterName: string;
  brokerId: number;
}

const FAQ_4X = 'http://rocketmq.apache.org/docs/faq/';
const FAQ_5X = 'https://rocketmq.apache.org/docs/bestPractice/06FAQ';

/**
 * The name server process: `NamesrvController` (its scheduled expiry scan), the request processor
 * (`DefaultRequestProcessor` 4.x; `ClientRequestProcessor` for route queries in 5.3.3) and the Netty server's
 * idle detector, on top of {@link RouteInfoManager}.
 *
 * Requests are answered after the scenario's processing latency each; the worker pool (8 threads, an
 * unbounded queue in 4.x) never saturates at SendPath's scales, so it is not modelled.
 */
export class NamesrvController {
  readonly endpoint: ServerEndpoint;
  readonly routes: RouteInfoManager;
  private readonly processing: Sampler;
  private readonly lastIO = new Map<Channel, number>();
  private readonly idleMs: number;
  readonly node = 'namesrv';

  constructor(private readonly ctx: WorldContext) {
    const ns = ctx.scenario.nameServer;
    this.endpoint = new ServerEndpoint(this.node, ns.address);
    this.routes = new RouteInfoManager(ctx.version, ns.orderMessageEnable);
    for (const t of ctx.scenario.topics) {
      if (t.orderTopicConf !== null) this.routes.orderTopicConfig.set(t.name, t.orderTopicConf);
    }
    this.processing = ctx.sampler(ns.processingLatency, 'namesrv.processing');
    this.idleMs = ns.serverChannelMaxIdleTimeSeconds * 1000;
    this.endpoint.onPacket = (channel, packet) => this.onPacket(channel, packet as Packet);
    this.endpoint.onChannelClosed = (channel) => this.channelDestroyed(channel, 'channelClosed');
  }

  /** `NamesrvController.start`: the process accepts connections; the expiry scan is scheduled. */
  start(): void {
    this.endpoint.up = true;
    const ns = this.ctx.scenario.nameServer;
    const kernel = this.ctx.kernel;
    const scan = (): void => {
      this.scanNotActiveBroker();
      kernel.scheduleAfter(ns.scanNotActiveBrokerInterval, scan);
    };
    kernel.scheduleAfter(ns.scanNotActiveBrokerInitialDelay, scan);
  }

  private touch(channel: Channel): void {
    const first = !this.lastIO.has(channel);
    this.lastIO.set(channel, this.ctx.kernel.exactNow());
    if (first) this.armIdle(channel);
  }

  /** The server pipeline's IdleStateHandler (all-idle `serverChannelMaxIdleTimeSeconds`) closes quiet channels. */
  private armIdle(channel: Channel): void {
    const kernel = this.ctx.kernel;
    const last = this.lastIO.get(channel);
    if (last === undefined) return;
    kernel.schedule(last + this.idleMs, () => {
      const seen = this.lastIO.get(channel);
      if (seen === undefined || !this.endpoint.accepted.has(channel)) {
        this.lastIO.delete(channel);
        return;
      }
      if (kernel.exactNow() - seen >= this.idleMs) {
        this.lastIO.delete(channel);
        this.ctx.network.closeFromServer(channel);
        this.channelDestroyed(channel, 'idle');
      } else {
        this.armIdle(channel);
      }
    });
  }

  private onPacket(channel: Channel, packet: Packet): void {
    this.touch(channel);
    const cmd = packet.cmd;
    const trace = this.ctx.trace;
    const codeRef =
      cmd.code === RC.GET_ROUTEINFO_BY_TOPIC
        ? this.ctx.version === '5.3.3'
          ? C.getRouteInfoByTopic5
          : C.getRouteInfoByTopic4
        : C.namesrvProcess;
    trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.arrive',
      code: codeRef,
      rpcId: packet.rpcId,
      from: packet.from,
      to: packet.to,
      requestCode: cmd.code,
      name: packet.name,
    });
    this.ctx.kernel.scheduleAfter(this.processing.next(), () => this.process(channel, packet));
  }

  private process(channel: Channel, packet: Packet): void {
    if (!this.endpoint.up) return;
    const cmd = packet.cmd;
    let response: RemotingCommand;
    switch (cmd.code) {
      case RC.GET_ROUTEINFO_BY_TOPIC: {
        const topic = (cmd.customHeader as { topic: string }).topic;
        const route = this.routes.pickupTopicRouteData(topic);
        if (route) {
          response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
          response.setBody(route);
        } else {
          const url = this.ctx.version === '5.3.3' ? FAQ_5X : FAQ_4X;
          response = RemotingCommand.createResponseCommand(
            ResponseCode.TOPIC_NOT_EXIST,
            `No topic route info in name server for the topic: ${topic}${suggestTodo(url)}`,
          );
        }
        break;
      }
      case RC.REGISTER_BROKER: {
        const masterAddr = this.register(channel, cmd.customHeader as RegisterBrokerRequest);
        response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null, { masterAddr });
        break;
      }
      case RC.UNREGISTER_BROKER: {
        const req = cmd.customHeader as UnregisterBrokerRequest;
        const removed = this.routes.unregisterBroker(req.brokerAddr, req.brokerName, req.brokerId);
        if (removed) this.traceRemoval(removed, 'namesrv.unregister', C.unregisterBroker, 'unregister');
        response = RemotingCommand.createResponseCommand(ResponseCode.SUCCESS, null);
        break;
      }
      default:
        response = RemotingCommand.createResponseCommand(
          ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
          ` request type ${cmd.code} not supported`,
        );
    }
    if (cmd.isOnewayRPC()) return;
    response.setOpaque(cmd.opaque);
    this.reply(channel, packet, response);
  }

  /** `registerBroker` and its trace event; returns the master address a slave is told. */
  private register(channel: Channel, req: RegisterBrokerRequest): string | null {
    const result = this.routes.registerBroker(
      req.clusterName,
      req.brokerAddr,
      req.brokerName,
      req.brokerId,
      req.haServerAddr,
      req.topicConfigTable,
      req.dataVersion,
      channel,
      this.ctx.kernel.now(),
    );
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'namesrv.register',
      code: C.registerBroker,
      broker: nodeOf(req.brokerName, req.brokerId),
      brokerName: req.brokerName,
      brokerId: req.brokerId,
      addr: req.brokerAddr,
      topics: req.brokerId === 0 ? req.topicConfigTable.map((tc) => tc.topicName) : [],
      topicsApplied: result.topicsApplied,
      dataVersion: req.dataVersion.counter,
    });
    return result.masterAddr;
  }

  /**
   * A registration that happened before the simulation began: brokers that were already running at t = 0
   * are in the route table from the first event on (no RPC is traced for it).
   */
  registerBeforeStart(channel: Channel, req: RegisterBrokerRequest): void {
    this.touch(channel);
    this.register(channel, req);
  }

  private reply(channel: Channel, request: Packet, response: RemotingCommand): void {
    this.touch(channel);
    const packet: Packet = {
      cmd: response,
      rpcId: request.rpcId,
      name: request.name,
      msgId: request.msgId,
      from: request.to,
      to: request.from,
    };
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.send',
      code: C.namesrvProcess,
      rpcId: request.rpcId,
      from: request.to,
      to: request.from,
      requestCode: request.cmd.code,
      responseCode: response.code,
      name: request.name,
      reply: true,
    });
    this.ctx.network.toClient(channel, packet, this.deliver);
  }

  /** Set by the world: how a response reaches the client that sent the request. */
  deliver: (packet: unknown) => void = () => {};

  private channelDestroyed(channel: Channel, reason: 'channelClosed' | 'idle'): void {
    this.lastIO.delete(channel);
    const removed = this.routes.onChannelDestroy(channel);
    if (removed) {
      this.traceRemoval(
        removed,
        reason === 'idle' ? 'namesrv.expire' : 'namesrv.unregister',
        reason === 'idle' ? C.namesrvIdle : C.onChannelDestroy,
        reason,
      );
    }
  }

  /** `scanNotActiveBroker`: "The broker channel expired"; the channel is closed and the broker removed. */
  private scanNotActiveBroker(): void {
    const expired = this.routes.scanNotActiveBroker(
      this.ctx.kernel.now(),
      this.ctx.scenario.nameServer.brokerChannelExpiredTime,
    );
    for (const { removed, channel } of expired) {
      this.traceRemoval(removed, 'namesrv.expire', C.scanNotActiveBroker, 'expired');
      const ch = channel as Channel;
      this.lastIO.delete(ch);
      this.ctx.network.closeFromServer(ch);
    }
  }

  private traceRemoval(
    removed: RemovedBroker,
    kind: string,
    codeRef: { cls: string; method: string },
    reason: string,
  ): void {
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind,
      code: codeRef,
      broker: nodeOf(removed.brokerName, removed.brokerId),
      brokerName: removed.brokerName,
      brokerId: removed.brokerId,
      addr: removed.brokerAddr,
      reason,
      groupRemoved: removed.groupRemoved,
      topicsRemoved: removed.topicsRemoved,
    });
  }

  /** The name server's route for a topic now (the truth the trace compares the producer's belief with). */
  truth(topic: string): string[] {
    return this.routes.brokersOf(topic);
  }

  requestName(code: number): string {
    return requestName(code, this.ctx.version);
  }
}

/** The broker process's node id: the group name for a master, `name@id` for a slave. */
function nodeOf(brokerName: string, brokerId: number): string {
  return brokerId === 0 ? brokerName : `${brokerName}@${brokerId}`;
}
