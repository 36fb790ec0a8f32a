import { describe, expect, it } from 'vitest';
import { fixedLatency } from './networkKit';

describe('the simulated network', () => {
  it('connects to a live server after the connect latency', () => {
    const { kernel, network, server } = fixedLatency();
    let at = -1;
    network.connect('producer', server.addr, 3000).onDone((f) => {
      if (f.value?.channel) at = kernel.exactNow();
    });
    kernel.run();
    expect(at).toBe(1);
  });

  it('has a connect to a stopped process on a live host refused after one round trip', () => {
    const { kernel, network, server } = fixedLatency();
    server.up = false;
    let outcome: { at: number; refused: boolean } | null = null;
    network.connect('producer', server.addr, 3000).onDone((f) => {
      outcome = { at: kernel.exactNow(), refused: f.value!.refused };
    });
    kernel.run();
    expect(outcome).toEqual({ at: 1, refused: true });
  });

  it('lets a connect to a dead host fail only at the connect timeout', () => {
    const { kernel, network, server } = fixedLatency();
    server.up = false;
    server.hostAlive = false;
    let at = -1;
    network.connect('producer', server.addr, 3000).onDone(() => {
      at = kernel.exactNow();
    });
    kernel.run();
    expect(at).toBe(3000);
  });

  it('delivers the packets of one channel in order even when their latencies differ', () => {
    const { kernel, network, server } = fixedLatency({ kind: 'uniform', minMs: 0.1, maxMs: 20 });
    const got: number[] = [];
    server.onPacket = (_channel, packet) => got.push(packet as number);
    network.connect('producer', server.addr, 3000).onDone((f) => {
      for (let i = 0; i < 50; i++) network.toServer(f.value!.channel!, i);
    });
    kernel.run();
    expect(got).toEqual([...Array(50).keys()]);
  });

  it('drops every packet across a partitioned link and tells neither side', () => {
    const { kernel, network, server } = fixedLatency();
    const got: unknown[] = [];
    let closed = false;
    server.onPacket = (_channel, packet) => got.push(packet);
    network.connect('producer', server.addr, 3000).onDone((f) => {
      const channel = f.value!.channel!;
      channel.onClientClose = () => {
        closed = true;
      };
      network.link('producer', server.node).partitions = 1;
      expect(network.toServer(channel, 'lost')).toBe(true);
    });
    kernel.run();
    expect(got).toEqual([]);
    expect(closed).toBe(false);
  });
});
