import { useCallback, useEffect, useRef, useState } from 'react';
import { unzoomedSize } from '../teaching/unzoomedSize';

/**
 * The width of an element, kept current with a ResizeObserver (the timeline redraws its scale for it).
 * Where there is no ResizeObserver (jsdom), the element's width at mount, else `fallback`.
 */
export function useWidth<T extends HTMLElement>(fallback = 640): [(el: T | null) => void, number] {
  const [width, setWidth] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const measured = unzoomedSize(el).width;
    if (measured > 0) setWidth(Math.round(measured));
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.round(w));
    });
    observer.current.observe(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}
