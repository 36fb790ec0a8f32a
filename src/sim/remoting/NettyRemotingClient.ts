import { currentThreadName } from '../common/ThreadLocal';
import {
  RemotingConnectException,
  RemotingSendRequestException,
  RemotingTimeoutException,
  RemotingTooMuchRequestException,
} from '../client/exceptions';
import { sendLoopProfile, type SendLoopProfile } from '../client/SendLoopProfile';
import { ThreadPoolExecutor, type Runnable } from '../kernel/Executor';
import { Future } from '../kernel/Future';
import type { Sim } from '../kernel/Kernel';
import { Semaphore } from '../kernel/Semaphore';
import type { RandomStream } from '../kernel/random';
import { C } from '../trace/codes';
import type { WorldContext } from '../world/context';
import type { Channel, ClientCloseReason, ConnectOutcome } from './Network';
import { RC, requestName, uniqKeyOf, type Packet } from './Packet';
import type { RemotingClient } from './RemotingClient';
import type { RemotingCommand } from './RemotingCommand';
import { ResponseFuture, type InvokeCallback } from './ResponseFuture';

/** `NettyClientConfig` and the JVM-wide remoting settings a scenario may change. */
export interface NettyClientOptions {
  connectTimeoutMillis: number;
  clientAsyncSemaphoreValue: number;
  clientOnewaySemaphoreValue: number;
  clientCallbackExecutorThreads: number;
  clientCloseSocketIfTimeout: boolean;
}

/** What the world learns from the remoting client (trace attribution and the async attempt outcomes). */
export interface RemotingObserver {
  /** A callback-executor thread starts working for this message (so selection and fault events name it). */
  enterMessage(thread: string, msgId: string | null): void;
  /** An async request ends (answer, send failure, expiry) just before its callback is queued. */
  asyncOutcome(
    msgId: string | null,
    rpcId: number,
    response: RemotingCommand | null,
    future: ResponseFuture,
  ): void;
  /** An async request failed before it was registered (connect, cost check, semaphore). */
  asyncFailedEarly(msgId: string | null, error: unknown): void;
}

/** The wrapper of a connect in progress or done (`NettyRemotingClient.ChannelWrapper`). */
class ChannelWrapper {
  channel: Channel | null = null;

  constructor(readonly future: Future<ConnectOutcome>) {}

  isOK(): boolean {
    return this.channel !== null && this.channel.active;
  }
}

type PendingKind = 'sync4' | 'sync5' | 'async';

/** An entry of `responseTable`, with the bookkeeping upstream keeps in the future and the permit holder. */
interface Pending {
  kind: PendingKind;
  rf: ResponseFuture;
  channel: Channel;
  /** Releases the semaphore permit, once. */
  release: SemaphoreReleaseOnlyOnce | null;
  /** 4.x sync: the `waitResponse` latch; 5.x sync: the invoke0 future. */
  waiter: Future<RemotingCommand | null> | null;
  rpcId: number;
  msgId: string | null;
  name: string;
  to: string;
}

const MIN_CLOSE_TIMEOUT_MILLIS = 100;

/**
 * `org.apache.rocketmq.remoting.netty.NettyRemotingClient` (with the parts of `NettyRemotingAbstract` the
 * client uses), as the producer sees it, on the simulated network (producer spec section 9):
 *
 * - channels per address; 4.x connects on the calling thread and waits up to `connectTimeoutMillis`;
 *   5.3.3's async and oneway calls only ask for the connect future and continue on the I/O thread;
 * - `invokeSync` (4.x no semaphore; 5.3.3 takes an async permit and waits twice), `invokeAsync` with the
 *   fair `semaphoreAsync`, `invokeOneway` with `semaphoreOneway`;
 * - the response table, answered by `processResponseCommand` and swept by `scanResponseTable` (first after
 *   3 s, then every second; an entry expires at begin + timeout + 1000 ms);
 * - the callback executor (`NettyClientPublicExecutor_`, `clientCallbackExecutorThreads` threads) that runs
 *   every async callback (and, in 5.3.3, completes sync calls too);
 * - `failFast` when the client closes a channel; a peer's FIN closes a 5.3.3 channel the same way
 *   (`channelInactive`), while 4.x only sees the channel inactive at its next use.
 */
export class NettyRemotingClient implements RemotingClient {
  readonly node = 'producer';
  readonly profile: SendLoopProfile;
  private readonly channelTables = new Map<string, ChannelWrapper>();
  private readonly responseTable = new Map<number, Pending>();
  private namesrvAddrList: string[] = [];
  private namesrvAddrChoosed: string | null = null;
  private namesrvIndex: number;
  readonly semaphoreAsync: Semaphore;
  readonly semaphoreOneway: Semaphore;
  readonly callbackExecutor: ThreadPoolExecutor;
  private started = false;
  private stopped = false;
  private readonly remoting5: boolean;

