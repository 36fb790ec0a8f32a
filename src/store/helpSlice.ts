import type { StateCreator } from 'zustand';

/** Whether the keyboard-shortcut help (`?`) is open. */
export interface HelpSlice {
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
}

export function createHelpSlice<S extends HelpSlice>(): StateCreator<S, [], [], HelpSlice> {
  return (set) => ({
    helpOpen: false,
    setHelpOpen: (open) => set({ helpOpen: open } as Partial<S>),
  });
}
