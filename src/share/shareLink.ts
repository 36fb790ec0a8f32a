/**
 * Share links: the scenario as written and the cursor in the URL fragment,
 *
 *     https://host/sub/path/?lang=en#s=1.<payload>&step=42
 *
 * where `1` is the share format version and `<payload>` is base64url (no padding) of the deflate-raw
 * compressed UTF-8 JSON of the scenario. The version lets an old link still open, or say why not: a link
 * of a format this build does not read names the formats it does read.
 *
 * Decoding never throws and stops early on hostile input: the link's length is capped before anything is
 * decoded, and inflation streams with a byte limit (the scenario text cap), so a decompression bomb is
 * refused after at most a chunk past the cap, never expanded in full. Every problem comes back as a
 * `ShareError`: a message code of the `share` i18n namespace, its parameters and an English fallback.
 *
 * DOM-free: TextEncoder/TextDecoder and fflate only, so Node, a worker and the page can all use it.
 */
import { Inflate, deflateSync } from 'fflate';
import type { ResolvedScenario, Scenario } from '../scenario';
import { describeThrown, shareError, type ShareError } from './errors';
import { MAX_SCENARIO_TEXT_CHARS, validateScenarioText } from './validateText';

/** The share format this build writes. */
export const SHARE_FORMAT_VERSION = 1;

/** Every share format this build reads. */
export const SHARE_FORMAT_VERSIONS_READ: readonly number[] = [1];

/** The fragment parameter that holds the scenario. */
export const SHARE_PARAM = 's';

/** The fragment (or query) parameter that holds the cursor, as in DESIGN.md's `&step=N`. */
export const STEP_PARAM = 'step';

/** Most bytes a link's scenario may inflate to: the scenario text cap. */
export const MAX_INFLATED_BYTES = MAX_SCENARIO_TEXT_CHARS;

/**
 * Most characters of link data (after `s=`): base64 of the largest deflate stream that can hold
 * MAX_INFLATED_BYTES (stored blocks add 5 bytes per 65 535), plus the version. Real links are far shorter;
 * browsers start to refuse URLs of a few megabytes.
 */
export const MAX_SHARE_LINK_CHARS =
  Math.ceil(((MAX_INFLATED_BYTES + 5 * Math.ceil(MAX_INFLATED_BYTES / 65_535) + 16) * 4) / 3) + 16;

/** Compressed bytes pushed into the inflater at a time: deflate expands at most 1032:1, so 1 KiB < 1.1 MB. */
const INFLATE_CHUNK = 1024;

export type ShareDecodeResult =
  | {
      ok: true;
      /** The scenario as written in the link (no defaults filled in): what an editor shows and a link keeps. */
      scenario: Scenario;
      /** The same with every default for its version: what the engine runs. */
      resolved: ResolvedScenario;
      /** The cursor, when the link has a valid one. */
      step?: number;
      /** Problems that did not stop the scenario from opening (a bad step). */
      warnings: ShareError[];
    }
  | { ok: false; errors: ShareError[] };

// ---------------------------------------------------------------------------------------------------------
// Encoding.

/** `1.<payload>`: the value of the `s` parameter. */
export function encodeSharePayload(scenario: Scenario): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  return `${SHARE_FORMAT_VERSION}.${base64UrlEncode(deflateSync(bytes, { level: 9 }))}`;
}

/** `#s=1.<payload>&step=N`; a step that is not a whole number from 0 is left out. */
export function encodeShareFragment(scenario: Scenario, step?: number): string {
  const cursor =
    step !== undefined && Number.isSafeInteger(step) && step >= 0 ? `&${STEP_PARAM}=${step}` : '';
  return `#${SHARE_PARAM}=${encodeSharePayload(scenario)}${cursor}`;
}

/**
 * The page's address with the scenario in its fragment: other query parameters (`lang`) are kept, `preset`
 * and `step` are dropped (the link's scenario replaces the preset, its step is in the fragment).
 */
export function shareUrl(pageHref: string, scenario: Scenario, step?: number): string {
  const url = new URL(pageHref);
  url.searchParams.delete('preset');
  url.searchParams.delete(STEP_PARAM);
  url.hash = encodeShareFragment(scenario, step);
  return url.href;
}

/** Whether a fragment (`location.hash`) carries a shared scenario, valid or not. */
export function hasShareFragment(hash: string): boolean {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((part) => part === SHARE_PARAM || part.startsWith(`${SHARE_PARAM}=`));
}

// ---------------------------------------------------------------------------------------------------------
// Decoding.

/**
 * Reads a share link. Accepts a whole address (`https://.../#s=1.x&step=3`), a fragment (`#s=1.x`,
 * `s=1.x&step=3`) or the bare data (`1.x`). The step comes from the query (`?step=`, which the page keeps
 * current as the cursor moves) when there is one, else from the fragment. Never throws.
 */