  constructor(
    private readonly ctx: WorldContext,
    private readonly options: NettyClientOptions,
    private readonly observer: RemotingObserver,
    random: RandomStream,
  ) {
    this.profile = sendLoopProfile(ctx.version);
    this.remoting5 = this.profile.remoting5;
    const kernel = ctx.kernel;
    this.semaphoreAsync = new Semaphore(kernel, options.clientAsyncSemaphoreValue, true);
    this.semaphoreOneway = new Semaphore(kernel, options.clientOnewaySemaphoreValue, true);
    // initValueIndex: a random start in [0, 999).
    this.namesrvIndex = random.nextInt(999);
    const trace = ctx.trace;
    this.callbackExecutor = new ThreadPoolExecutor(kernel, {
      threadNamePrefix: 'NettyClientPublicExecutor_',
      corePoolSize: options.clientCallbackExecutorThreads,
      queueCapacity: Number.MAX_SAFE_INTEGER,
      listener: {
        onEnqueue: (task, queued) => {
          trace.add({
            seq: 0,
            t: 0,
            kind: 'executor.enqueue',
            code: C.execute,
            msgId: (task as CallbackTask).msgId ?? undefined,
            queued,
            executor: 'NettyClientPublicExecutor',
          });
        },
        onRun: (task, worker, waitedMs) => {
          trace.add({
            seq: 0,
            t: 0,
            kind: 'executor.run',
            code: C.runWorker,
            msgId: (task as CallbackTask).msgId ?? undefined,
            queued: this.callbackExecutor.queued,
            worker,
            waitedMs,
            executor: 'NettyClientPublicExecutor',
          });
        },
      },
      // executeInvokeCallback catches whatever the callback throws ("execute callback in executor exception").
      taskErrorHandler: () => {},
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // RemotingClient

  getNameServerAddressList(): readonly string[] {
    return this.namesrvAddrList;
  }

  updateNameServerAddressList(addrs: readonly string[]): void {
    this.namesrvAddrList = [...addrs];
  }

  /** `start()`: the response-table scan, first after 3000 ms, then every 1000 ms. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const kernel = this.ctx.kernel;
    const scan = (): void => {
      if (this.stopped) return;
      this.scanResponseTable();
      kernel.scheduleAfter(1000, scan);
    };
    kernel.scheduleAfter(3000, scan);
  }

  shutdown(): void {
    this.stopped = true;
    for (const [addr, cw] of [...this.channelTables]) this.closeChannel(addr, cw.channel);
    this.channelTables.clear();
    this.callbackExecutor.shutdown();
  }

  *invokeSync(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<RemotingCommand> {
    const clock = this.ctx.kernel;
    const beginStartTime = clock.now();
    const channel = this.remoting5
      ? yield* this.getAndCreateChannel5(addr)
      : (this.cachedChannel(addr) ?? (yield* this.getAndCreateChannel(addr)));
    const target = addr ?? this.namesrvAddrChoosed;
    if (channel !== null && channel.active) {
      if (this.remoting5)
        return yield* this.invokeSync5(addr, channel, request, timeoutMillis, beginStartTime);
      try {
        const costTime = clock.now() - beginStartTime;
        if (timeoutMillis < costTime) {
          throw new RemotingTimeoutException(
            this.profile.version === '4.5.2'
              ? 'invokeSync call timeout'
              : `invokeSync call the addr[${String(addr)}] timeout`,
          );
        }
        return yield* this.invokeSyncImpl4(channel, request, timeoutMillis - costTime);
      } catch (e) {
        if (e instanceof RemotingSendRequestException) {
          this.closeChannel(target, channel);
        } else if (e instanceof RemotingTimeoutException && this.options.clientCloseSocketIfTimeout) {
          this.closeChannel(target, channel);
        }
        throw e;
      }
    }
    this.closeChannel(target, channel);
    throw new RemotingConnectException(this.profile, addr);
  }

  private *invokeSync5(
    addr: string | null,
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    beginStartTime: number,
  ): Sim<RemotingCommand> {
    let left = timeoutMillis;
    try {
      const costTime = this.ctx.kernel.now() - beginStartTime;
      left -= costTime;
      if (left <= 0) throw new RemotingTimeoutException(`invokeSync call the addr[${channel.addr}] timeout`);
      return yield* this.invokeSyncImpl5(channel, request, left);
    } catch (e) {
      if (e instanceof RemotingSendRequestException) {
        this.closeChannel(addr ?? channel.addr, channel);
      } else if (e instanceof RemotingTimeoutException) {
        // Keep a channel whose connect ate most of the budget (MIN_CLOSE_TIMEOUT_MILLIS).
        const shouldClose = left > MIN_CLOSE_TIMEOUT_MILLIS || left > timeoutMillis / 4;
        if (this.options.clientCloseSocketIfTimeout && shouldClose)
          this.closeChannel(addr ?? channel.addr, channel);
      }
      throw e;
    }
  }

  /** 4.x `invokeSyncImpl`: register, write, wait on the latch; the entry is removed however the wait ends. */
  private *invokeSyncImpl4(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
  ): Sim<RemotingCommand> {
    const opaque = request.opaque;
    const rf = new ResponseFuture(this.ctx.kernel, `/${channel.addr}`, opaque, request, timeoutMillis, null);
    const waiter = new Future<RemotingCommand | null>(this.ctx.kernel);
    const pending = this.register('sync4', rf, channel, null, waiter, request);
    try {
      this.write(channel, pending, request);
      yield* waiter.await(timeoutMillis);
      const response = rf.getResponseCommand();
      if (response === null) {
        if (rf.isSendRequestOK()) {
          this.traceTimeout(pending, 'invokeSync', timeoutMillis);
          throw RemotingTimeoutException.ofChannel(channel.addr, timeoutMillis, rf.getCause());
        }
        throw new RemotingSendRequestException(channel.addr, rf.getCause());
      }
      return response;
    } finally {
      this.responseTable.delete(opaque);
    }
  }

  /**
   * 5.3.3 `invokeSyncImpl` -> `invokeImpl` -> `invoke0`: an async permit first (waiting up to the budget),
   * then the wait for the future, completed by the callback executor. After a timeout the entry stays in the
   * table, holding its permit, until the scan removes it.
   */
  private *invokeSyncImpl5(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
  ): Sim<RemotingCommand> {
    const remote = `/${channel.addr}`;
    const clock = this.ctx.kernel;
    const future = new Future<RemotingCommand | null>(clock);
    const beginStartTime = clock.now();
    const acquired =
      this.tryNow(this.semaphoreAsync) ||
      (yield* this.acquire(this.semaphoreAsync, 'semaphoreAsync', timeoutMillis, request));
    if (!acquired) {
      const cause =
        timeoutMillis <= 0
          ? new RemotingTooMuchRequestException('invokeAsyncImpl invoke too fast')
          : new RemotingTimeoutException(
              this.semaphoreText(
                'invokeAsyncImpl',
                timeoutMillis,
                this.semaphoreAsync,
                'semaphoreAsyncValue',
              ),
            );
      throw new RemotingSendRequestException(remote, cause);
    }
    const release = new SemaphoreReleaseOnlyOnce(this.semaphoreAsync);
    const costTime = clock.now() - beginStartTime;
    if (timeoutMillis < costTime) {
      release.release();
      throw new RemotingSendRequestException(
        remote,
        new RemotingTimeoutException('invokeAsyncImpl call timeout'),
      );
    }
    const internal: InvokeCallback = {
      *operationComplete(): Sim<void> {},
      *operationSucceed(response: RemotingCommand): Sim<void> {
        future.complete(response);
      },
      *operationFail(throwable: unknown): Sim<void> {
        future.fail(throwable);
      },
    };
    const rf = new ResponseFuture(clock, remote, request.opaque, request, timeoutMillis - costTime, internal);
    const pending = this.register('sync5', rf, channel, release, null, request);
    this.write(channel, pending, request);
    const done = yield* future.await(timeoutMillis);
    if (!done) {
      this.traceTimeout(pending, 'invokeSync', timeoutMillis);
      throw RemotingTimeoutException.ofChannel(remote, timeoutMillis, null);
    }
    if (future.isFailed()) throw new RemotingSendRequestException(remote, future.error);
    return future.value as RemotingCommand;
  }

  *invokeAsync(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void> {
    if (this.remoting5) {
      yield* this.invokeAsync5(addr, request, timeoutMillis, invokeCallback);
      return;
    }
    const clock = this.ctx.kernel;
    const beginStartTime = clock.now();
    const channel = this.cachedChannel(addr) ?? (yield* this.getAndCreateChannel(addr));
    const target = addr ?? this.namesrvAddrChoosed;
    if (channel !== null && channel.active) {
      try {
        const costTime = clock.now() - beginStartTime;
        if (timeoutMillis < costTime) {
          throw this.invokeAsyncTimeout(addr);
        }
        yield* this.invokeAsyncImpl4(channel, request, timeoutMillis - costTime, invokeCallback);
      } catch (e) {
        if (e instanceof RemotingSendRequestException) this.closeChannel(target, channel);
        this.observer.asyncFailedEarly(this.msgIdOf(request), e);
        throw e;
      }
      return;
    }
    this.closeChannel(target, channel);
    const error = new RemotingConnectException(this.profile, addr);
    this.observer.asyncFailedEarly(this.msgIdOf(request), error);
    throw error;
  }

  /** 4.x `invokeAsync`'s cost check failing: the budget was spent before the request could go. */
  private invokeAsyncTimeout(addr: string | null): RemotingTooMuchRequestException {
    return new RemotingTooMuchRequestException(
      this.profile.version === '4.5.2'
        ? 'invokeAsync call timeout'
        : `invokeAsync call the addr[${String(addr)}] timeout`,
    );
  }

  /**
   * 4.x `invokeAsync` when nothing blocks: a usable cached channel, a budget that is not negative and a
   * permit granted at once. No virtual time passes, so the cost checks of `invokeAsync` and
   * `invokeAsyncImpl` both see 0 and pass; what is left is `invokeAsyncImpl`'s response future, its
   * registration and the write, as there. A negative budget on a usable cached channel fails the cost check
   * of `invokeAsync` at once (async re-sends after a timeout carry one): thrown here as there. Anything else
   * returns false before any side effect.
   */
  invokeAsyncNow(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): boolean {
    if (this.remoting5) {
      // 5.3.3 only fetches the connect future on this thread: with one in the table (connected or still
      // connecting) that is all `invokeAsync` does here; the rest runs on the I/O thread.
      if (addr === null) return false;
      const cw = this.channelTables.get(addr);
      if (cw === undefined || !(cw.isOK() || !cw.future.isDone())) return false;
      this.invokeAsync5OnConnect(cw, addr, request, timeoutMillis, invokeCallback);
      return true;
    }
    const channel = this.cachedChannel(addr);
    if (channel === null || !channel.active) return false;
    if (timeoutMillis < 0) {
      const error = this.invokeAsyncTimeout(addr);
      this.observer.asyncFailedEarly(this.msgIdOf(request), error);
      throw error;
    }
    if (!this.tryNow(this.semaphoreAsync)) return false;
    const release = new SemaphoreReleaseOnlyOnce(this.semaphoreAsync);
    const rf = new ResponseFuture(
      this.ctx.kernel,
      `/${channel.addr}`,
      request.opaque,
      request,
      timeoutMillis,
      invokeCallback,
    );
    const pending = this.register('async', rf, channel, release, null, request);
    this.write(channel, pending, request);
    return true;
  }

  /** 4.x `invokeAsyncImpl`: a fair permit (waiting up to the timeout), then the response future. */
  private *invokeAsyncImpl4(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void> {
    const clock = this.ctx.kernel;
    const beginStartTime = clock.now();
    const acquired =
      this.tryNow(this.semaphoreAsync) ||
      (yield* this.acquire(this.semaphoreAsync, 'semaphoreAsync', timeoutMillis, request));
    if (!acquired) {
      if (timeoutMillis <= 0) throw new RemotingTooMuchRequestException('invokeAsyncImpl invoke too fast');
      throw new RemotingTimeoutException(
        this.semaphoreText('invokeAsyncImpl', timeoutMillis, this.semaphoreAsync, 'semaphoreAsyncValue'),
      );
    }
    const release = new SemaphoreReleaseOnlyOnce(this.semaphoreAsync);
    const costTime = clock.now() - beginStartTime;
    if (timeoutMillis < costTime) {
      release.release();
      throw new RemotingTimeoutException('invokeAsyncImpl call timeout');
    }
    const rf = new ResponseFuture(
      clock,
      `/${channel.addr}`,
      request.opaque,
      request,
      timeoutMillis - costTime,
      invokeCallback,
    );
    const pending = this.register('async', rf, channel, release, null, request);
    this.write(channel, pending, request);
  }

  /**
   * 5.3.3 `invokeAsync`: only the connect future is fetched here; the rest runs in its listener on the I/O
   * thread, where a failure becomes `operationFail`. The cost check reports a failure and then goes on into
   * `invokeAsyncImpl` anyway (upstream has no return there), which fails a second time.
   */
  private *invokeAsync5(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void> {
    const cw = this.getAndCreateChannelAsync(addr);
    if (cw === null) {
      const error = new RemotingConnectException(this.profile, addr);
      this.observer.asyncFailedEarly(this.msgIdOf(request), error);
      if (invokeCallback.operationFail) yield* invokeCallback.operationFail(error);
      return;
    }
    this.invokeAsync5OnConnect(cw, addr, request, timeoutMillis, invokeCallback);
  }

  /** 5.3.3 `invokeAsync` once it has the connect future: its listener does the rest on the I/O thread. */
  private invokeAsync5OnConnect(
    cw: ChannelWrapper,
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): void {
    const clock = this.ctx.kernel;
    const beginStartTime = clock.now();
    const msgId = this.msgIdOf(request);
    const self = this;
    this.onConnectDone(cw, function* (): Sim<void> {
      self.observer.enterMessage(currentThreadName(), msgId);
      const channel = cw.channel;
      if (channel !== null && channel.active) {
        const costTime = clock.now() - beginStartTime;
        if (timeoutMillis < costTime) {
          const error = new RemotingTooMuchRequestException(
            `invokeAsync call the addr[${channel.addr}] timeout`,
          );
          self.observer.asyncFailedEarly(msgId, error);
          if (invokeCallback.operationFail) yield* invokeCallback.operationFail(error);
        }
        const rest = self.invokeAsyncImpl5Now(channel, request, timeoutMillis - costTime, invokeCallback);
        if (rest !== null) yield* rest;
        return;
      }
      if (channel !== null) self.closeChannel(addr ?? channel.addr, channel);
      const error = new RemotingConnectException(self.profile, addr);
      self.observer.asyncFailedEarly(msgId, error);
      if (invokeCallback.operationFail) yield* invokeCallback.operationFail(error);
    });
  }

  /**
   * 5.3.3 `invokeAsyncImpl` over `invoke0` (an early failure is `operationComplete` then `operationFail`), as
   * plain calls when a permit is free at once (the I/O thread runs one per async send); a wait for the
   * permit, or an early failure, is returned as a process step.
   */
  private invokeAsyncImpl5Now(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void> | null {
    const beginStartTime = this.ctx.kernel.now();
    if (!this.tryNow(this.semaphoreAsync)) {
      return this.invokeAsyncImpl5Wait(channel, request, timeoutMillis, invokeCallback, beginStartTime);
    }
    return this.invokeAsyncImpl5Acquired(channel, request, timeoutMillis, invokeCallback, beginStartTime);
  }

  /** The fair permit was not free: wait for it (up to the timeout); without one the request fails. */
  private *invokeAsyncImpl5Wait(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
    beginStartTime: number,
  ): Sim<void> {
    const acquired = yield* this.acquire(this.semaphoreAsync, 'semaphoreAsync', timeoutMillis, request);
    if (!acquired) {
      const cause =
        timeoutMillis <= 0
          ? new RemotingTooMuchRequestException('invokeAsyncImpl invoke too fast')
          : new RemotingTimeoutException(
              this.semaphoreText(
                'invokeAsyncImpl',
                timeoutMillis,
                this.semaphoreAsync,
                'semaphoreAsyncValue',
              ),
            );
      yield* this.invokeAsyncImpl5Fail(channel, request, timeoutMillis, invokeCallback, cause);
      return;
    }
    const rest = this.invokeAsyncImpl5Acquired(
      channel,
      request,
      timeoutMillis,
      invokeCallback,
      beginStartTime,
    );
    if (rest !== null) yield* rest;
  }

  /** With the permit: the cost check, then the response future, its registration and the write. */
  private invokeAsyncImpl5Acquired(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
    beginStartTime: number,
  ): Sim<void> | null {
    const clock = this.ctx.kernel;
    const release = new SemaphoreReleaseOnlyOnce(this.semaphoreAsync);
    const costTime = clock.now() - beginStartTime;
    if (timeoutMillis < costTime) {
      release.release();
      return this.invokeAsyncImpl5Fail(
        channel,
        request,
        timeoutMillis,
        invokeCallback,
        new RemotingTimeoutException('invokeAsyncImpl call timeout'),
      );
    }
    const rf = new ResponseFuture(
      clock,
      `/${channel.addr}`,
      request.opaque,
      request,
      timeoutMillis - costTime,
      invokeCallback,
    );
    const pending = this.register('async', rf, channel, release, null, request);
    this.write(channel, pending, request);
    return null;
  }

  /** An early failure of `invokeAsyncImpl5`: `operationComplete` with a future holding the cause, then `operationFail`. */
  private *invokeAsyncImpl5Fail(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
    cause: unknown,
  ): Sim<void> {
    this.observer.asyncFailedEarly(this.msgIdOf(request), cause);
    const rf = new ResponseFuture(
      this.ctx.kernel,
      `/${channel.addr}`,
      request.opaque,
      request,
      timeoutMillis,
      null,
    );
    rf.setCause(cause);
    yield* invokeCallback.operationComplete(rf);
    if (invokeCallback.operationFail) yield* invokeCallback.operationFail(cause);
  }

  *invokeOneway(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<void> {
    if (this.remoting5) {
      const cw = this.getAndCreateChannelAsync(addr);
      if (cw === null) throw new RemotingConnectException(this.profile, addr);
      const self = this;
      this.onConnectDone(cw, function* (): Sim<void> {
        const channel = cw.channel;
        if (channel !== null && channel.active) {
          // Failures here (semaphore, write) are only logged: the caller has long returned.
          try {
            yield* self.invokeOnewayImpl(channel, request, timeoutMillis, 'semaphoreOnewayValue');
          } catch {
            // logged upstream
          }
        } else if (channel !== null) {
          self.closeChannel(addr ?? channel.addr, channel);
        }
      });
      return;
    }
    const channel = this.cachedChannel(addr) ?? (yield* this.getAndCreateChannel(addr));
    const target = addr ?? this.namesrvAddrChoosed;
    if (channel !== null && channel.active) {
      yield* this.invokeOnewayImpl(channel, request, timeoutMillis, 'semaphoreAsyncValue');
      return;
    }
    this.closeChannel(target, channel);
    throw new RemotingConnectException(this.profile, addr);
  }

  /** `invokeOnewayImpl`: the oneway flag, a `semaphoreOneway` permit, the write; no answer is read. */
  private *invokeOnewayImpl(
    channel: Channel,
    request: RemotingCommand,
    timeoutMillis: number,
    valueName: string,
  ): Sim<void> {
    request.markOnewayRPC();
    const acquired =
      this.tryNow(this.semaphoreOneway) ||
      (yield* this.acquire(this.semaphoreOneway, 'semaphoreOneway', timeoutMillis, request));
    if (!acquired) {
      if (timeoutMillis <= 0) throw new RemotingTooMuchRequestException('invokeOnewayImpl invoke too fast');
      throw new RemotingTimeoutException(
        this.semaphoreText('invokeOnewayImpl', timeoutMillis, this.semaphoreOneway, valueName),
      );
    }
    const rpcId = this.ctx.nextRpcId();
    const packet = this.packet(channel, request, rpcId);
    this.traceSend(packet, 'oneway');
    this.ctx.network.toServer(channel, packet);
    // Released when the write completes (a failed write is only logged).
    this.semaphoreOneway.release(1);
  }

  private semaphoreText(method: string, timeoutMillis: number, s: Semaphore, valueName: string): string {
    return `${method} tryAcquire semaphore timeout, ${timeoutMillis}ms, waiting thread nums: ${s.getQueueLength()} ${valueName}: ${s.availablePermits()}`;
  }

  /** A fair semaphore grants at once when nobody waits and a permit is free (the common case, untraced). */
  private tryNow(s: Semaphore): boolean {
    return !s.hasQueuedThreads() && s.tryAcquireNow(1);
  }

  /** The usable cached channel of a broker address, without entering the (generator) channel path. */
  private cachedChannel(addr: string | null): Channel | null {
    if (addr === null) return null;
    const cw = this.channelTables.get(addr);
    return cw && cw.isOK() ? cw.channel : null;
  }

  /** A timed, fair `tryAcquire` that could not be granted at once; the wait and its outcome are traced. */
  private *acquire(
    s: Semaphore,
    name: string,
    timeoutMillis: number,
    request: RemotingCommand,
  ): Sim<boolean> {
    const begin = this.ctx.kernel.now();
    const acquired = yield* s.tryAcquire(1, timeoutMillis);
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: acquired ? 'semaphore.acquire' : 'semaphore.timeout',
      code: C.semaphore,
      semaphore: name,
      msgId: this.msgIdOf(request) ?? undefined,
      acquired,
      waitedMs: this.ctx.kernel.now() - begin,
      available: s.availablePermits(),
      waiting: s.getQueueLength(),
      capacity:
        name === 'semaphoreOneway'
          ? this.options.clientOnewaySemaphoreValue
          : this.options.clientAsyncSemaphoreValue,
      thread: currentThreadName(),
    });
    return acquired;
  }

  // ---------------------------------------------------------------------------------------------------
  // The response table

  private register(
    kind: PendingKind,
    rf: ResponseFuture,
    channel: Channel,
    release: SemaphoreReleaseOnlyOnce | null,
    waiter: Future<RemotingCommand | null> | null,
    request: RemotingCommand,
  ): Pending {
    const pending: Pending = {
      kind,
      rf,
      channel,
      release,
      waiter,
      rpcId: this.ctx.nextRpcId(),
      msgId: this.msgIdOf(request),
      name: requestName(request.code, this.ctx.version),
      to: channel.server.node,
    };
    this.responseTable.set(request.opaque, pending);
    return pending;
  }

  private msgIdOf(request: RemotingCommand): string | null {
    const header = request.customHeader as { properties?: string } | null;
    return header === null ? null : uniqKeyOf(header.properties);
  }

  private packet(channel: Channel, request: RemotingCommand, rpcId: number): Packet {
    return {
      cmd: request,
      rpcId,
      name: requestName(request.code, this.ctx.version),
      msgId: this.msgIdOf(request),
      from: this.node,
      to: channel.server.node,
    };
  }

  private traceSend(packet: Packet, kind: PendingKind | 'oneway'): void {
    const code = packet.cmd.code;
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.send',
      code:
        code === RC.GET_ROUTEINFO_BY_TOPIC
          ? C.getRouteInfo
          : code === RC.HEART_BEAT
            ? C.sendHeartbeat
            : kind === 'async'
              ? C.invokeAsyncImpl
              : kind === 'oneway'
                ? C.invokeOnewayImpl
                : C.invokeSyncImpl,
      rpcId: packet.rpcId,
      from: packet.from,
      to: packet.to,
      requestCode: packet.cmd.code,
      name: packet.name,
      msgId: packet.msgId ?? undefined,
      oneway: kind === 'oneway' || undefined,
      thread: currentThreadName(),
    });
  }

  /** `channel.writeAndFlush(request)` and its listener: a write on a closed channel fails the request. */
  private write(channel: Channel, pending: Pending, request: RemotingCommand): void {
    const packet: Packet = {
      cmd: request,
      rpcId: pending.rpcId,
      name: pending.name,
      msgId: pending.msgId,
      from: this.node,
      to: pending.to,
    };
    this.traceSend(packet, pending.kind);
    if (!channel.active || !this.ctx.network.toServer(channel, packet)) {
      pending.rf.setSendRequestOK(false);
      this.requestFail(request.opaque);
    }
  }

  /** `processResponseCommand`, on a Netty worker thread. */
  processResponseCommand(packet: Packet): void {
    const cmd = packet.cmd;
    const pending = this.responseTable.get(cmd.opaque);
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.response',
      code: C.processResponse,
      rpcId: packet.rpcId,
      from: packet.from,
      to: packet.to,
      requestCode: pending?.rf.request?.code,
      responseCode: cmd.code,
      name: packet.name,
      msgId: packet.msgId ?? undefined,
      remark: cmd.remark ?? undefined,
      // "receive response, but not matched any request": the caller gave up already.
      matched: pending ? undefined : false,
    });
    if (!pending) return;
    pending.rf.setResponseCommand(cmd);
    this.responseTable.delete(cmd.opaque);
    if (pending.kind === 'sync4') {
      pending.rf.putResponse(cmd);
      pending.waiter!.complete(cmd);
      return;
    }
    this.executeInvokeCallback(pending);
  }

  /** `executeInvokeCallback`: on the callback executor, else (executor shut down) on the current thread. */
  private executeInvokeCallback(pending: Pending): void {
    if (pending.kind === 'async') {
      this.observer.asyncOutcome(pending.msgId, pending.rpcId, pending.rf.getResponseCommand(), pending.rf);
    }
    const task = new InvokeCallbackTask(
      pending.kind === 'async' ? pending.msgId : null,
      pending,
      this.observer,
      this.remoting5,
    );
    if (!this.callbackExecutor.isShutdown()) {
      this.callbackExecutor.submit(task);
      return;
    }
    this.ctx.kernel.spawn('callback', task.run(), { thread: 'NettyClientWorkerThread_1' });
  }

  /** `requestFail`: remove, mark not sent, complete with no answer, run the callback, release. */
  private requestFail(opaque: number): void {
    const pending = this.responseTable.get(opaque);
    if (!pending) return;
    this.responseTable.delete(opaque);
    pending.rf.setSendRequestOK(false);
    pending.rf.putResponse(null);
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.fail',
      code: C.failFast,
      rpcId: pending.rpcId,
      from: this.node,
      to: pending.to,
      name: pending.name,
      msgId: pending.msgId ?? undefined,
    });
    if (pending.kind === 'sync4') {
      pending.waiter!.complete(null);
      return;
    }
    this.executeInvokeCallback(pending);
  }

