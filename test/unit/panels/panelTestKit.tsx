import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Lang } from '../../../src/i18n';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';
import type { TraceArray } from '../../../src/trace/types';

/** Renders a connected panel over a store holding `trace` with the cursor after `step` events. */
export function renderConnected(
  ui: ReactElement,
  {
    trace,
    step,
    lang = 'en',
    selectedMsgId = null,
  }: { trace: TraceArray; step: number; lang?: Lang; selectedMsgId?: string | null },
) {
  const store = createAppStore({ ui: { lang, theme: 'light' }, trace, cursor: { step }, selectedMsgId });
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, ...result };
}

/** Positions (indices) of the events of one kind. */
export function positionsOf(trace: TraceArray, kind: string): number[] {
  return trace.flatMap((e, i) => (e.kind === kind ? [i] : []));
}
