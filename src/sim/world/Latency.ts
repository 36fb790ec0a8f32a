import { latencyQuantile, type Latency } from '../../scenario/defaults';
import type { RandomStream } from '../kernel/random';
import { quantize } from './WorldKernel';

/**
 * Draws a latency from a scenario distribution with a seeded stream, on the kernel's time grid. A fixed
 * distribution draws nothing, so adding a fixed latency somewhere never shifts another stream.
 */
export function drawLatency(dist: Latency, stream: RandomStream): number {
  if (dist.kind === 'fixed') return quantize(dist.ms);
  return quantize(latencyQuantile(dist, stream.nextDouble()));
}

/** A distribution together with its stream; `fixedMs` short-cuts the common fixed case. */
export class Sampler {
  private readonly fixedMs: number;

  constructor(
    readonly dist: Latency,
    private readonly stream: RandomStream,
  ) {
    this.fixedMs = dist.kind === 'fixed' ? quantize(dist.ms) : -1;
  }

  next(): number {
    return this.fixedMs >= 0 ? this.fixedMs : quantize(latencyQuantile(this.dist, this.stream.nextDouble()));
  }
}