  /** `scanResponseTable`: entries past begin + timeout + 1000 ms are released, removed, then called back. */
  private scanResponseTable(): void {
    const now = this.ctx.kernel.now();
    const expired: Pending[] = [];
    for (const [opaque, pending] of this.responseTable) {
      const rf = pending.rf;
      if (pending.kind === 'sync4') continue;
      if (rf.getBeginTimestamp() + rf.getTimeoutMillis() + 1000 <= now) {
        pending.release?.release();
        this.responseTable.delete(opaque);
        expired.push(pending);
      }
    }
    for (const pending of expired) {
      this.traceTimeout(pending, 'scanResponseTable', pending.rf.getTimeoutMillis());
      this.executeInvokeCallback(pending);
    }
  }

  private traceTimeout(pending: Pending, by: string, timeoutMs: number): void {
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'rpc.timeout',
      code: by === 'scanResponseTable' ? C.scanResponseTable : C.invokeSyncImpl,
      rpcId: pending.rpcId,
      from: this.node,
      to: pending.to,
      name: pending.name,
      msgId: pending.msgId ?? undefined,
      by,
      timeoutMs,
      beginTimestamp: pending.rf.getBeginTimestamp(),
    });
  }

  /** `failFast`: every pending request of a channel the client closed fails at once. */
  private failFast(channel: Channel): void {
    const opaques: number[] = [];
    for (const [opaque, pending] of this.responseTable) if (pending.channel === channel) opaques.push(opaque);
    for (const opaque of opaques) this.requestFail(opaque);
  }

  // ---------------------------------------------------------------------------------------------------
  // Channels

  /** 4.x `getAndCreateChannel`: the cached channel if usable, else a connect waited for on this thread. */
  private *getAndCreateChannel(addr: string | null): Sim<Channel | null> {
    if (addr === null) return yield* this.getAndCreateNameserverChannel();
    const cw = this.channelTables.get(addr);
    if (cw && cw.isOK()) return cw.channel;
    return yield* this.createChannel(addr);
  }

  /** 4.x `createChannel`: join a connect in progress or start one, then wait up to `connectTimeoutMillis`. */
  private *createChannel(addr: string): Sim<Channel | null> {
    let cw = this.channelTables.get(addr);
    if (cw && cw.isOK()) return cw.channel;
    let createNew: boolean;
    if (cw) {
      if (!cw.future.isDone()) createNew = false;
      else {
        this.channelTables.delete(addr);
        createNew = true;
      }
    } else {
      createNew = true;
    }
    if (createNew) cw = this.connect(addr);
    const wrapper = cw!;
    const done = yield* wrapper.future.await(this.options.connectTimeoutMillis);
    if (done && wrapper.isOK()) return wrapper.channel;
    return null;
  }

  /** 4.x `getAndCreateNameserverChannel`: the chosen name server, else each address in turn. */
  private *getAndCreateNameserverChannel(): Sim<Channel | null> {
    const chosen = this.namesrvAddrChoosed;
    if (chosen !== null) {
      const cw = this.channelTables.get(chosen);
      if (cw && cw.isOK()) return cw.channel;
    }
    const list = this.namesrvAddrList;
    for (let i = 0; i < list.length; i++) {
      this.namesrvIndex = (this.namesrvIndex + 1) | 0;
      const index = Math.abs(this.namesrvIndex) % list.length;
      const newAddr = list[index]!;
      this.namesrvAddrChoosed = newAddr;
      const channel = yield* this.createChannel(newAddr);
      if (channel !== null) return channel;
    }
    // 4.5.2 returns null (connect to <null> failed); 4.9.8 names the list.
    if (this.profile.version === '4.9.8') {
      throw new RemotingConnectException(this.profile, `[${list.join(', ')}]`);
    }
    return null;
  }

  /** 5.3.3 `getAndCreateChannel`: the async path, then a wait without a limit of its own. */
  private *getAndCreateChannel5(addr: string | null): Sim<Channel | null> {
    const cw = this.getAndCreateChannelAsync(addr);
    if (cw === null) return null;
    yield* cw.future.await();
    return cw.channel;
  }

  /** 5.3.3 `getAndCreateChannelAsync` / `createChannelAsync`: never waits. */
  private getAndCreateChannelAsync(addr: string | null): ChannelWrapper | null {
    let target = addr;
    if (target === null) {
      const chosen = this.namesrvAddrChoosed;
      if (chosen !== null) {
        const cw = this.channelTables.get(chosen);
        if (cw && cw.isOK()) return cw;
      }
      const list = this.namesrvAddrList;
      if (list.length === 0) return null;
      this.namesrvIndex = (this.namesrvIndex + 1) | 0;
      target = list[Math.abs(this.namesrvIndex) % list.length]!;
      this.namesrvAddrChoosed = target;
    }
    const cw = this.channelTables.get(target);
    if (cw && (cw.isOK() || !cw.future.isDone())) return cw;
    if (cw) this.channelTables.delete(target);
    return this.connect(target);
  }

  /** Runs `listener` on the I/O thread once the connect future is done (at once, but later, if it is). */
  private onConnectDone(cw: ChannelWrapper, listener: () => Sim<void>): void {
    const kernel = this.ctx.kernel;
    cw.future.onDone(() => {
      kernel.spawn('NettyClientSelector_1', listener, { thread: 'NettyClientSelector_1' });
    });
  }

  private connect(addr: string): ChannelWrapper {
    const begin = this.ctx.kernel.now();
    const future = this.ctx.network.connect(this.node, addr, this.options.connectTimeoutMillis);
    const cw = new ChannelWrapper(future);
    this.channelTables.set(addr, cw);
    const server = this.ctx.network.serverAt(addr);
    const thread = currentThreadName();
    future.onDone((f) => {
      const outcome = f.value!;
      cw.channel = outcome.channel;
      if (outcome.channel) {
        const channel = outcome.channel;
        channel.onClientClose = (reason) => this.onPeerClose(addr, channel, reason);
      }
      this.ctx.trace.add({
        seq: 0,
        t: 0,
        kind: 'channel.connect',
        code: C.getAndCreateChannel,
        to: server?.node ?? addr,
        addr,
        ok: outcome.channel !== null,
        refused: outcome.refused,
        costMs: this.ctx.kernel.now() - begin,
        thread,
      });
    });
    return cw;
  }

  /**
   * The server's FIN or a reset reached the client. A reset surfaces as `exceptionCaught`, which closes the
   * channel (and so fails its requests) in every tag; a FIN closes it only in 5.3.3 (`channelInactive`).
   */
  private onPeerClose(addr: string, channel: Channel, reason: ClientCloseReason): void {
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'channel.inactive',
      code: C.closeChannel,
      to: channel.server.node,
      addr,
      reason,
    });
    if (this.remoting5 || reason === 'reset') this.closeChannel(addr, channel);
  }

  /** `closeChannel(addr, channel)`: out of the table, closed; the close handler fails its requests. */
  private closeChannel(addr: string | null, channel: Channel | null): void {
    if (channel === null) return;
    const key = addr ?? channel.addr;
    const cw = this.channelTables.get(key);
    if (cw && cw.channel === channel) this.channelTables.delete(key);
    if (channel.closedByClient) return;
    this.ctx.trace.add({
      seq: 0,
      t: 0,
      kind: 'channel.close',
      code: C.closeChannel,
      to: channel.server.node,
      addr: channel.addr,
    });
    this.ctx.network.closeFromClient(channel);
    this.failFast(channel);
  }

  /** In-flight requests (for the trace's end). */
  get pendingRequests(): number {
    return this.responseTable.size;
  }
}

