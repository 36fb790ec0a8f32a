import type { Action } from './types';

const hasEvents = (s: { trace: { length: number } }) => s.trace.length > 0;

/** Play and Pause are one button whose name says what it will do. */
export const togglePlay: Action = {
  id: 'togglePlay',
  label: (s) => (s.playing ? 'playback.pause' : 'playback.play'),
  keys: [{ key: ' ', label: 'playback.key.space' }],
  perform: (store) => store.getState().togglePlay(),
  enabled: hasEvents,
};

export const stepBack: Action = {
  id: 'stepBack',
  label: () => 'playback.stepBack',
  keys: [{ key: 'ArrowLeft', shift: false, label: 'playback.key.left' }],
  perform: (store) => store.getState().stepBack(),
  enabled: (s) => s.step > 0,
};

export const stepForward: Action = {
  id: 'stepForward',
  label: () => 'playback.stepForward',
  keys: [{ key: 'ArrowRight', shift: false, label: 'playback.key.right' }],
  perform: (store) => store.getState().stepForward(),
  enabled: (s) => s.step < s.trace.length,
};

export const restart: Action = {
  id: 'restart',
  label: () => 'playback.restart',
  keys: [{ key: 'Home', label: 'playback.key.home' }],
  perform: (store) => store.getState().restart(),
  enabled: hasEvents,
};

export const goToEnd: Action = {
  id: 'goToEnd',
  label: () => 'playback.end',
  keys: [{ key: 'End', label: 'playback.key.end' }],
  perform: (store) => store.getState().seek(store.getState().trace.length),
  enabled: (s) => s.step < s.trace.length,
};

export const previousNotable: Action = {
  id: 'previousNotable',
  label: () => 'playback.previousNotable',
  keys: [{ key: 'ArrowLeft', shift: true, label: 'playback.key.shiftLeft' }],
  perform: (store) => store.getState().previousNotable(),
  enabled: (s) => s.step > 1,
};

export const nextNotable: Action = {
  id: 'nextNotable',
  label: () => 'playback.nextNotable',
  keys: [{ key: 'ArrowRight', shift: true, label: 'playback.key.shiftRight' }],
  perform: (store) => store.getState().nextNotable(),
  enabled: (s) => s.step < s.trace.length,
};

export const faster: Action = {
  id: 'faster',
  label: () => 'playback.faster',
  keys: [
    { key: '+', label: 'playback.key.plus' },
    { key: '=', label: 'playback.key.plus' },
  ],
  perform: (store) => {
    const s = store.getState();
    s.setSpeed(s.speed * 2);
  },
  enabled: (s) => s.speed < 64,
};

export const slower: Action = {
  id: 'slower',
  label: () => 'playback.slower',
  keys: [{ key: '-', label: 'playback.key.minus' }],
  perform: (store) => {
    const s = store.getState();
    s.setSpeed(s.speed / 2);
  },
  enabled: (s) => s.speed > 0.25,
};

export const togglePacing: Action = {
  id: 'togglePacing',
  label: () => 'playback.togglePacing',
  keys: [
    { key: 'p', label: 'playback.key.p' },
    { key: 'P', label: 'playback.key.p' },
  ],
  perform: (store) => {
    const s = store.getState();
    s.setPacing(s.pacing === 'event' ? 'time' : 'event');
  },
};

export const toggleHelp: Action = {
  id: 'toggleHelp',
  label: () => 'playback.help',
  keys: [{ key: '?', label: 'playback.key.question' }],
  perform: (store) => {
    const s = store.getState();
    s.setHelpOpen(!s.helpOpen);
  },
};
