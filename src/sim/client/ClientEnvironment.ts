import type { IntRandom } from '../common/IntRandom';
import { hexUpper16, hexUpper32 } from '../common/javaInt';
import type { Kernel } from '../kernel/Kernel';
import type { RemotingClient } from '../remoting/RemotingClient';
import { RequestIdSequence } from '../remoting/RemotingCommand';
import type { VersionId } from '../versions/VersionId';
import type { MQClientAPIImpl } from './MQClientAPIImpl';
import type { MQClientInstance } from './MQClientInstance';
import { MQClientManager } from './MQClientInstance';
import { sendLoopProfile, type SendLoopProfile } from './SendLoopProfile';

/**
 * One simulated client JVM: what upstream takes from the process (clock, thread pools, `Random`s, the PID,
 * JVM-wide counters and singletons such as `MQClientManager`). Producers created with the same environment
 * share them, as producers in one JVM do.
 */
export interface ClientEnvironmentOptions {
  kernel: Kernel;
  version: VersionId;
  /** Named random streams (upstream: one `new Random()` per object); e.g. `RandomSource.stream`. */
  randomStream: (name: string) => IntRandom;
  /** Builds the `NettyRemotingClient` of a new `MQClientInstance` (the simulated network plugs in here). */
  createRemotingClient: (instance: MQClientInstance) => RemotingClient;
  /**
   * Optional replacement of the instance's `MQClientAPIImpl` (5.x upstream has an `ObjectCreator` hook for
   * this; the conformance harness uses it to script name-server lookups and the 8-argument `sendMessage`).
   */
  createMQClientAPIImpl?: (instance: MQClientInstance, remotingClient: RemotingClient) => MQClientAPIImpl;
  /** `Runtime.availableProcessors()`: the async sender pool size (default 4). */
  availableProcessors?: number;
  /** `RemotingUtil.getLocalAddress()` (default 127.0.0.1). */
  clientIP?: string;
  /** `UtilAll.getPid()` (default 4242). */
  pid?: number;
}

export class ClientEnvironment {
  readonly kernel: Kernel;
  readonly profile: SendLoopProfile;
  readonly requestIds = new RequestIdSequence();
  readonly clientManager = new MQClientManager();
  readonly availableProcessors: number;
  readonly clientIP: string;
  readonly pid: number;
  private nanoTicks = 0;
  private uniqCounter = 0;
  private uniqPrefix: string | null = null;

  constructor(readonly options: ClientEnvironmentOptions) {
    this.kernel = options.kernel;
    this.profile = sendLoopProfile(options.version);
    this.availableProcessors = options.availableProcessors ?? 4;
    this.clientIP = options.clientIP ?? '127.0.0.1';
    this.pid = options.pid ?? 4242;
  }

  get version(): VersionId {
    return this.profile.version;
  }

  randomStream(name: string): IntRandom {
    return this.options.randomStream(name);
  }

  /** `System.nanoTime()` for `changeInstanceNameToPID` (4.9.x+): strictly increasing, deterministic. */
  nanoTime(): number {
    return this.kernel.now() * 1_000_000 + ++this.nanoTicks;
  }

  /**
   * `MessageClientIDSetter.createUniqID()`: 32 hex digits, IP + PID + class-loader hash, then the time
   * since the start of the month and a counter. The virtual clock stands in for the month offset.
   */
  createUniqID(): string {
    // IP, PID and loader hash never change: their 16 hex digits are built once (one id per send).
    const prefix = (this.uniqPrefix ??= this.uniqIdPrefix());
    // The same digits as `(x >>> 0).toString(16).padStart(8, '0')` and `(c & 0xffff)...padStart(4, '0')`,
    // upper case already (as the whole id is).
    const time = hexUpper32(Math.floor(this.kernel.now()));
    const counter = hexUpper16(this.uniqCounter++);
    return `${prefix}${time}${counter}`.toUpperCase();
  }

  private uniqIdPrefix(): string {
    const ip = this.clientIP
      .split('.')
      .map((p) => (Number(p) & 0xff).toString(16).padStart(2, '0'))
      .join('');
    const pid = (this.pid & 0xffff).toString(16).padStart(4, '0');
    const loader = '1b6d3586';
    return `${ip}${pid}${loader}`.toUpperCase();
  }
}
