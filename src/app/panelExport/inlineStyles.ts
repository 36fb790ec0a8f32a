/**
 * Computed styles written inline, so that a cloned panel looks the same where no stylesheet of the page
 * applies (inside an SVG picture). Writing every property of every element would make pictures of several
 * megabytes; an element gets only what it would not get anyway: a property is left out when its value is
 * both the element's default (as a fresh element of the same tag computes it) and its parent's value (what
 * it inherits). That rule needs no list of inherited properties to be right; the list below only saves
 * bytes, for the properties that are certainly inherited.
 */

export type StyleMap = ReadonlyMap<string, string>;

/** Certainly inherited (CSS and SVG): compared with the parent alone. Leave a property out when unsure. */
const INHERITED = new Set([
  'color',
  'color-scheme',
  'cursor',
  'direction',
  'font-family',
  'font-feature-settings',
  'font-kerning',
  'font-size',
  'font-stretch',
  'font-style',
  'font-variant-caps',
  'font-variant-east-asian',
  'font-variant-ligatures',
  'font-variant-numeric',
  'font-weight',
  'letter-spacing',
  'line-height',
  'list-style-image',
  'list-style-position',
  'list-style-type',
  'overflow-wrap',
  'quotes',
  'tab-size',
  'text-align',
  'text-indent',
  'text-rendering',
  'text-shadow',
  'text-transform',
  'visibility',
  'white-space-collapse',
  'word-break',
  'word-spacing',
  'writing-mode',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
]);

/**
 * Certainly not inherited: compared with the default alone. (`border-collapse` and `border-spacing` are
 * inherited, hence the exception.)
 */
const NOT_INHERITED =
  /^(display|position|float|clear|margin|padding|border(?!-collapse|-spacing)|outline|width|height|min-|max-|inset|top|right|bottom|left|background|overflow|flex|grid|align-|justify-|place-|gap|row-gap|column-gap|order|box-|opacity|transform|translate|rotate|scale|z-index|vertical-align|text-decoration|text-overflow|filter|clip|mask|object-|aspect-ratio|contain|isolation|mix-blend-mode)/;

/**
 * Never written: custom properties (their uses are already resolved), animations and transitions (the
 * computed value is the frame on screen now; naming the animation would replay it in the picture), and
 * `d`, which repeats the path's own attribute.
 */
function skipped(name: string): boolean {
  return (
    name.startsWith('--') ||
    name.startsWith('animation') ||
    name.startsWith('transition') ||
    name === 'd' ||
    name === 'will-change'
  );
}

/**
 * Border, outline and decoration colours default to `currentcolor`, which a fresh element resolved with its
 * own colour: when ours differs, the default measured is not what the picture would compute.
 */
function followsCurrentColor(name: string): boolean {
  return name.endsWith('-color') && name !== 'background-color';
}

export function readStyle(style: CSSStyleDeclaration): Map<string, string> {
  const map = new Map<string, string>();
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (!skipped(name)) map.set(name, style.getPropertyValue(name));
  }
  return map;
}

/**
 * The `style` attribute for an element whose computed style is `own`, whose parent's is `parent` (null
 * for the picture's root, which inherits nothing of ours), and whose tag computes `defaults` when fresh.
 */
export function styleText(own: StyleMap, parent: StyleMap | null, defaults: StyleMap): string {
  const parts: string[] = [];
  const ownColour = own.get('color');
  for (const [name, value] of own) {
    const fromParent = parent?.get(name);
    let keep: boolean;
    if (followsCurrentColor(name)) keep = value !== defaults.get(name) || ownColour !== defaults.get('color');
    else if (INHERITED.has(name)) keep = parent === null || value !== fromParent;
    else if (NOT_INHERITED.test(name)) keep = value !== defaults.get(name);
    else keep = value !== defaults.get(name) || (fromParent !== undefined && value !== fromParent);
    if (keep) parts.push(`${name}:${value}`);
  }
  return parts.join(';');
}

/**
 * Default computed styles per tag, measured in a blank same-origin frame (a standards-mode document with
 * no stylesheet of ours: what the SVG picture's foreignObject content starts from). The frame is removed
 * by `dispose`.
 */
export class StyleDefaults {
  private readonly frame: HTMLIFrameElement;
  private readonly cache = new Map<string, Map<string, string>>();

  constructor(doc: Document) {
    this.frame = doc.createElement('iframe');
    this.frame.setAttribute('aria-hidden', 'true');
    this.frame.tabIndex = -1;
    this.frame.style.cssText = 'position:fixed;left:-10000px;top:0;width:10px;height:10px;border:0';
    doc.body.append(this.frame);
    const inner = this.frame.contentDocument;
    if (!inner) throw new Error('no frame to measure default styles in');
    inner.open();
    inner.write('<!DOCTYPE html><html><head></head><body></body></html>');
    inner.close();
  }

  of(element: Element): StyleMap {
    const key = `${element.namespaceURI ?? ''} ${element.localName}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const inner = this.frame.contentDocument!;
    const view = inner.defaultView!;
    const fresh = inner.createElementNS(element.namespaceURI, element.localName);
    // SVG shapes compute their defaults inside an <svg>, as they sit in the panel.
    const host =
      element.namespaceURI === 'http://www.w3.org/2000/svg' && element.localName !== 'svg'
        ? inner.body.appendChild(inner.createElementNS('http://www.w3.org/2000/svg', 'svg'))
        : inner.body;
    host.append(fresh);
    const map = readStyle(view.getComputedStyle(fresh));
    (host === inner.body ? fresh : host).remove();
    this.cache.set(key, map);
    return map;
  }

  dispose(): void {
    this.frame.remove();
  }
}
