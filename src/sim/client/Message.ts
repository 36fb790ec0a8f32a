/**
 * `org.apache.rocketmq.common.message.Message`: topic, flag, properties and body. The body is bytes;
 * the simulation only needs its length (validation, compression threshold, back-pressure permits).
 */
export const MessageConst = {
  PROPERTY_KEYS: 'KEYS',
  PROPERTY_TAGS: 'TAGS',
  PROPERTY_WAIT_STORE_MSG_OK: 'WAIT',
  PROPERTY_DELAY_TIME_LEVEL: 'DELAY',
  PROPERTY_TRANSACTION_PREPARED: 'TRAN_MSG',
  PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX: 'UNIQ_KEY',
  PROPERTY_MESSAGE_TYPE: 'MSG_TYPE',
  PROPERTY_INNER_MULTI_DISPATCH: 'INNER_MULTI_DISPATCH',
  KEY_SEPARATOR: ' ',
} as const;

const UTF8 = new TextEncoder();

export class Message {
  private topic: string;
  private flag = 0;
  private readonly properties = new Map<string, string>();
  private body: Uint8Array | null;
  private transactionId: string | null = null;

  /** `new Message(topic, tags, body)`; pass `null` tags for `new Message(topic, body)`. */
  constructor(topic: string, tags: string | null, body: Uint8Array | null, keys?: string) {
    this.topic = topic;
    this.body = body;
    if (tags !== null && tags.length > 0) this.properties.set(MessageConst.PROPERTY_TAGS, tags);
    if (keys !== undefined && keys.length > 0) this.properties.set(MessageConst.PROPERTY_KEYS, keys);
    // Upstream's constructor sets WAIT=true (waitStoreMsgOK).
    this.properties.set(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, 'true');
  }

  /** A message whose body is the UTF-8 bytes of `text` ("hello".getBytes()). */
  static ofText(topic: string, tags: string | null, text: string): Message {
    return new Message(topic, tags, UTF8.encode(text));
  }

  getTopic(): string {
    return this.topic;
  }

  setTopic(topic: string): void {
    this.topic = topic;
  }

  getTags(): string | null {
    return this.properties.get(MessageConst.PROPERTY_TAGS) ?? null;
  }

  getKeys(): string | null {
    return this.properties.get(MessageConst.PROPERTY_KEYS) ?? null;
  }

  getFlag(): number {
    return this.flag;
  }

  setFlag(flag: number): void {
    this.flag = flag;
  }

  getBody(): Uint8Array | null {
    return this.body;
  }

  setBody(body: Uint8Array | null): void {
    this.body = body;
  }

  getProperty(name: string): string | null {
    return this.properties.get(name) ?? null;
  }

  putProperty(name: string, value: string): void {
    this.properties.set(name, value);
  }

  clearProperty(name: string): void {
    this.properties.delete(name);
  }

  getProperties(): ReadonlyMap<string, string> {
    return this.properties;
  }

  getTransactionId(): string | null {
    return this.transactionId;
  }

  setTransactionId(id: string | null): void {
    this.transactionId = id;
  }

  /** `MessageAccessor.cloneMessage`: a shallow copy (same body array, copied properties). */
  cloneMessage(): Message {
    const m = new Message(this.topic, null, this.body);
    m.properties.clear();
    for (const [k, v] of this.properties) m.properties.set(k, v);
    m.flag = this.flag;
    m.transactionId = this.transactionId;
    return m;
  }
}
