/** A network with one server and fixed latencies, for the network tests. Not a test file itself. */
import type { Latency } from '../../../../src/scenario/defaults';
import { Future } from '../../../../src/sim/kernel/Future';
import { RandomSource } from '../../../../src/sim/kernel/random';
import { Link, Network, ServerEndpoint, type ConnectOutcome } from '../../../../src/sim/remoting/Network';
import { Sampler } from '../../../../src/sim/world/Latency';
import { WorldKernel } from '../../../../src/sim/world/WorldKernel';

export function fixedLatency(oneWay: Latency = { kind: 'fixed', ms: 0.5 }) {
  const kernel = new WorldKernel();
  const random = new RandomSource(1);
  const network = new Network(
    kernel,
    (a, b) => new Link(a, b, new Sampler(oneWay, random.stream(`link.${a}|${b}`))),
    new Sampler({ kind: 'fixed', ms: 1 }, random.stream('connect')),
    () => new Future<ConnectOutcome>(kernel),
  );
  const server = new ServerEndpoint('broker-a', '10.0.0.1:10911');
  server.up = true;
  network.addServer(server);
  return { kernel, network, server };
}
