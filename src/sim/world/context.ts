import type { Latency, ResolvedScenario } from '../../scenario/defaults';
import type { RandomSource } from '../kernel/random';
import type { Network } from '../remoting/Network';
import type { TraceSink } from '../trace/TraceSink';
import type { VersionId } from '../versions/VersionId';
import { Sampler } from './Latency';
import type { WorldKernel } from './WorldKernel';

/** What every part of a world simulation shares. */
export class WorldContext {
  private rpcSeq = 0;

  constructor(
    readonly kernel: WorldKernel,
    readonly trace: TraceSink,
    readonly random: RandomSource,
    readonly network: Network,
    readonly scenario: ResolvedScenario,
  ) {}

  get version(): VersionId {
    return this.scenario.rocketmqVersion;
  }

  nextRpcId(): number {
    return ++this.rpcSeq;
  }

  /** A sampler on its own named stream (so one part's draws never shift another's). */
  sampler(dist: Latency, stream: string): Sampler {
    return new Sampler(dist, this.random.stream(stream));
  }
}
