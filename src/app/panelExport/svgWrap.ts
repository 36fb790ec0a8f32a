/**
 * The pure half of the SVG export: a panel's serialized XHTML put inside an `<svg>` through a
 * `<foreignObject>` of the panel's size. No DOM here, so the unit tests check it in Node.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS pixel size as the SVG's width or height: whole pixels up, so the panel's last column is not cut. */
export function svgLength(value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`not a picture size: ${value}`);
  return Math.ceil(value);
}

export interface SvgWrapInput {
  /** The panel as XHTML: one element serialized with its namespace (XMLSerializer gives that). */
  markup: string;
  width: number;
  height: number;
  /** The picture's accessible name (`<title>`), as plain text. */
  title: string;
}

/** A standalone SVG document (it opens in a browser or an editor alone) showing the panel at 1:1. */
export function wrapInSvg({ markup, width, height, title }: SvgWrapInput): string {
  const w = svgLength(width);
  const h = svgLength(height);
  return (
    `<svg xmlns="${SVG_NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<title>${escapeXml(title)}</title>` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">${markup}</foreignObject>` +
    `</svg>`
  );
}

/**
 * The SVG as a `data:` URL. Chromium taints a canvas that draws an SVG with a foreignObject loaded from a
 * `blob:` URL, but not one loaded from a `data:` URL, so the PNG is drawn from this (the page's CSP allows
 * `data:` images).
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The PNG's pixel size for a picture of `width` x `height` CSS pixels drawn at `ratio` device pixels each. */
export function rasterSize(width: number, height: number, ratio: number): { width: number; height: number } {
  return { width: Math.round(svgLength(width) * ratio), height: Math.round(svgLength(height) * ratio) };
}
