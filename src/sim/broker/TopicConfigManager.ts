import { PermName } from '../client/PermName';
import type { DataVersion, TopicConfig } from '../namesrv/RouteInfoManager';
import type { VersionId } from '../versions/VersionId';

/** `TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC` (4.9.8+) / `MixAll.AUTO_CREATE_TOPIC_KEY_TOPIC` (4.5.2). */
export const TBW102 = 'TBW102';

/** `TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET` (4.9.8+): system topics a producer may not write. */
export const NOT_ALLOWED_SEND_TOPICS: ReadonlySet<string> = new Set([
  'SCHEDULE_TOPIC_XXXX',
  'RMQ_SYS_TRANS_HALF_TOPIC',
  'RMQ_SYS_TRANS_OP_HALF_TOPIC',
  'TRANS_CHECK_MAX_TIME_TOPIC',
  'SELF_TEST_TOPIC',
  'OFFSET_MOVED_EVENT',
]);

/** `TopicConfig.toString()`, as the queue-id remark prints it (5.3.3 adds the attributes). */
export function topicConfigText(tc: TopicConfig, version: VersionId): string {
  const attributes = version === '5.3.3' ? ', attributes={}' : '';
  return (
    `TopicConfig [topicName=${tc.topicName}, readQueueNums=${tc.readQueueNums}, ` +
    `writeQueueNums=${tc.writeQueueNums}, perm=${PermName.perm2String(tc.perm)}, ` +
    `topicFilterType=SINGLE_TAG, topicSysFlag=${tc.topicSysFlag}, order=${tc.order}${attributes}]`
  );
}

export type CreateOutcome =
  | { ok: true; config: TopicConfig; created: boolean }
  | { ok: false; reason: 'noDefaultTopic' | 'noInheritPerm' };

/**
 * `org.apache.rocketmq.broker.topic.TopicConfigManager`: the broker's topic table (kept across restarts, as
 * upstream persists `topics.json`), TBW102, auto-creation in the send path and the data version that
 * decides whether the name server re-reads the table.
 */
export class TopicConfigManager {
  private readonly table = new Map<string, TopicConfig>();
  readonly dataVersion: DataVersion;

  constructor(
    private readonly autoCreateTopicEnable: boolean,
    defaultTopicQueueNums: number,
    startTime: number,
  ) {
    this.dataVersion = { timestamp: startTime, counter: 0 };
    // TBW102 exists only while auto-creation is on: read = write = defaultTopicQueueNums, perm RWX.
    if (autoCreateTopicEnable) {
      this.table.set(TBW102, {
        topicName: TBW102,
        readQueueNums: defaultTopicQueueNums,
        writeQueueNums: defaultTopicQueueNums,
        perm: PermName.PERM_INHERIT | PermName.PERM_READ | PermName.PERM_WRITE,
        topicSysFlag: 0,
        order: false,
      });
    }
  }

  /** A topic created before the run (mqadmin updateTopic). */
  put(config: TopicConfig): void {
    this.table.set(config.topicName, config);
  }

  selectTopicConfig(topic: string): TopicConfig | undefined {
    return this.table.get(topic);
  }

  isOrderTopic(topic: string): boolean {
    return this.table.get(topic)?.order ?? false;
  }

  all(): TopicConfig[] {
    return [...this.table.values()];
  }

  /** `DataVersion.nextVersion()`. */
  nextVersion(now: number): void {
    this.dataVersion.timestamp = now;
    this.dataVersion.counter++;
  }

  /**
   * `createTopicInSendMessageMethod` (server spec 3.2 step 4): copy the default topic if it has PERM_INHERIT;
   * read = write = min(the request's defaultTopicQueueNums, the default topic's writeQueueNums); perm without
   * INHERIT. The topic-table lock is never contended in the simulation (one append at a time per table).
   */
  createTopicInSendMessageMethod(
    topic: string,
    defaultTopic: string,
    clientDefaultTopicQueueNums: number,
    topicSysFlag: number,
    now: number,
  ): CreateOutcome {
    const existing = this.table.get(topic);
    if (existing) return { ok: true, config: existing, created: false };
    const defaultConfig = this.table.get(defaultTopic);
    if (!defaultConfig) return { ok: false, reason: 'noDefaultTopic' };
    let perm = defaultConfig.perm;
    if (defaultTopic === TBW102 && !this.autoCreateTopicEnable) {
      perm = PermName.PERM_READ | PermName.PERM_WRITE;
      defaultConfig.perm = perm;
    }
    if (!PermName.isInherited(perm)) return { ok: false, reason: 'noInheritPerm' };
    const queueNums = Math.max(0, Math.min(clientDefaultTopicQueueNums, defaultConfig.writeQueueNums));
    const config: TopicConfig = {
      topicName: topic,
      readQueueNums: queueNums,
      writeQueueNums: queueNums,
      perm: perm & ~PermName.PERM_INHERIT,
      topicSysFlag,
      order: false,
    };
    this.table.set(topic, config);
    this.nextVersion(now);
    return { ok: true, config, created: true };
  }
}
