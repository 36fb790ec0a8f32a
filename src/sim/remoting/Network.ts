import type { Future } from '../kernel/Future';
import type { Sampler } from '../world/Latency';
import type { WorldKernel } from '../world/WorldKernel';

/**
 * The network of a world simulation: links between nodes (the producer, the name server, each broker
 * process), TCP-like channels over them, and the fates a packet can meet.
 *
 * - Each link has a one-way latency distribution, plus any `slow` faults on it; a partitioned link drops
 *   everything in both directions and tells nobody (no FIN, no RST).
 * - A channel delivers in order in each direction (TCP): a packet never overtakes an earlier one.
 * - A server process that is down but whose host is alive (a crashed process, a clean shutdown) answers a
 *   connect or a stray packet with a reset after one trip; a dead host (power loss, a hang) answers nothing.
 * - A restarted server knows none of its old connections: a packet on one of them is answered with a reset.
 */
export type NodeId = string;

export class Link {
  /** Active partitions of this link (faults may overlap). */
  partitions = 0;
  /** When the current partition began (exact virtual time), or -1. */
  partitionedSince = -1;
  /** Extra one-way latency of active `slow` faults on this link. */
  readonly slows: Sampler[] = [];

  constructor(
    readonly a: NodeId,
    readonly b: NodeId,
    readonly base: Sampler,
  ) {}

  get partitioned(): boolean {
    return this.partitions > 0;
  }

  /** One trip's latency now. */
  delay(): number {
    let d = this.base.next();
    for (let i = 0; i < this.slows.length; i++) d += this.slows[i]!.next();
    return d;
  }
}

/** A TCP server: a name server or a broker process. */
export class ServerEndpoint {
  /** The process accepts connections and reads requests. */
  up = false;
  /** The host answers packets (with a reset) even while the process is down. */
  hostAlive = true;
  /** Bumped on every restart: connections of an earlier incarnation are unknown to the new process. */
  incarnation = 0;
  readonly accepted = new Set<Channel>();
  /** A request (or any packet) arrived on an accepted channel. */
  onPacket: (channel: Channel, packet: unknown) => void = () => {};
  /** The client closed its side (FIN arrived), or the server's own idle detector closed it. */
  onChannelClosed: (channel: Channel) => void = () => {};

  constructor(
    readonly node: NodeId,
    readonly addr: string,
  ) {}
}

export type ClientCloseReason = 'peerClosed' | 'reset';

let channelSeq = 0;

/** One TCP connection from a client node to a server endpoint. */
export class Channel {
  readonly id: number;
  /** Open from the client's point of view: connected and neither side's close has reached the client. */
  active = false;
  /** Closed by the client (nothing more is read or written). */
  closedByClient = false;
  /** The server's incarnation this channel was accepted by. */
  incarnation = -1;
  lastToServer = 0;
  lastToClient = 0;
  /** Called when the server's FIN or a reset reaches the client (set by the client's remoting layer). */
  onClientClose: ((reason: ClientCloseReason) => void) | null = null;

  constructor(
    readonly client: NodeId,
    readonly server: ServerEndpoint,
    readonly link: Link,
  ) {
    this.id = ++channelSeq;
  }

  get addr(): string {
    return this.server.addr;
  }

  /** The client-side local address, for broker remarks ("Producer: ip:port"); the port is made up. */
  localPort(): number {
    return 50000 + (this.id % 15000);
  }
}

export interface ConnectOutcome {
  channel: Channel | null;
  /** Refused by a live host (fast) rather than unanswered (connect timeout). */
  refused: boolean;
}

export class Network {
  private readonly links = new Map<string, Link>();
  private readonly servers = new Map<string, ServerEndpoint>();
  /** Open channels per server, so a server close can reach every client. */
  private readonly channelsByServer = new Map<ServerEndpoint, Set<Channel>>();

  constructor(
    private readonly kernel: WorldKernel,
    private readonly makeLink: (a: NodeId, b: NodeId) => Link,
    private readonly connectLatency: Sampler,
    private readonly newFuture: () => Future<ConnectOutcome>,
  ) {
    channelSeq = 0;
  }

  addServer(server: ServerEndpoint): void {
    this.servers.set(server.addr, server);
    this.channelsByServer.set(server, new Set());
  }

  serverAt(addr: string): ServerEndpoint | undefined {
    return this.servers.get(addr);
  }

  link(a: NodeId, b: NodeId): Link {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    let link = this.links.get(key);
    if (!link) {
      link = a < b ? this.makeLink(a, b) : this.makeLink(b, a);
      this.links.set(key, link);
    }
    return link;
  }

