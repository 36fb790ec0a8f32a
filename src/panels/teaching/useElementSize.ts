import { useLayoutEffect, useState, type RefObject } from 'react';
import { unzoomedSize } from './unzoomedSize';

export interface Size {
  width: number;
  height: number;
}

/**
 * The content-box size of an element, following resizes. Where there is no layout (jsdom) or no
 * ResizeObserver it returns `fallback`, so pure layout functions still get sensible numbers.
 */
export function useElementSize(ref: RefObject<Element | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const read = () => {
      const rect = unzoomedSize(el);
      if (rect.width > 0 && rect.height > 0) {
        setSize((prev) =>
          Math.abs(prev.width - rect.width) < 0.5 && Math.abs(prev.height - rect.height) < 0.5
            ? prev
            : { width: rect.width, height: rect.height },
        );
      }
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
