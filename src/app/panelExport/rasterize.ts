import { rasterSize, svgDataUrl } from './svgWrap';

/** Device pixels per CSS pixel in the PNG: sharp on a projector and in slides, whatever the screen. */
export const PNG_PIXEL_RATIO = 2;

/**
 * Draws the SVG picture onto a canvas and encodes it as PNG. The image loads from a `data:` URL: from a
 * `blob:` URL Chromium treats a foreignObject SVG as cross-origin and refuses `toBlob` (a tainted canvas).
 */
export async function svgToPng(
  doc: Document,
  svg: string,
  width: number,
  height: number,
  ratio = PNG_PIXEL_RATIO,
): Promise<Blob> {
  const view = doc.defaultView;
  if (!view) throw new Error('no window to draw in');
  const image = new view.Image();
  image.src = svgDataUrl(svg);
  await image.decode();
  const size = rasterSize(width, height, ratio);
  const canvas = doc.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser gave no 2D canvas');
  context.drawImage(image, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return blob;
}
