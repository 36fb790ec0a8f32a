import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store/appStore';
import type { TraceArray } from '../../../src/trace/types';
import { readTrace } from '../../fixtures/traces/readTrace';

function storeWith(trace: TraceArray = readTrace('sync-retry-broker-error')) {
  return createAppStore({ ui: { lang: 'en', theme: 'light' }, trace });
}

describe('the app store slices', () => {
  it('starts before the first event, paused, at 1x, one event per tick', () => {
    const s = storeWith().getState();
    expect(s).toMatchObject({ step: 0, playing: false, speed: 1, pacing: 'event', selectedMsgId: null });
  });

  it('steps, seeks and restarts within the trace', () => {
    const store = storeWith();
    const length = store.getState().trace.length;
    store.getState().stepForward();
    store.getState().stepForward();
    expect(store.getState().step).toBe(2);
    store.getState().stepBack();
    expect(store.getState().step).toBe(1);
    store.getState().seek(length + 10);
    expect(store.getState().step).toBe(length);
    store.getState().restart();
    expect(store.getState().step).toBe(0);
  });

  it('plays and stops by itself when playback reaches the end', () => {
    const store = storeWith();
    const length = store.getState().trace.length;
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    store.getState().advanceTo(5);
    expect(store.getState()).toMatchObject({ step: 5, playing: true });
    store.getState().advanceTo(length);
    expect(store.getState()).toMatchObject({ step: length, playing: false });
  });

  it('jumps to the next and previous notable event: the retry, the fault, then back', () => {
    const store = storeWith();
    const trace = store.getState().trace;
    store.getState().nextNotable();
    const first = trace.at(store.getState().step - 1)!;
    expect(first.kind).toBe('attempt.end');
    store.getState().nextNotable();
    expect(trace.at(store.getState().step - 1)!.kind).toBe('fault.update');
    store.getState().nextNotable();
    expect(trace.at(store.getState().step - 1)!).toMatchObject({ kind: 'queue.select', attempt: 1 });
    store.getState().previousNotable();
    expect(trace.at(store.getState().step - 1)!.kind).toBe('fault.update');
  });

  it('stays put when there is no notable event left in that direction', () => {
    const store = storeWith();
    store.getState().previousNotable();
    expect(store.getState().step).toBe(0);
    store.getState().seek(store.getState().trace.length);
    store.getState().nextNotable();
    expect(store.getState().step).toBe(store.getState().trace.length);
  });

  it('selects a message for every panel, and clears the selection with null or an empty id', () => {
    const store = storeWith();
    store.getState().selectMessage('C0A80005303918B4AAC2000000000001');
    expect(store.getState().selectedMsgId).toBe('C0A80005303918B4AAC2000000000001');
    store.getState().selectMessage('');
    expect(store.getState().selectedMsgId).toBeNull();
  });

  it('shows a loaded scenario and its trace in one update, with the cursor from the URL', () => {
    const store = storeWith([]);
    const updates: number[] = [];
    store.subscribe((s) => updates.push(s.trace.length));
    store.getState().startLoading('broker-down');
    const trace = readTrace('async-executor-timeout');
    store
      .getState()
      .showScenario({ scenario: { version: '4.9.8' }, presetId: 'broker-down', trace, step: 6 });
    expect(store.getState()).toMatchObject({
      presetId: 'broker-down',
      loadStatus: 'ready',
      step: 6,
      scenario: { version: '4.9.8' },
    });
    expect(updates).toEqual([0, trace.length]);
  });

  it('keeps the last good trace on screen when loading fails, and lists the problems', () => {
    const store = storeWith();
    const before = store.getState().trace;
    store.getState().startLoading('nope');
    store.getState().failLoading(['preset "nope" not found']);
    expect(store.getState()).toMatchObject({
      loadStatus: 'error',
      loadProblems: ['preset "nope" not found'],
    });
    expect(store.getState().trace).toBe(before);
  });

  it('fits the cursor to a replaced trace', () => {
    const store = storeWith();
    store.getState().seek(30);
    store.getState().setTrace(readTrace('sync-retry-broker-error').slice(0, 10));
    expect(store.getState().step).toBe(10);
  });

  it('opens and closes the shortcut help', () => {
    const store = storeWith();
    store.getState().setHelpOpen(true);
    expect(store.getState().helpOpen).toBe(true);
    store.getState().setHelpOpen(false);
    expect(store.getState().helpOpen).toBe(false);
  });
});
