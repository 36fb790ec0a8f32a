// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpDialog } from '../../../src/app/HelpDialog';
import { PlaybackBar } from '../../../src/app/PlaybackBar';
import { useShortcuts } from '../../../src/app/useShortcuts';
import { useAppStoreApi } from '../../../src/store/StoreContext';
import { readTrace } from '../../fixtures/traces/readTrace';
import { renderWithStore } from '../panels/renderWithStore';

afterEach(cleanup);

function Harness() {
  useShortcuts(useAppStoreApi());
  return (
    <>
      <PlaybackBar />
      <input aria-label="Notes" />
      <HelpDialog />
    </>
  );
}

const trace = readTrace('sync-retry-broker-error');
const press = (key: string, init: KeyboardEventInit = {}, target: Element | Document = document) =>
  act(() => {
    fireEvent.keyDown(target, { key, ...init });
  });

describe('<PlaybackBar>', () => {
  it('names its controls as DESIGN.md says, in a toolbar inside a Playback region', () => {
    renderWithStore(<Harness />, { trace });
    const region = screen.getByRole('region', { name: 'Playback' });
    const toolbar = within(region).getByRole('toolbar', { name: 'Playback controls' });
    for (const name of [
      'Play',
      'Step back',
      'Step forward',
      'Restart',
      'Next notable event',
      'Previous notable event',
    ]) {
      expect(within(toolbar).getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Keyboard shortcuts' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Pacing' })).toBeTruthy();
  });

  it('uses the glossary’s Chinese names under zh-CN', () => {
    renderWithStore(<Harness />, { trace, lang: 'zh-CN' });
    for (const name of ['播放', '上一步', '下一步', '重新开始'])
      expect(screen.getByRole('button', { name })).toBeTruthy();
  });

  it('switches the one Play button to Pause while playing, and back', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    act(() => screen.getByRole('button', { name: 'Play' }).click());
    expect(store.getState().playing).toBe(true);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    act(() => screen.getByRole('button', { name: 'Pause' }).click());
    expect(store.getState().playing).toBe(false);
  });

  it('steps forward and back and shows the virtual time and the event number', () => {
    renderWithStore(<Harness />, { trace });
    const position = screen.getByTestId('playback-position');
    expect(position.textContent).toContain(`before event 1 / ${trace.length}`);
    for (let i = 0; i < 10; i++) act(() => screen.getByRole('button', { name: 'Step forward' }).click());
    act(() => screen.getByRole('button', { name: 'Step back' }).click());
    expect(position.textContent).toContain(`event 9 / ${trace.length}`);
    expect(position.textContent).toContain(`t = ${trace.at(8)!.t} ms`);
    act(() => screen.getByRole('button', { name: 'Restart' }).click());
    expect(position.textContent).toContain('before event 1');
  });

  it('disables Step back at the start without taking it out of the tab order', () => {
    renderWithStore(<Harness />, { trace });
    const back = screen.getByRole('button', { name: 'Step back' });
    expect(back.getAttribute('aria-disabled')).toBe('true');
    expect(back.hasAttribute('disabled')).toBe(false);
  });

  it('answers Space, Right, Left and Home anywhere, but not while typing in a text field', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    press('ArrowRight');
    press('ArrowRight');
    press('ArrowLeft');
    expect(store.getState().step).toBe(1);
    press(' ');
    expect(store.getState().playing).toBe(true);
    press(' ');
    expect(store.getState().playing).toBe(false);
    press('Home');
    expect(store.getState().step).toBe(0);
    press('ArrowRight', {}, screen.getByRole('textbox', { name: 'Notes' }));
    expect(store.getState().step).toBe(0);
  });

  it('jumps to the next notable event: the failed first attempt', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    act(() => screen.getByRole('button', { name: 'Next notable event' }).click());
    expect(trace.at(store.getState().step - 1)!.kind).toBe('attempt.end');
  });

  it('offers speeds from 0.25x to 64x and both pacings', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    const speed = screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement;
    expect([...speed.options].map((o) => o.textContent)).toEqual([
      '0.25×',
      '0.5×',
      '1×',
      '2×',
      '4×',
      '8×',
      '16×',
      '32×',
      '64×',
    ]);
    act(() => {
      fireEvent.change(speed, { target: { value: '64' } });
    });
    expect(store.getState().speed).toBe(64);
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Pacing' }), { target: { value: 'time' } });
    });
    expect(store.getState().pacing).toBe('time');
  });

  it('opens the help with ?, listing every shortcut, and closes it with ? again', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    press('?', { shiftKey: true });
    expect(store.getState().helpOpen).toBe(true);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const text = dialog.textContent ?? '';
    for (const expected of [
      'Space',
      'Play / Pause',
      'Right arrow →',
      'Step forward',
      'Left arrow ←',
      'Step back',
      'Home',
      'Restart',
      'Shift + →',
      'Next notable event',
      'Esc',
    ]) {
      expect(text).toContain(expected);
    }
    press('ArrowRight');
    expect(store.getState().step).toBe(0);
    press('?', { shiftKey: true });
    expect(store.getState().helpOpen).toBe(false);
  });

  it('reports a failed load with its problems', () => {
    const { store } = renderWithStore(<Harness />, { trace });
    act(() => store.getState().failLoading(['preset "x": could not be read (HTTP 404)']));
    expect(screen.getByRole('alert').textContent).toContain('could not be read (HTTP 404)');
  });
});
