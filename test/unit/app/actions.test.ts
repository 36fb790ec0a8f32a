import { describe, expect, it } from 'vitest';
import { ACTIONS, actionForKey, handleShortcut, isTextEntry } from '../../../src/app/actions';
import { createAppStore } from '../../../src/store/appStore';
import { readTrace } from '../../fixtures/traces/readTrace';

const newStore = () =>
  createAppStore({ ui: { lang: 'en', theme: 'light' }, trace: readTrace('sync-retry-broker-error') });

function key(k: string, init: { shift?: boolean; ctrl?: boolean; target?: unknown } = {}) {
  let prevented = false;
  return {
    key: k,
    shiftKey: init.shift ?? false,
    ctrlKey: init.ctrl ?? false,
    metaKey: false,
    altKey: false,
    target: (init.target ?? null) as EventTarget | null,
    get defaultPrevented() {
      return prevented;
    },
    preventDefault() {
      prevented = true;
    },
  };
}

const element = (tagName: string, attrs: Record<string, string> = {}) =>
  ({
    tagName: tagName.toUpperCase(),
    type: attrs.type,
    isContentEditable: attrs.contenteditable === 'true',
    getAttribute: (name: string) => attrs[name] ?? null,
  }) as unknown as EventTarget;

describe('the action registry', () => {
  it('binds the keys of DESIGN.md: Space, Right, Left, Home, and ? for the help', () => {
    expect(actionForKey(key(' '))?.id).toBe('togglePlay');
    expect(actionForKey(key('ArrowRight'))?.id).toBe('stepForward');
    expect(actionForKey(key('ArrowLeft'))?.id).toBe('stepBack');
    expect(actionForKey(key('Home'))?.id).toBe('restart');
    expect(actionForKey(key('?', { shift: true }))?.id).toBe('toggleHelp');
    expect(actionForKey(key('ArrowRight', { shift: true }))?.id).toBe('nextNotable');
    expect(actionForKey(key('ArrowRight', { ctrl: true }))).toBeUndefined();
  });

  it('gives every action a label and at least one key, and no key to two actions', () => {
    const seen = new Set<string>();
    for (const action of ACTIONS) {
      expect(action.keys.length, action.id).toBeGreaterThan(0);
      for (const k of action.keys) {
        const id = `${k.key}|${String(k.shift)}`;
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
      }
    }
  });
});

describe('handleShortcut', () => {
  it('plays and pauses with Space, steps with the arrows and restarts with Home', () => {
    const store = newStore();
    handleShortcut(key('ArrowRight'), store);
    handleShortcut(key('ArrowRight'), store);
    handleShortcut(key('ArrowLeft'), store);
    expect(store.getState().step).toBe(1);
    handleShortcut(key(' '), store);
    expect(store.getState().playing).toBe(true);
    handleShortcut(key(' '), store);
    expect(store.getState().playing).toBe(false);
    handleShortcut(key('End'), store);
    expect(store.getState().step).toBe(store.getState().trace.length);
    handleShortcut(key('Home'), store);
    expect(store.getState().step).toBe(0);
  });

  it('leaves keys alone while the focus is in a text field or a select', () => {
    const store = newStore();
    for (const target of [
      element('input', { type: 'text' }),
      element('textarea'),
      element('select'),
      element('div', { contenteditable: 'true' }),
    ]) {
      const event = key('ArrowRight', { target });
      expect(handleShortcut(event, store)).toBe(false);
      expect(event.defaultPrevented).toBe(false);
    }
    expect(store.getState().step).toBe(0);
    expect(isTextEntry(element('input', { type: 'checkbox' }))).toBe(false);
  });

  it('lets a focused button take Space itself, so the page does not act twice', () => {
    const store = newStore();
    expect(handleShortcut(key(' ', { target: element('button') }), store)).toBe(false);
    expect(handleShortcut(key(' ', { target: element('div', { role: 'button' }) }), store)).toBe(false);
    expect(store.getState().playing).toBe(false);
    expect(handleShortcut(key('ArrowRight', { target: element('button') }), store)).toBe(true);
  });

  it('does nothing but close the help while the help is open', () => {
    const store = newStore();
    handleShortcut(key('?'), store);
    expect(store.getState().helpOpen).toBe(true);
    handleShortcut(key('ArrowRight'), store);
    expect(store.getState().step).toBe(0);
    handleShortcut(key('?'), store);
    expect(store.getState().helpOpen).toBe(false);
  });

  it('changes speed by halves and doubles, and switches pacing', () => {
    const store = newStore();
    handleShortcut(key('+'), store);
    expect(store.getState().speed).toBe(2);
    handleShortcut(key('-'), store);
    handleShortcut(key('-'), store);
    expect(store.getState().speed).toBe(0.5);
    handleShortcut(key('p'), store);
    expect(store.getState().pacing).toBe('time');
  });

  it('swallows a key whose action cannot run (Right at the end) without acting', () => {
    const store = newStore();
    store.getState().seek(store.getState().trace.length);
    const event = key('ArrowRight');
    expect(handleShortcut(event, store)).toBe(false);
    expect(event.defaultPrevented).toBe(true);
  });
});
