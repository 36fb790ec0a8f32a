import { attachDefaultURL } from './FAQUrl';
import { ClientErrorCode } from './ClientErrorCode';

/**
 * The Java exceptions of the send path, as TypeScript classes with the same simple names, the same
 * hierarchy (so `instanceof RemotingException` catches what Java's `catch (RemotingException e)` does)
 * and the exact `getMessage()` text each constructor builds in each tag.
 *
 * Version-dependent texts take the version's facts as the first argument: `{ faqUrl }` for the
 * `MQClientException`/`MQBrokerException` constructors (they append the FAQ line through
 * `FAQUrl.attachDefaultURL`), `{ connectTextBrackets }` for `RemotingConnectException`.
 */
export interface FaqFacts {
  readonly faqUrl: string;
}

export class JavaThrowable extends Error {
  /** Java's simple class name (`getClass().getSimpleName()`). */
  readonly javaClass: string;
  /** `getMessage()`: may be null in Java. */
  readonly javaMessage: string | null;
  /** `getCause()`. */
  override readonly cause: unknown;

  constructor(javaClass: string, message: string | null, cause: unknown = null) {
    super(message ?? '');
    this.name = javaClass;
    this.javaClass = javaClass;
    this.javaMessage = message;
    this.cause = cause ?? null;
  }

  getMessage(): string | null {
    return this.javaMessage;
  }

  getCause(): unknown {
    return this.cause;
  }

  /** The package-qualified class name, for `Throwable.toString()`. */
  get qualifiedName(): string {
    return `${JAVA_PACKAGES[this.javaClass] ?? 'java.lang'}.${this.javaClass}`;
  }

  /** Java `Throwable.toString()`: "<qualified name>: <message>" or just the name. */
  override toString(): string {
    return this.javaMessage === null ? this.qualifiedName : `${this.qualifiedName}: ${this.javaMessage}`;
  }
}

const JAVA_PACKAGES: Record<string, string> = {
  MQClientException: 'org.apache.rocketmq.client.exception',
  MQBrokerException: 'org.apache.rocketmq.client.exception',
  RemotingException: 'org.apache.rocketmq.remoting.exception',
  RemotingConnectException: 'org.apache.rocketmq.remoting.exception',
  RemotingTimeoutException: 'org.apache.rocketmq.remoting.exception',
  RemotingSendRequestException: 'org.apache.rocketmq.remoting.exception',
  RemotingTooMuchRequestException: 'org.apache.rocketmq.remoting.exception',
  RejectedExecutionException: 'java.util.concurrent',
};

/** Checked exceptions (`java.lang.Exception`). */
export class JavaException extends JavaThrowable {}

/** Unchecked exceptions: `sendDefaultImpl` has no catch for them, so they end the send at once. */
export class RuntimeException extends JavaException {}

export class IllegalStateException extends RuntimeException {
  constructor(message: string | null, cause: unknown = null) {
    super('IllegalStateException', message, cause);
  }

  /** `new IllegalStateException(cause)`: the message is `cause.toString()`. */
  static ofCause(cause: JavaThrowable): IllegalStateException {
    return new IllegalStateException(cause.toString(), cause);
  }
}

export class IllegalArgumentException extends RuntimeException {
  constructor(message: string | null, cause: unknown = null) {
    super('IllegalArgumentException', message, cause);
  }
}

export class NullPointerException extends RuntimeException {
  constructor(message: string | null = null) {
    super('NullPointerException', message);
  }
}

export class RejectedExecutionException extends RuntimeException {
  constructor(message: string | null, cause: unknown = null) {
    super('RejectedExecutionException', message, cause);
  }
}

export class InterruptedException extends JavaException {
  constructor(message: string | null = null) {
    super('InterruptedException', message);
  }
}

/** `MQClientException`: client-side failures; `responseCode` is -1 unless set. */
export class MQClientException extends JavaException {
  responseCode: number;
  /** The text before the FAQ line was attached (`getErrorMessage()`). */
  readonly errorMessage: string | null;

  /** `new MQClientException(errorMessage, cause)`. */
  constructor(facts: FaqFacts, errorMessage: string | null, cause: unknown = null) {
    super('MQClientException', attachDefaultURL(errorMessage, facts.faqUrl), cause);
    this.responseCode = -1;
    this.errorMessage = errorMessage;
  }

