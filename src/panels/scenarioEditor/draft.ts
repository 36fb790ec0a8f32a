/**
 * The editor's draft: the scenario as written (plain JSON, no defaults), changed one path at a time without
 * mutation. A field left empty is removed, so the version's default applies. Pure.
 */
import { formatPath } from '../../scenario';

export type Draft = Record<string, unknown>;
export type Path = readonly (string | number)[];

/** The value at `path`, or undefined. */
export function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v;
}

/** A copy of `value` with `path` set to `next` (undefined removes it; an emptied optional object stays). */
export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const obj: Record<string, unknown> =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  const child = setAt(obj[head], rest, next);
  if (child === undefined) delete obj[head];
  else obj[head] = child;
  return obj;
}

/** `producer.sendMsgTimeout`, `brokers[1].name`: the path as the validator writes it. */
export function pathText(path: Path): string {
  return formatPath(path);
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * What a number field holds: nothing (the default), a number, or the text as typed when it is not a
 * number, so that the validator names the problem instead of the field silently dropping it.
 */
export function parseNumberInput(raw: string): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return NUMBER.test(text) ? Number(text) : raw;
}

/** A list of numbers typed as `17, 14, 1`; anything else is kept as typed for the validator. */
export function parseNumberList(raw: string): number[] | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const parts = text.split(/[\s,]+/).filter((p) => p !== '');
  return parts.every((p) => NUMBER.test(p)) ? parts.map(Number) : raw;
}

/**
 * A list of texts typed as `order-1, order-2`: each item trimmed, empty items dropped (a key cannot
 * contain a comma here; the JSON tab takes any). Nothing typed is nothing set.
 */
export function parseTextList(raw: string): string[] | undefined {
  const items = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return items.length === 0 ? undefined : items;
}

/** How a value appears in an input. */
export function inputText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Errors keyed by path, each path's messages in order. */
export function errorsByPath(errors: readonly { path: string; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of errors) {
    const list = map.get(e.path);
    if (list) list.push(e.message);
    else map.set(e.path, [e.message]);
  }
  return map;
}
