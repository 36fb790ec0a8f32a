import type { Action } from './types';

/** PageDown: what a presentation remote sends for "next". */
export const remoteNext: Action = {
  id: 'remoteNext',
  label: () => 'presenter.next',
  keys: [{ key: 'PageDown', label: 'presenter.key.pageDown' }],
  perform: (store) => store.getState().stepForward(),
  enabled: (s) => s.step < s.trace.length,
};

/** PageUp: what a presentation remote sends for "previous". */
export const remotePrevious: Action = {
  id: 'remotePrevious',
  label: () => 'presenter.previous',
  keys: [{ key: 'PageUp', label: 'presenter.key.pageUp' }],
  perform: (store) => store.getState().stepBack(),
  enabled: (s) => s.step > 0,
};

export const togglePresenter: Action = {
  id: 'togglePresenter',
  label: () => 'presenter.toggle',
  keys: [
    { key: 'f', label: 'presenter.key.f' },
    { key: 'F', label: 'presenter.key.f' },
  ],
  perform: (store) => {
    const s = store.getState();
    s.setPresenter(!s.presenter);
  },
};

/** Opens or closes the scenario editor; presenter mode hides it. */
export const editScenario: Action = {
  id: 'editScenario',
  label: () => 'presenter.editScenario',
  keys: [
    { key: 'e', label: 'presenter.key.e' },
    { key: 'E', label: 'presenter.key.e' },
  ],
  perform: (store) => {
    const s = store.getState();
    s.setEditorOpen(!s.editorOpen);
  },
  enabled: (s) => !s.presenter,
};

/** The classroom actions, in the order the `?` help lists them. */
export const CLASSROOM_ACTIONS: readonly Action[] = [
  remoteNext,
  remotePrevious,
  togglePresenter,
  editScenario,
];
