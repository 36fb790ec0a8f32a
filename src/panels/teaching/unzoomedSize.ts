/**
 * An element's size in its own CSS pixels. Under CSS `zoom` (presenter mode zooms the panels),
 * getBoundingClientRect reports the zoomed, on-screen size, while a panel lays out its SVG in its own
 * pixels, which the zoom then scales: dividing by the effective zoom keeps the layout inside its box.
 * `currentCSSZoom` is the element's effective zoom (1 where a browser does not have it).
 */
export function unzoomedSize(el: Element): { width: number; height: number } {
  const rect = el.getBoundingClientRect();
  const zoom = cssZoomOf(el);
  return { width: rect.width / zoom, height: rect.height / zoom };
}

/** The effective CSS zoom of an element: 1 when there is none or the browser does not report it. */
export function cssZoomOf(el: Element): number {
  const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
}