  /**
   * Opens a channel. Completes with the channel once connected; with null after one round trip when the
   * host refuses (process down, host up); with null after `connectTimeoutMillis` (Netty's
   * CONNECT_TIMEOUT_MILLIS) when nothing answers (host down, link cut).
   */
  connect(client: NodeId, addr: string, connectTimeoutMillis: number): Future<ConnectOutcome> {
    const future = this.newFuture();
    const server = this.servers.get(addr);
    const kernel = this.kernel;
    if (!server) {
      kernel.scheduleAfter(connectTimeoutMillis, () => future.complete({ channel: null, refused: false }));
      return future;
    }
    const link = this.link(client, server.node);
    if (link.partitioned || !server.hostAlive) {
      kernel.scheduleAfter(connectTimeoutMillis, () => future.complete({ channel: null, refused: false }));
      return future;
    }
    if (!server.up) {
      const rtt = link.delay() + link.delay();
      kernel.scheduleAfter(Math.min(rtt, connectTimeoutMillis), () =>
        future.complete({ channel: null, refused: true }),
      );
      return future;
    }
    const took = this.connectLatency.next();
    kernel.scheduleAfter(Math.min(took, connectTimeoutMillis), () => {
      if (took >= connectTimeoutMillis || link.partitioned || !server.up) {
        future.complete({ channel: null, refused: false });
        return;
      }
      const channel = new Channel(client, server, link);
      channel.active = true;
      channel.incarnation = server.incarnation;
      server.accepted.add(channel);
      this.channelsByServer.get(server)!.add(channel);
      future.complete({ channel, refused: false });
    });
    return future;
  }

  /**
   * A channel that is simply there: the connections of processes that were running before the simulation
   * began (the brokers' channels to the name server at t = 0).
   */
  connectNow(client: NodeId, addr: string): Channel | null {
    const server = this.servers.get(addr);
    if (!server || !server.up) return null;
    const channel = new Channel(client, server, this.link(client, server.node));
    channel.active = true;
    channel.incarnation = server.incarnation;
    server.accepted.add(channel);
    this.channelsByServer.get(server)!.add(channel);
    return channel;
  }

  /**
   * The client writes a packet. Returns false when the channel is closed (the write fails at once);
   * otherwise the packet is on its way, and may still be lost.
   */
  toServer(channel: Channel, packet: unknown): boolean {
    if (channel.closedByClient) return false;
    const link = channel.link;
    if (link.partitioned) return true;
    const now = this.kernel.exactNow();
    let at = now + link.delay();
    if (at < channel.lastToServer) at = channel.lastToServer;
    channel.lastToServer = at;
    this.kernel.schedule(at, () => this.arriveAtServer(channel, packet));
    return true;
  }

  private arriveAtServer(channel: Channel, packet: unknown): void {
    const server = channel.server;
    if (channel.link.partitioned) return;
    if (server.up && channel.incarnation === server.incarnation && server.accepted.has(channel)) {
      server.onPacket(channel, packet);
      return;
    }
    // Nobody listens on this connection any more: a live host resets it, a dead one stays silent.
    if (server.hostAlive) this.resetToClient(channel);
  }

  /** The server writes a packet (a response) back to the client. */
  toClient(channel: Channel, packet: unknown, onArrive: (packet: unknown) => void): boolean {
    const link = channel.link;
    if (link.partitioned) return true;
    const now = this.kernel.exactNow();
    let at = now + link.delay();
    if (at < channel.lastToClient) at = channel.lastToClient;
    channel.lastToClient = at;
    this.kernel.schedule(at, () => {
      if (channel.closedByClient || !channel.active || link.partitioned) return;
      onArrive(packet);
    });
    return true;
  }

  private resetToClient(channel: Channel): void {
    const link = channel.link;
    if (link.partitioned) return;
    let at = this.kernel.exactNow() + link.delay();
    if (at < channel.lastToClient) at = channel.lastToClient;
    channel.lastToClient = at;
    this.kernel.schedule(at, () => this.clientSeesClose(channel, 'reset'));
  }

  private clientSeesClose(channel: Channel, reason: ClientCloseReason): void {
    if (channel.closedByClient || !channel.active) return;
    channel.active = false;
    channel.onClientClose?.(reason);
  }

  /** The client closes its side: the server learns it one trip later (if the packet gets through). */
  closeFromClient(channel: Channel): void {
    if (channel.closedByClient) return;
    channel.closedByClient = true;
    channel.active = false;
    const server = channel.server;
    const link = channel.link;
    if (link.partitioned) return;
    let at = this.kernel.exactNow() + link.delay();
    if (at < channel.lastToServer) at = channel.lastToServer;
    channel.lastToServer = at;
    this.kernel.schedule(at, () => {
      if (link.partitioned) return;
      if (server.accepted.delete(channel)) {
        this.channelsByServer.get(server)?.delete(channel);
        if (server.up && channel.incarnation === server.incarnation) server.onChannelClosed(channel);
      }
    });
  }

  /** The server closes one channel (idle detector, ...): the client sees a FIN one trip later. */
  closeFromServer(channel: Channel): void {
    const server = channel.server;
    if (!server.accepted.delete(channel)) return;
    this.channelsByServer.get(server)?.delete(channel);
    const link = channel.link;
    if (link.partitioned) return;
    let at = this.kernel.exactNow() + link.delay();
    if (at < channel.lastToClient) at = channel.lastToClient;
    channel.lastToClient = at;
    this.kernel.schedule(at, () => this.clientSeesClose(channel, 'peerClosed'));
  }

  /** The server process closes every connection (a crash on a live host, a clean shutdown). */
  closeAllFromServer(server: ServerEndpoint): void {
    for (const channel of [...(this.channelsByServer.get(server) ?? [])]) this.closeFromServer(channel);
  }

  /** The process vanished without closing anything: its connections are simply forgotten. */
  forgetAll(server: ServerEndpoint): void {
    server.accepted.clear();
    this.channelsByServer.get(server)?.clear();
  }
}