export function decodeShareLink(input: string): ShareDecodeResult {
  try {
    if (typeof input !== 'string') return failWith(shareError('share.notAShareLink'));
    const located = locate(input.trim());
    if ('error' in located) return failWith(located.error);
    const params = readParams(located.fragment);
    if ('error' in params) return failWith(params.error);
    const data = params.s;
    if (data === undefined) return failWith(shareError('share.notAShareLink'));
    const decoded = decodeData(data);
    if (!decoded.ok) return decoded;

    const warnings: ShareError[] = [];
    const queryStep = located.query === null ? undefined : readParams(located.query);
    const rawStep =
      queryStep && !('error' in queryStep) && queryStep.step !== undefined ? queryStep.step : params.step;
    let step: number | undefined;
    if (rawStep !== undefined) {
      step = parseStep(rawStep);
      if (step === undefined) {
        warnings.push(shareError('share.badStep', { value: preview(percentDecoded(rawStep)) }));
      }
    }
    return step === undefined
      ? { ok: true, scenario: decoded.scenario, resolved: decoded.resolved, warnings }
      : { ok: true, scenario: decoded.scenario, resolved: decoded.resolved, step, warnings };
  } catch (e) {
    return failWith(shareError('share.unexpected', { detail: describeThrown(e) }));
  }
}

/** Reads the value of the `s` parameter (`1.<payload>`) into a validated scenario. Never throws. */
export function decodeSharePayload(
  data: string,
): { ok: true; scenario: Scenario; resolved: ResolvedScenario } | { ok: false; errors: ShareError[] } {
  try {
    return decodeData(data);
  } catch (e) {
    return failWith(shareError('share.unexpected', { detail: describeThrown(e) }));
  }
}

function failWith(error: ShareError): { ok: false; errors: ShareError[] } {
  return { ok: false, errors: [error] };
}

/** Splits an address into its fragment and query; bare fragments and bare data are accepted. */
function locate(text: string): { fragment: string; query: string | null } | { error: ShareError } {
  const hash = text.indexOf('#');
  if (hash >= 0) {
    const before = text.slice(0, hash);
    const question = before.indexOf('?');
    return { fragment: text.slice(hash + 1), query: question >= 0 ? before.slice(question + 1) : null };
  }
  if (/^[?&]?s=/.test(text)) return { fragment: text.replace(/^[?&]/, ''), query: null };
  if (/^[0-9]+\./.test(text)) return { fragment: `${SHARE_PARAM}=${text}`, query: null };
  return { error: shareError('share.notAShareLink') };
}

/** `s=...&step=...` -> the two values. A repeated `s` is refused (which one did the sender mean?). */
function readParams(text: string): { s?: string; step?: string } | { error: ShareError } {
  const out: { s?: string; step?: string } = {};
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const name = eq >= 0 ? part.slice(0, eq) : part;
    const value = eq >= 0 ? part.slice(eq + 1) : '';
    if (name === SHARE_PARAM) {
      if (out.s !== undefined) return { error: shareError('share.duplicateParam', { name: SHARE_PARAM }) };
      out.s = value;
    } else if (name === STEP_PARAM && out.step === undefined) out.step = value;
  }
  return out;
}

