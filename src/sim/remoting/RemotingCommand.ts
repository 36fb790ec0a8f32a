/**
 * `org.apache.rocketmq.remoting.protocol.RemotingCommand`: one request or response on the wire.
 * The simulation keeps the custom header as an object (no encoding) and the body as bytes or, for
 * name-server replies, the decoded object.
 */
export type LanguageCode = 'JAVA';
export type SerializeType = 'JSON' | 'ROCKETMQ';

/** The JVM-wide request id counter (`RemotingCommand.requestId`), one per simulated JVM. */
export class RequestIdSequence {
  private next = 0;

  /** `RemotingCommand.createNewRequestId()`: `requestId.getAndIncrement()`. */
  createNewRequestId(): number {
    return this.next++;
  }
}

const RPC_TYPE = 0; // bit 0: 0 = request, 1 = response
const RPC_ONEWAY = 1; // bit 1

export class RemotingCommand {
  code: number;
  language: LanguageCode = 'JAVA';
  version: number;
  opaque: number;
  flag = 0;
  remark: string | null = null;
  extFields: Map<string, string> | null = null;
  customHeader: unknown = null;
  body: unknown = null;
  serializeTypeCurrentRPC: SerializeType = 'JSON';

  private constructor(code: number, version: number, opaque: number) {
    this.code = code;
    this.version = version;
    this.opaque = opaque;
  }

  /** `createRequestCommand(code, customHeader)`: takes a fresh opaque from the JVM's sequence. */
  static createRequestCommand(
    code: number,
    customHeader: unknown,
    version: number,
    ids: RequestIdSequence,
  ): RemotingCommand {
    const cmd = new RemotingCommand(code, version, ids.createNewRequestId());
    cmd.customHeader = customHeader;
    return cmd;
  }

  /** `createResponseCommand(code, remark)`: the response's opaque is set to the request's by the server. */
  static createResponseCommand(
    code: number,
    remark: string | null,
    customHeader: unknown = null,
  ): RemotingCommand {
    const cmd = new RemotingCommand(code, 0, 0);
    cmd.markResponseType();
    cmd.remark = remark;
    cmd.customHeader = customHeader;
    return cmd;
  }

  getCode(): number {
    return this.code;
  }

  getRemark(): string | null {
    return this.remark;
  }

  getOpaque(): number {
    return this.opaque;
  }

  setOpaque(opaque: number): void {
    this.opaque = opaque;
  }

  setBody(body: unknown): void {
    this.body = body;
  }

  getBody(): unknown {
    return this.body;
  }

  /** `decodeCommandCustomHeader(Class)`: the header object as sent. */
  decodeCommandCustomHeader<T>(): T {
    return this.customHeader as T;
  }

  getExtFields(): Map<string, string> | null {
    return this.extFields;
  }

  markResponseType(): void {
    this.flag |= 1 << RPC_TYPE;
  }

  isResponseType(): boolean {
    return (this.flag & (1 << RPC_TYPE)) !== 0;
  }

  markOnewayRPC(): void {
    this.flag |= 1 << RPC_ONEWAY;
  }

  isOnewayRPC(): boolean {
    return (this.flag & (1 << RPC_ONEWAY)) !== 0;
  }

  /** Java's `toString()`: 5.x puts this text into the "unknown reason" `RemotingException`. */
  toString(): string {
    const ext =
      this.extFields === null ? 'null' : `{${[...this.extFields].map(([k, v]) => `${k}=${v}`).join(', ')}}`;
    return (
      `RemotingCommand [code=${this.code}, language=${this.language}, version=${this.version}, ` +
      `opaque=${this.opaque}, flag(B)=${(this.flag >>> 0).toString(2)}, remark=${String(this.remark)}, ` +
      `extFields=${ext}, serializeTypeCurrentRPC=${this.serializeTypeCurrentRPC}]`
    );
  }
}
