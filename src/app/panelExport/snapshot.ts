import { readStyle, StyleDefaults, styleText, type StyleMap } from './inlineStyles';

/** Elements marked with this attribute (the export buttons, their message) are left out of the picture. */
export const EXPORT_SKIP_ATTRIBUTE = 'data-export-skip';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface Snapshot {
  /** The panel as XHTML, every style inline. */
  markup: string;
  width: number;
  height: number;
}

/**
 * Copies `root` (a panel landmark) as it looks now: a deep clone whose elements carry their computed styles
 * inline, canvases replaced by images of what they show, form fields showing their current values, and
 * scrolled boxes showing the part scrolled to.
 */
export function snapshotElement(root: HTMLElement): Snapshot {
  const doc = root.ownerDocument;
  const view = doc.defaultView;
  if (!view) throw new Error('the panel is not in a window');
  const rect = root.getBoundingClientRect();
  const clone = root.cloneNode(true) as HTMLElement;
  const defaults = new StyleDefaults(doc);
  try {
    copyElement(root, clone, null, { view, defaults });
  } finally {
    defaults.dispose();
  }
  // The picture has no page grid around the panel: fix its size, and carry the page's language (CJK
  // glyphs are chosen by it) and direction.
  clone.style.setProperty('width', `${rect.width}px`);
  clone.style.setProperty('height', `${rect.height}px`);
  clone.style.setProperty('margin', '0');
  clone.setAttribute('lang', doc.documentElement.lang || 'en');
  clone.setAttribute('dir', doc.documentElement.dir || 'ltr');
  const markup = new XMLSerializer().serializeToString(clone);
  return { markup: ensureXhtml(markup), width: rect.width, height: rect.height };
}

interface Context {
  view: Window;
  defaults: StyleDefaults;
}

function copyElement(source: Element, copy: Element, parent: StyleMap | null, ctx: Context): void {
  const computed = ctx.view.getComputedStyle(source);
  const own = readStyle(computed);
  // Hidden subtrees paint nothing: their children need no styles (and would only make the file larger).
  if (computed.display === 'none') {
    copy.setAttribute('style', 'display:none');
    copy.replaceChildren();
    return;
  }
  let style = styleText(own, parent, ctx.defaults.of(source));
  // A picture cannot be scrolled: a scrollbar in it is only noise (and the page's may be overlay ones).
  if (/auto|scroll/.test(`${computed.overflowX} ${computed.overflowY}`)) style += ';scrollbar-width:none';
  copy.setAttribute('style', style);
  copyFieldValue(source, copy);
  const sourceKids = [...source.children];
  const copyKids = [...copy.children];
  sourceKids.forEach((kid, i) => {
    const kidCopy = copyKids[i];
    if (!kidCopy) return;
    if (kid.hasAttribute(EXPORT_SKIP_ATTRIBUTE)) kidCopy.remove();
    else if (isHtml(kid, 'canvas')) replaceCanvas(kid as HTMLCanvasElement, kidCopy, own, ctx);
    else copyElement(kid, kidCopy, own, ctx);
  });
  addPseudo(source, copy, own, 'before', ctx);
  addPseudo(source, copy, own, 'after', ctx);
  keepScrollPosition(source, copy);
}

/** A clone keeps attributes, not what was typed or chosen since: write the current values as attributes. */
function copyFieldValue(source: Element, copy: Element): void {
  if (isHtml(source, 'select')) {
    const select = source as HTMLSelectElement;
    const options = copy.querySelectorAll('option');
    [...select.options].forEach((option, i) => {
      if (option.selected) options[i]?.setAttribute('selected', '');
      else options[i]?.removeAttribute('selected');
    });
  } else if (isHtml(source, 'input')) {
    const input = source as HTMLInputElement;
    copy.setAttribute('value', input.value);
    if (input.checked) copy.setAttribute('checked', '');
    else copy.removeAttribute('checked');
  } else if (isHtml(source, 'textarea')) {
    copy.textContent = (source as HTMLTextAreaElement).value;
  }
}

/** A canvas's pixels are not part of its clone: show them as an image with the canvas's box. */
function replaceCanvas(source: HTMLCanvasElement, copy: Element, parent: StyleMap, ctx: Context): void {
  const own = readStyle(ctx.view.getComputedStyle(source));
  if (source.width === 0 || source.height === 0) {
    copy.remove();
    return;
  }
  const image = copy.ownerDocument.createElementNS(XHTML_NS, 'img');
  image.setAttribute('src', source.toDataURL('image/png'));
  image.setAttribute('alt', '');
  image.setAttribute('style', styleText(own, parent, ctx.defaults.of(source)));
  copy.replaceWith(image);
}

/** Generated text (`content: ' · '`) is no element, so a clone loses it: add it as a span. */
function addPseudo(
  source: Element,
  copy: Element,
  own: StyleMap,
  which: 'before' | 'after',
  ctx: Context,
): void {
  const pseudo = ctx.view.getComputedStyle(source, `::${which}`);
  const text = contentText(pseudo.content);
  if (text === null || pseudo.display === 'none') return;
  const span = copy.ownerDocument.createElementNS(XHTML_NS, 'span');
  span.textContent = text;
  span.setAttribute('style', styleText(readStyle(pseudo), own, ctx.defaults.of(span)));
  if (which === 'before') copy.prepend(span);
  else copy.append(span);
}

/** The text of a `content` value that is one quoted string; null for none, counters, images and the like. */
export function contentText(content: string): string | null {
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(content.trim());
  if (!match) return null;
  return match[1]!.replace(/\\(.)/g, '$1');
}

/**
 * A clone opens scrolled to the top: shift a scrolled box's children by its scroll offsets (with
 * `translate`, which leaves their own `transform` alone). Sticky children stay where they stick.
 */
function keepScrollPosition(source: Element, copy: Element): void {
  const { scrollTop, scrollLeft } = source;
  if (scrollTop === 0 && scrollLeft === 0) return;
  for (const kid of copy.children) {
    const style = (kid as Partial<ElementCSSInlineStyle>).style;
    if (!style) continue;
    if (style.getPropertyValue('position') === 'sticky') continue;
    if (style.getPropertyValue('translate') !== '') continue;
    style.setProperty('translate', `${-scrollLeft}px ${-scrollTop}px`);
  }
}

/** By tag, not `instanceof`: the element may come from another window's constructors (a frame, jsdom). */
function isHtml(element: Element, localName: string): boolean {
  return element.localName === localName && element.namespaceURI === XHTML_NS;
}

/** XMLSerializer gives the XHTML namespace to an HTML element of an HTML document; make sure of it. */
function ensureXhtml(markup: string): string {
  if (/^<[^>]*\sxmlns="http:\/\/www\.w3\.org\/1999\/xhtml"/.test(markup)) return markup;
  return markup.replace(/^<([A-Za-z][\w-]*)/, `<$1 xmlns="${XHTML_NS}"`);
}
