// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopologyPanel, TopologyPanelView } from '../../../src/panels/topology';
import { SVG_TOKENS } from '../../../src/panels/topology/TopologyPanelView';
import { topologyFold, type TopologyState } from '../../../src/view/folds/topology';
import { foldTo, loadTrace } from '../view/folds/panelFixtures';
import { renderConnected } from './panelTestKit';

afterEach(cleanup);

const downRetry = loadTrace('broker-down-retry');
const lostReply = loadTrace('async-lost-reply');

function view(position: number, lang: 'en' | 'zh-CN' = 'en', trace = downRetry) {
  return render(<TopologyPanelView model={foldTo(topologyFold, trace, position)} lang={lang} />);
}

describe('<TopologyPanelView>', () => {
  it('names the diagram, the producer, the name server and every broker for assistive technology', () => {
    view(9);
    const diagram = screen.getByRole('group', {
      name: 'Producer, name server and brokers, with the RPCs in flight',
    });
    expect(within(diagram).getByRole('group', { name: 'Producer' })).toBeTruthy();
    expect(within(diagram).getByRole('group', { name: 'NameServer' })).toBeTruthy();
    expect(within(diagram).getByRole('group', { name: /^broker-a: ✕ down\./ })).toBeTruthy();
    expect(within(diagram).getByRole('group', { name: /^broker-b: ✓ up\./ })).toBeTruthy();
  });

  it('shows a down broker that is still in the believed route as a stale route', () => {
    view(8);
    const brokerA = screen.getByRole('group', { name: /^broker-a:/ });
    expect(brokerA.getAttribute('data-stale')).toBe('down');
    expect(within(brokerA).getByText('⚠ Stale route: down')).toBeTruthy();
    expect(screen.getByRole('group', { name: /^broker-b:/ }).getAttribute('data-stale')).toBeNull();
  });

  it('does not call the route stale before the broker goes down', () => {
    view(6);
    const brokerA = screen.getByRole('group', { name: /^broker-a:/ });
    expect(brokerA.getAttribute('data-stale')).toBeNull();
    expect(within(brokerA).getByText('In producer’s route')).toBeTruthy();
  });

  it('traces the broker state and the route age to the events that produced them', () => {
    view(9);
    // The symbol and the word are separate spans (a narrow box shows the symbol alone); the chip holds both.
    const status = within(screen.getByRole('group', { name: /^broker-a:/ }))
      .getByText('✕')
      .closest('.topo-status')!;
    expect(status.textContent).toBe('✕ down');
    expect(status.getAttribute('data-seq')).toBe('8');
    expect(status.getAttribute('title')).toBe('broker.state · event #8 · t = 10 ms');
    const route = screen.getByText('TopicTest → a, b').closest('[data-seq]')!;
    expect(route.getAttribute('data-seq')).toBe('6');
    expect(route.textContent).toContain('96 ms old');
  });

  it('draws a token for the request in flight, then holds it at the broker, then drops it after the reply', () => {
    const sent = view(17);
    const token = sent.container.querySelector('[data-rpc-id="2"]')!;
    expect(token.getAttribute('data-phase')).toBe('request');
    expect(token.getAttribute('data-seq')).toBe('17');
    expect(token.querySelector('title')?.textContent).toContain(
      'SEND_MESSAGE_V2 #2: producer → broker-b for msg-1',
    );
    cleanup();
    expect(view(18).container.querySelector('[data-rpc-id="2"]')?.getAttribute('data-phase')).toBe(
      'atServer',
    );
    cleanup();
    expect(view(20).container.querySelector('[data-rpc-id="2"]')?.getAttribute('data-phase')).toBe('replied');
    cleanup();
    expect(view(21).container.querySelector('[data-rpc-id="2"]')).toBeNull();
  });

  it('marks an RPC that timed out and counts it', () => {
    const { container } = view(14, 'en', lostReply);
    expect(container.querySelector('[data-rpc-id="2"]')?.getAttribute('data-phase')).toBe('timedOut');
    expect(screen.getByText('Timed out so far: 1')).toBeTruthy();
  });

  it('shows the last stored offset on the queue that received it', () => {
    view(19);
    const brokerB = screen.getByRole('group', { name: /^broker-b:/ });
    const cell = within(brokerB).getByText('q0').parentElement!;
    expect(cell.getAttribute('data-seq')).toBe('19');
    expect(cell.textContent).toBe('q017');
  });

  it('speaks Chinese with the glossary’s words', () => {
    view(8, 'zh-CN');
    expect(screen.getByRole('group', { name: /^broker-a：✕ 宕机/ })).toBeTruthy();
    expect(screen.getByText('⚠ 过期路由：已宕机')).toBeTruthy();
    expect(screen.getByText('生产者')).toBeTruthy();
  });
});