type CallbackTask = InvokeCallbackTask;

/**
 * `SemaphoreReleaseOnlyOnce`: the permit holder of one request; several paths may release it (the
 * callback task, the response-table scan, a failed check), only the first does. A class, not a closure:
 * one is made per request.
 */
class SemaphoreReleaseOnlyOnce {
  private released = false;

  constructor(private readonly semaphore: Semaphore) {}

  release(): void {
    if (this.released) return;
    this.released = true;
    this.semaphore.release(1);
  }
}

/**
 * The task `executeInvokeCallback` hands to the callback executor (upstream's lambda around
 * `responseFuture.executeInvokeCallback()`), which then releases the permit. A class, not an object literal
 * with a generator method: one is made per answered request.
 */
class InvokeCallbackTask implements Runnable {
  constructor(
    /** The message, for the executor's trace events (async requests only). */
    readonly msgId: string | null,
    private readonly pending: Pending,
    private readonly observer: RemotingObserver,
    private readonly remoting5: boolean,
  ) {}

  *run(): Sim<void> {
    const rest = this.runNow();
    if (rest !== null) yield* rest;
  }

  /** `run` as plain calls; a callback that has to wait is returned with the release after it. */
  runNow(): Sim<void> | null {
    const pending = this.pending;
    this.observer.enterMessage(currentThreadName(), pending.msgId);
    let rest: Sim<void> | null = null;
    try {
      rest = pending.rf.executeInvokeCallbackNow(this.remoting5);
    } finally {
      // Released here when the callback is over (or threw); else once its rest is.
      if (rest === null) pending.release?.release();
    }
    return rest === null ? null : releaseAfter(rest, pending.release);
  }

  toString(): string {
    return 'NettyRemotingAbstract$InvokeCallbackTask';
  }
}

/** The rest of a callback that had to wait, then the permit's release (also when it throws). */
function* releaseAfter(rest: Sim<void>, release: SemaphoreReleaseOnlyOnce | null): Sim<void> {
  try {
    yield* rest;
  } finally {
    release?.release();
  }
}