  /** `new MQClientException(responseCode, errorMessage)`: "CODE: <c>  DESC: <text>" + FAQ line. */
  static withCode(facts: FaqFacts, responseCode: number, errorMessage: string | null): MQClientException {
    const e = new MQClientException(facts, `CODE: ${responseCode}  DESC: ${String(errorMessage)}`);
    e.responseCode = responseCode;
    (e as { errorMessage: string | null }).errorMessage = errorMessage;
    return e;
  }

  getResponseCode(): number {
    return this.responseCode;
  }

  /** Java returns `this`, so callers can chain it onto the constructor. */
  setResponseCode(responseCode: number): this {
    this.responseCode = responseCode;
    return this;
  }
}

/** `MQBrokerException`: the broker answered with a code `processSendResponse` does not map. */
export class MQBrokerException extends JavaException {
  readonly responseCode: number;
  readonly errorMessage: string | null;
  readonly brokerAddr: string | null;

  /**
   * `new MQBrokerException(code, errorMessage)` when `brokerAddr` is undefined (the only form in 4.5.2);
   * `new MQBrokerException(code, errorMessage, brokerAddr)` otherwise (4.9.8+), which appends
   * " BROKER: <addr>" when the address is non-null.
   */
  constructor(
    facts: FaqFacts,
    responseCode: number,
    errorMessage: string | null,
    brokerAddr?: string | null,
  ) {
    const addrPart = brokerAddr !== undefined && brokerAddr !== null ? ` BROKER: ${brokerAddr}` : '';
    super(
      'MQBrokerException',
      attachDefaultURL(`CODE: ${responseCode}  DESC: ${String(errorMessage)}${addrPart}`, facts.faqUrl),
    );
    this.responseCode = responseCode;
    this.errorMessage = errorMessage;
    this.brokerAddr = brokerAddr ?? null;
  }

  getResponseCode(): number {
    return this.responseCode;
  }
}

export class RemotingException extends JavaException {
  constructor(message: string | null, cause: unknown = null, javaClass = 'RemotingException') {
    super(javaClass, message, cause);
  }
}

export class RemotingConnectException extends RemotingException {
  /** "connect to <addr> failed" with literal angle brackets in 4.5.2, "connect to addr failed" from 4.9.x. */
  constructor(facts: { readonly connectTextBrackets: boolean }, addr: string | null, cause: unknown = null) {
    const a = String(addr);
    super(
      facts.connectTextBrackets ? `connect to <${a}> failed` : `connect to ${a} failed`,
      cause,
      'RemotingConnectException',
    );
  }
}

export class RemotingTimeoutException extends RemotingException {
  constructor(message: string | null, cause: unknown = null) {
    super(message, cause, 'RemotingTimeoutException');
  }

  /** `new RemotingTimeoutException(addr, timeoutMillis[, cause])`. */
  static ofChannel(addr: string, timeoutMillis: number, cause: unknown = null): RemotingTimeoutException {
    return new RemotingTimeoutException(
      `wait response on the channel <${addr}> timeout, ${timeoutMillis}(ms)`,
      cause,
    );
  }
}

export class RemotingSendRequestException extends RemotingException {
  /** "send request to <addr> failed" (literal angle brackets in every tag). */
  constructor(addr: string | null, cause: unknown = null) {
    super(`send request to <${String(addr)}> failed`, cause, 'RemotingSendRequestException');
  }
}

export class RemotingTooMuchRequestException extends RemotingException {
  constructor(message: string | null) {
    super(message, null, 'RemotingTooMuchRequestException');
  }
}

/**
 * The response code `sendDefaultImpl` puts on its final "Send [n] times" exception, from the last
 * attempt's exception (the same chain of `instanceof` tests in every tag).
 */
export function responseCodeForLastException(exception: unknown): number | undefined {
  if (exception instanceof MQBrokerException) return exception.getResponseCode();
  if (exception instanceof RemotingConnectException) return ClientErrorCode.CONNECT_BROKER_EXCEPTION;
  if (exception instanceof RemotingTimeoutException) return ClientErrorCode.ACCESS_BROKER_TIMEOUT;
  if (exception instanceof MQClientException) return ClientErrorCode.BROKER_NOT_EXIST_EXCEPTION;
  return undefined;
}
