import type { Sim } from '../kernel/Kernel';
import type { RemotingCommand } from './RemotingCommand';
import type { InvokeCallback } from './ResponseFuture';

export type { InvokeCallback } from './ResponseFuture';

/**
 * `org.apache.rocketmq.remoting.RemotingClient` as the producer sees it. Every call is a simulated
 * process step (a generator): it may spend virtual time (connect, semaphore wait, the wait for a reply)
 * and may throw the remoting exceptions of `../client/exceptions`.
 *
 * Implementations: the simulated network of the world simulation (`NettyRemotingClient`-like, per
 * version) and the conformance harness's scripted client. `addr === null` means "the name server".
 */
export interface RemotingClient {
  /**
   * Sends and waits up to `timeoutMillis` for the reply. Throws `RemotingConnectException`,
   * `RemotingSendRequestException`, `RemotingTimeoutException`, `InterruptedException`.
   */
  invokeSync(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<RemotingCommand>;

  /**
   * Registers `invokeCallback` and returns once the request is handed to the channel. The callback later
   * runs on a callback thread (a separate simulated process), once. May throw synchronously (4.x: connect,
   * "invokeAsync call timeout", semaphore; 5.x reports most of these through `operationFail`).
   */
  invokeAsync(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): Sim<void>;

  /**
   * Optional fast path of `invokeAsync` for the common cases that need no virtual time (4.x: a usable
   * cached channel and a free permit, or a negative budget, which fails at once; 5.3.3: a connect future in
   * the channel table): does exactly what `invokeAsync` would, throwing what it would throw, and returns
   * true; or does nothing at all and returns false (then the caller runs `invokeAsync`). It spares the hot
   * async send path two generators per request.
   */
  invokeAsyncNow?(
    addr: string | null,
    request: RemotingCommand,
    timeoutMillis: number,
    invokeCallback: InvokeCallback,
  ): boolean;

  /** Writes without waiting for any reply. */
  invokeOneway(addr: string | null, request: RemotingCommand, timeoutMillis: number): Sim<void>;

  getNameServerAddressList(): readonly string[];

  updateNameServerAddressList(addrs: readonly string[]): void;

  start(): void;

  shutdown(): void;
}
