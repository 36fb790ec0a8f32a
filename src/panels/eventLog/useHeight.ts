import { useCallback, useEffect, useRef, useState } from 'react';

/** The client height of a scroll container, kept current; `fallback` where it cannot be measured (jsdom). */
export function useHeight<T extends HTMLElement>(fallback: number): [(el: T | null) => void, number] {
  const [height, setHeight] = useState(fallback);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    if (el.clientHeight > 0) setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(() => {
      if (el.clientHeight > 0) setHeight(el.clientHeight);
    });
    observer.current.observe(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, height];
}
