import type { StateCreator } from 'zustand';

/** The message selected anywhere (a log row, a timeline mark, a waterfall bar): every panel follows it. */
export interface SelectionSlice {
  selectedMsgId: string | null;
  /** Selects a message; `null` clears the selection. */
  selectMessage: (msgId: string | null) => void;
}

/** Pure rule: an empty or non-string id clears the selection. */
export function normaliseMsgId(msgId: unknown): string | null {
  return typeof msgId === 'string' && msgId.length > 0 ? msgId : null;
}

export function createSelectionSlice<S extends SelectionSlice>(
  init: { selectedMsgId?: string | null } = {},
): StateCreator<S, [], [], SelectionSlice> {
  return (set, get) => ({
    selectedMsgId: normaliseMsgId(init.selectedMsgId),
    selectMessage: (msgId) => {
      const next = normaliseMsgId(msgId);
      if (get().selectedMsgId !== next) set({ selectedMsgId: next } as Partial<S>);
    },
  });
}
