import type { Clock } from '../common/Clock';
import {
  RemotingException,
  RemotingSendRequestException,
  RemotingTimeoutException,
} from '../client/exceptions';
import type { Sim } from '../kernel/Kernel';
import type { RemotingCommand } from './RemotingCommand';

/**
 * `InvokeCallback`, the completion of an async request. 4.x has only `operationComplete(ResponseFuture)`;
 * 5.x adds `operationSucceed(response)` and `operationFail(throwable)`, which `MQClientAPIImpl` uses
 * instead. Each method is a simulated process step: a re-send inside it may block (connect, semaphore).
 */
export interface InvokeCallback {
  operationComplete(responseFuture: ResponseFuture): Sim<void>;
  operationSucceed?(response: RemotingCommand): Sim<void>;
  operationFail?(throwable: unknown): Sim<void>;
  /**
   * Optional plain-call forms of the three methods above: each does what its generator does up to the first
   * step that may need virtual time (a re-send) and returns that rest as a process step, or null when it is
   * over. Almost every callback ends without waiting; these spare it a generator per method.
   */
  operationCompleteNow?(responseFuture: ResponseFuture): Sim<void> | null;
  operationSucceedNow?(response: RemotingCommand): Sim<void> | null;
  operationFailNow?(throwable: unknown): Sim<void> | null;
}

/** `operationComplete`, in its plain form when the callback has one. */
function operationComplete(callback: InvokeCallback, rf: ResponseFuture): Sim<void> | null {
  return callback.operationCompleteNow !== undefined
    ? callback.operationCompleteNow(rf)
    : callback.operationComplete(rf);
}

/** 5.x: after `operationComplete`, `operationSucceed(response)` or `operationFail(failure)`, if defined. */
function operationOutcome(
  callback: InvokeCallback,
  response: RemotingCommand | null,
  failure: unknown,
): Sim<void> | null {
  if (response !== null) {
    if (callback.operationSucceedNow !== undefined) return callback.operationSucceedNow(response);
    return callback.operationSucceed ? callback.operationSucceed(response) : null;
  }
  if (callback.operationFailNow !== undefined) return callback.operationFailNow(failure);
  return callback.operationFail ? callback.operationFail(failure) : null;
}

/** 5.x: an `operationComplete` that has to wait, then the outcome method. */
function* completeThenOutcome(
  callback: InvokeCallback,
  complete: Sim<void>,
  response: RemotingCommand | null,
  failure: unknown,
): Sim<void> {
  yield* complete;
  const rest = operationOutcome(callback, response, failure);
  if (rest !== null) yield* rest;
}

/**
 * `org.apache.rocketmq.remoting.netty.ResponseFuture`: a pending request in the client's response table.
 * `beginTimestamp` is read from the clock when it is created; `isTimeout()` is strict (elapsed > timeout).
 */
export class ResponseFuture {
  readonly beginTimestamp: number;
  private responseCommand: RemotingCommand | null = null;
  private sendRequestOK = true;
  private cause: unknown = null;
  private executeCallbackOnlyOnce = false;

  constructor(
    private readonly clock: Clock,
    /** `channel.remoteAddress().toString()`, e.g. "/127.0.0.1:10911" (5.x failure texts use it). */
    readonly channelRemoteAddress: string,
    readonly opaque: number,
    readonly request: RemotingCommand | null,
    readonly timeoutMillis: number,
    readonly invokeCallback: InvokeCallback | null,
  ) {
    this.beginTimestamp = clock.now();
  }

  isTimeout(): boolean {
    const diff = this.clock.now() - this.beginTimestamp;
    return diff > this.timeoutMillis;
  }

  getBeginTimestamp(): number {
    return this.beginTimestamp;
  }

  getTimeoutMillis(): number {
    return this.timeoutMillis;
  }

  getResponseCommand(): RemotingCommand | null {
    return this.responseCommand;
  }

  setResponseCommand(response: RemotingCommand | null): void {
    this.responseCommand = response;
  }

  /** `putResponse`: the response (or null on a failed write / scan expiry). */
  putResponse(response: RemotingCommand | null): void {
    this.responseCommand = response;
  }

  isSendRequestOK(): boolean {
    return this.sendRequestOK;
  }

  setSendRequestOK(ok: boolean): void {
    this.sendRequestOK = ok;
  }

  getCause(): unknown {
    return this.cause;
  }

  setCause(cause: unknown): void {
    this.cause = cause;
  }

  getRequestCommand(): RemotingCommand | null {
    return this.request;
  }

  /**
   * Runs the callback at most once.
   *
   * 4.x (`ResponseFuture.executeInvokeCallback`): `operationComplete(this)`; the caller inspects the
   * response, `isSendRequestOK()` and `isTimeout()` itself.
   *
   * 5.x: what the chain `ResponseFuture.executeInvokeCallback` -> `invoke0`'s internal callback ->
   * `CompletableFuture` -> `invokeAsyncImpl`'s `whenComplete`/`thenAccept`/`exceptionally` delivers to the
   * caller's callback: `operationComplete` first, then `operationSucceed(response)`, or `operationFail` with
   * `RemotingSendRequestException(remoteAddress)` (write failed), `RemotingTimeoutException(remoteAddress,
   * timeout)` (expired past its timeout) or `RemotingException(request.toString())` (neither).
   */
  *executeInvokeCallback(remoting5: boolean): Sim<void> {
    const rest = this.executeInvokeCallbackNow(remoting5);
    if (rest !== null) yield* rest;
  }

  /**
   * `executeInvokeCallback` as plain calls up to the first callback step that may wait, which is returned
   * (null: the callback is over). The callback executor's task uses it; see `InvokeCallback`.
   */
  executeInvokeCallbackNow(remoting5: boolean): Sim<void> | null {
    const callback = this.invokeCallback;
    if (callback === null || this.executeCallbackOnlyOnce) return null;
    this.executeCallbackOnlyOnce = true;
    if (!remoting5) return operationComplete(callback, this);
    const response = this.responseCommand;
    let failure: unknown = null;
    if (response === null) {
      if (!this.sendRequestOK) {
        failure = new RemotingSendRequestException(this.channelRemoteAddress, this.cause);
      } else if (this.isTimeout()) {
        failure = RemotingTimeoutException.ofChannel(
          this.channelRemoteAddress,
          this.timeoutMillis,
          this.cause,
        );
      } else {
        failure = new RemotingException(String(this.request), this.cause);
      }
    }
    const complete = operationComplete(callback, this);
    if (complete !== null) return completeThenOutcome(callback, complete, response, failure);
    return operationOutcome(callback, response, failure);
  }
}
