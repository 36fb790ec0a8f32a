import type { TraceEvent } from '../../trace/types';

/**
 * Tolerant readers for trace events. The engine adds kinds and optional fields as it grows; a panel's fold
 * reads what is there and never throws on what is missing or of an unexpected type.
 */
type Fields = Record<string, unknown>;

function fields(event: TraceEvent): Fields {
  return event as unknown as Fields;
}

/** A string field, or `undefined` when absent or not a string. */
export function str(event: TraceEvent, name: string): string | undefined {
  const value = fields(event)[name];
  return typeof value === 'string' ? value : undefined;
}

/** A finite number field, or `undefined`. */
export function num(event: TraceEvent, name: string): number | undefined {
  const value = fields(event)[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function bool(event: TraceEvent, name: string): boolean | undefined {
  const value = fields(event)[name];
  return typeof value === 'boolean' ? value : undefined;
}

export function arr(event: TraceEvent, name: string): unknown[] | undefined {
  const value = fields(event)[name];
  return Array.isArray(value) ? value : undefined;
}

export function obj(event: TraceEvent, name: string): Fields | undefined {
  const value = fields(event)[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined;
}

/** The first string among several candidate field names (engines name the same thing differently). */
export function firstStr(event: TraceEvent, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = str(event, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function firstNum(event: TraceEvent, names: readonly string[]): number | undefined {
  for (const name of names) {
    const value = num(event, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The message an event belongs to, if it names one. */
export function msgIdOf(event: TraceEvent): string | undefined {
  return str(event, 'msgId');
}

/** Reads a field of a plain object (an element of an array field). */
export function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Fields)[name] : undefined;
}

export function fieldStr(value: unknown, name: string): string | undefined {
  const v = field(value, name);
  return typeof v === 'string' ? v : undefined;
}

export function fieldNum(value: unknown, name: string): number | undefined {
  const v = field(value, name);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Where a number on screen came from: the event's `seq` and kind, for hover text and data attributes. */
export interface Provenance {
  seq: number;
  kind: string;
  t: number;
}

export function provenance(event: TraceEvent): Provenance {
  return { seq: event.seq, kind: event.kind, t: event.t };
}

/** Index of the last element whose key is <= `value` in an array sorted by key, or -1. */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
