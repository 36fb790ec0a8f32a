import type { StateCreator } from 'zustand';

/**
 * Classroom state of the page: whether the scenario editor is open, presenter mode, and the scenario as
 * written (no defaults filled in) that the editor last applied. `written.resolved` is the very object the
 * editor put into `scenario`, so a reader can tell whether the written form still belongs to what is on
 * screen (a preset or a share link may have replaced it since).
 */
export interface ClassroomSlice {
  editorOpen: boolean;
  presenter: boolean;
  written: { scenario: unknown; resolved: unknown } | null;
  setEditorOpen: (open: boolean) => void;
  setPresenter: (on: boolean) => void;
  setWritten: (written: { scenario: unknown; resolved: unknown } | null) => void;
}

export function createClassroomSlice<S extends ClassroomSlice>(): StateCreator<S, [], [], ClassroomSlice> {
  return (set) => ({
    editorOpen: false,
    presenter: false,
    written: null,
    // Presenter mode hides the editor, so opening it there does nothing and switching presenter on closes it.
    setEditorOpen: (open) => set((s) => ({ editorOpen: open && !s.presenter }) as Partial<S>),
    setPresenter: (on) =>
      set((s) => ({ presenter: on, editorOpen: on ? false : s.editorOpen }) as Partial<S>),
    setWritten: (written) => set({ written } as Partial<S>),
  });
}
