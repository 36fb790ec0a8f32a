import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Lang } from '../../../src/i18n';
import { createAppStore } from '../../../src/store/appStore';
import { StoreProvider } from '../../../src/store/StoreContext';
import type { TraceArray } from '../../../src/trace/types';

/** Renders `ui` inside a fresh store holding `trace`, in `lang`. */
export function renderWithStore(
  ui: ReactNode,
  { trace = [], lang = 'en', step = 0 }: { trace?: TraceArray; lang?: Lang; step?: number } = {},
) {
  const store = createAppStore({ ui: { lang, theme: 'light' }, trace, cursor: { step } });
  const result = render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return { store, ...result };
}
