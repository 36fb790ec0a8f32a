import type { Lang } from '../../i18n';
import type { Provenance } from '../../view/folds/eventFields';

/**
 * Number formatting shared by the teaching panels. Units are SI symbols (`ms`, `s`), which Chinese technical
 * text uses as they are; digits are grouped the way each language groups them.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(key, f);
  }
  return f;
}

export function fmtNumber(lang: Lang, value: number, digits = 0): string {
  return formatter(lang, digits).format(value);
}

/** `2,405 ms`; fractions only below 10 ms. */
export function fmtMs(lang: Lang, ms: number): string {
  return `${formatter(lang, Math.abs(ms) < 10 && !Number.isInteger(ms) ? 1 : 0).format(ms)} ms`;
}

/** `599.4 s`, for countdowns and ages. */
export function fmtSeconds(lang: Lang, ms: number): string {
  return `${new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

/** Milliseconds under 1 s, seconds above: for ages and countdowns, read at a glance (exact costs use fmtMs). */
export function fmtDuration(lang: Lang, ms: number): string {
  return Math.abs(ms) >= 1000 ? fmtSeconds(lang, ms) : fmtMs(lang, ms);
}

/** The parameters every panel's "where this number came from" message takes. */
export function provenanceParams(lang: Lang, p: Provenance): Record<string, string | number> {
  return { seq: p.seq, kind: p.kind, t: fmtMs(lang, p.t) };
}

/** A short broker label for tight cells: `broker-a` -> `a`, others unchanged. */
export function shortBroker(name: string): string {
  const m = /^broker[-_]?(.+)$/i.exec(name);
  return m ? m[1]! : name;
}