describe('<TopologyPanelView> with many RPCs in flight', () => {
  /** The model at step 17 (one send in flight) with `n` copies of that send's token. */
  function crowded(n: number): TopologyState {
    const model = foldTo(topologyFold, downRetry, 17);
    const token = model.rpcs.get(2)!;
    const rpcs = new Map(model.rpcs);
    for (let i = 0; i < n; i++) rpcs.set(1000 + i, { ...token, rpcId: 1000 + i });
    return { ...model, rpcs, index: { ...model.index, rpcTimings: new Map(model.index.rpcTimings) } };
  }

  afterEach(() => vi.restoreAllMocks());

  it('draws the tokens as SVG groups up to the limit, on one canvas past it', () => {
    const few = render(<TopologyPanelView model={crowded(SVG_TOKENS - 10)} lang="en" />);
    expect(few.container.querySelectorAll('g[data-rpc-id]').length).toBeGreaterThan(SVG_TOKENS - 10);
    expect(few.container.querySelector('canvas')).toBeNull();
    cleanup();

    const arcs: [number, number][] = [];
    const ctx = new Proxy(
      { arc: (x: number, y: number) => arcs.push([x, y]) },
      { get: (target, key) => (key in target ? target[key as 'arc'] : () => {}) },
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    const many = render(<TopologyPanelView model={crowded(SVG_TOKENS + 50)} lang="en" />);
    expect(many.container.querySelectorAll('g[data-rpc-id]').length).toBe(0);
    const canvas = many.container.querySelector('canvas.topo-token-canvas')!;
    expect(canvas.getAttribute('aria-hidden')).toBe('true');
    // Every token (the original one and its copies) is one circle at the send's place on its link.
    expect(Number(canvas.getAttribute('data-tokens'))).toBe(SVG_TOKENS + 51);
    expect(arcs.length).toBe(SVG_TOKENS + 51);
    // The legend still tells the count.
    expect(screen.getByTestId('topology-in-flight').textContent).toContain(String(SVG_TOKENS + 51));
  });

  it('stops tokens gliding while playback runs in virtual time', () => {
    const { container } = render(<TopologyPanelView model={crowded(0)} lang="en" live />);
    expect(container.querySelector('.topo-tokens')?.classList.contains('topo-tokens--live')).toBe(true);
    cleanup();
    const still = render(<TopologyPanelView model={crowded(0)} lang="en" />);
    expect(still.container.querySelector('.topo-tokens')?.classList.contains('topo-tokens--live')).toBe(
      false,
    );
  });
});

describe('<TopologyPanel> (connected)', () => {
  it('folds the store’s trace up to its cursor and follows the cursor', () => {
    // Step n = the first n events applied: step 7 ends at the route.update, step 8 applies the fault.
    const { store } = renderConnected(<TopologyPanel />, { trace: downRetry, step: 7 });
    expect(screen.getByRole('group', { name: /^broker-a:/ }).getAttribute('data-stale')).toBeNull();
    act(() => store.getState().seek(8));
    expect(screen.getByRole('group', { name: /^broker-a:/ }).getAttribute('data-stale')).toBe('down');
  });
});