/** A step as `urlStep.readStepParam` reads one: a whole number from 0, at most nine digits. */
function parseStep(raw: string): number | undefined {
  const text = percentDecoded(raw).trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** `%3C` -> `<`; text with a broken escape stays as it is. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** At most 40 characters of user input, for a message. */
function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function decodeData(
  raw: string,
): { ok: true; scenario: Scenario; resolved: ResolvedScenario } | { ok: false; errors: ShareError[] } {
  if (raw.length > MAX_SHARE_LINK_CHARS) {
    return failWith(shareError('share.linkTooLong', { length: raw.length, max: MAX_SHARE_LINK_CHARS }));
  }
  let data = raw;
  if (data.includes('%')) {
    // Some chat apps and mailers percent-encode links; base64url itself never needs it.
    try {
      data = decodeURIComponent(data);
    } catch {
      const at = data.indexOf('%');
      return failWith(shareError('share.badEncoding', { position: at + 1, char: describeChar(data, at) }));
    }
  }
  if (data.trim() === '') return failWith(shareError('share.empty'));
  const dot = data.indexOf('.');
  const versionText = dot >= 0 ? data.slice(0, dot) : '';
  if (dot < 0 || versionText === '') return failWith(shareError('share.noVersion'));
  const supported = SHARE_FORMAT_VERSIONS_READ.join(', ');
  if (!/^[0-9]{1,9}$/.test(versionText)) {
    if (/^[A-Za-z0-9_-]{1,16}$/.test(versionText)) {
      return failWith(shareError('share.unknownVersion', { version: versionText, supported }));
    }
    return failWith(shareError('share.noVersion'));
  }
  const version = Number(versionText);
  if (!SHARE_FORMAT_VERSIONS_READ.includes(version)) {
    const newest = Math.max(...SHARE_FORMAT_VERSIONS_READ);
    return failWith(
      shareError(version > newest ? 'share.newerVersion' : 'share.unknownVersion', {
        version: versionText,
        supported,
      }),
    );
  }
  // Format 1.
  const payload = data.slice(dot + 1);
  if (payload === '') return failWith(shareError('share.empty'));
  const bytes = base64UrlDecode(payload);
  if (!bytes.ok) {
    if (bytes.reason === 'length') return failWith(shareError('share.badLength'));
    // Positions count from the first character after `s=`, as a person reading the link would.
    const at = dot + 1 + bytes.position;
    return failWith(shareError('share.badEncoding', { position: at + 1, char: describeChar(data, at) }));
  }
  const inflated = inflateRawCapped(bytes.bytes, MAX_INFLATED_BYTES);
  if (!inflated.ok) {
    if (inflated.reason === 'tooLarge')
      return failWith(shareError('share.tooLarge', { max: MAX_INFLATED_BYTES }));
    if (inflated.reason === 'truncated') return failWith(shareError('share.truncated'));
    return failWith(shareError('share.corrupt', { detail: inflated.detail }));
  }
  const text = decodeUtf8(inflated.bytes);
  if (text === null) return failWith(shareError('share.badUtf8'));
  return validateScenarioText(text);
}

/** `"!"` for a visible character, `U+FEFF` for an invisible or unusual one. */
function describeChar(text: string, at: number): string {
  const code = text.codePointAt(at);
  if (code === undefined) return 'end';
  if (code > 0x20 && code < 0x7f) return `“${String.fromCharCode(code)}”`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Strict UTF-8 (a byte-order mark is dropped); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5), strict: no other characters, no whitespace; trailing '=' padding is tolerated.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function base64UrlEncode(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i] as number;
      const b = i + 1 < end ? (bytes[i + 1] as number) : 0;
      const c = i + 2 < end ? (bytes[i + 2] as number) : 0;
      const n = (a << 16) | (b << 8) | c;
      out += ALPHABET[(n >> 18) & 63];
      out += ALPHABET[(n >> 12) & 63];
      if (i + 1 < end) out += ALPHABET[(n >> 6) & 63];
      if (i + 2 < end) out += ALPHABET[n & 63];
    }
    parts.push(out);
  }
  return parts.join('');
}

export type Base64Result =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'char'; position: number }
  | { ok: false; reason: 'length' };

/** Decodes base64url; `position` of a bad character counts from 0 in `text`. */
export function base64UrlDecode(text: string): Base64Result {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--; // '='
  if (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || (LOOKUP[code] as number) < 0) return { ok: false, reason: 'char', position: i };
  }
  if (end % 4 === 1) return { ok: false, reason: 'length' };
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let o = 0;
  for (let i = 0; i < end; i += 4) {
    const a = LOOKUP[text.charCodeAt(i)] as number;
    const b = LOOKUP[text.charCodeAt(i + 1)] as number;
    const c = i + 2 < end ? (LOOKUP[text.charCodeAt(i + 2)] as number) : 0;
    const d = i + 3 < end ? (LOOKUP[text.charCodeAt(i + 3)] as number) : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = (n >> 16) & 255;
    if (i + 2 < end) out[o++] = (n >> 8) & 255;
    if (i + 3 < end) out[o++] = n & 255;
  }
  return { ok: true, bytes: out };
}

// ---------------------------------------------------------------------------------------------------------
// Inflation with a size limit.

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'tooLarge'; produced: number }
  | { ok: false; reason: 'truncated' }
  | { ok: false; reason: 'corrupt'; detail: string };

/**
 * Inflates deflate-raw data, `chunkSize` compressed bytes at a time, and stops as soon as the output
 * passes `maxBytes`: a bomb costs at most `maxBytes` plus one chunk's expansion, never its full size.
 * `produced` (on tooLarge) is how many bytes were inflated before it stopped.
 */
export function inflateRawCapped(
  data: Uint8Array,
  maxBytes: number,
  chunkSize = INFLATE_CHUNK,
): InflateResult {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced <= maxBytes) chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let start = 0; start < data.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, data.length);
      inflater.push(data.subarray(start, end), end === data.length);
      if (produced > maxBytes) return { ok: false, reason: 'tooLarge', produced };
    }
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 0) return { ok: false, reason: 'truncated' };
    return { ok: false, reason: 'corrupt', detail: describeThrown(e) };
  }
  if (produced > maxBytes) return { ok: false, reason: 'tooLarge', produced };
  const out = new Uint8Array(produced);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}
