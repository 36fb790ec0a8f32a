/**
 * A compact trace: the same events as a `TraceEvent[]`, in typed arrays instead of one object each.
 *
 * A million events as objects cost about 300 bytes each in the page (every event its own `code` object, its
 * own strings once JSON has been parsed). Here an event is a shape number and an offset into one byte
 * stream of values; its shape lists its keys in order and says how each value is kept:
 *  - `seq` is the event's index, stored nowhere;
 *  - `kind`, `code`, `true`, `false` and `null` are constants of the shape;
 *  - 32-bit integers as zigzag varints (one byte up to 63, two up to 8191: most values are small), and so
 *    are numbers with three decimals (times in ms rounded to the µs, kept as µs); other numbers take the
 *    eight bytes of a float64;
 *  - strings are numbers in a table of distinct strings (msgIds, broker names, remarks repeat a lot);
 *  - arrays and objects (`skipped`, `inFlight`, route data) are their JSON text, kept as a string.
 * `at(i)` builds the event again with its keys in the same order, so `JSON.stringify(packed.at(i))` equals
 * `JSON.stringify(events[i])` byte for byte (tested). Recently built events are cached, so asking twice for
 * the same index gives the same object.
 *
 * The parts are plain typed arrays and one string, so a worker hands a finished trace to the page by
 * transferring the buffers instead of copying events ({@link PackedTrace.toTransferable}).
 */
import type { CodeRef, Trace, TraceEvent } from './types';

/** How a shape keeps one key's value. */
const enum Slot {
  /** `seq`, equal to the event's index. */
  Seq = 0,
  /** The same value for every event of the shape (`kind`, `code`, booleans, null). */
  Const = 1,
  Int = 2,
  Float = 3,
  Str = 4,
  Json = 5,
  /** A number with at most three decimals (virtual times are microsecond-rounded ms), kept as µs in one slot. */
  Micros = 6,
}

interface Shape {
  keys: string[];
  slots: Slot[];
  /** Per key: the constant when its slot is `Const`, else undefined. */
  consts: unknown[];
  /** The most bytes an event of this shape can take in the stream. */
  maxBytes: number;
  /**
   * An event of this shape with its constants in place: decoding copies it (one object of the right
   * layout, keys in order) and writes the other values in, which is several times faster than adding the
   * keys one by one.
   */
  template: Record<string, unknown>;
  /** The events' `kind`, read without decoding them. */
  kind: string;
}

function makeShape(keys: string[], slots: Slot[], consts: unknown[]): Shape {
  const template: Record<string, unknown> = {};
  keys.forEach((key, k) => (template[key] = slots[k] === Slot.Const ? consts[k] : 0));
  const kind = template.kind;
  return {
    keys,
    slots,
    consts,
    maxBytes: maxBytesOf(slots),
    template,
    kind: typeof kind === 'string' ? kind : '',
  };
}

function maxBytesOf(slots: readonly Slot[]): number {
  let bytes = 0;
  for (const s of slots) bytes += s === Slot.Float ? 8 : s === Slot.Seq || s === Slot.Const ? 0 : 5;
  return bytes;
}

/** A shape as it crosses to another thread: constants as JSON so that `code` objects survive any copy. */
interface ShapeData {
  keys: string[];
  slots: number[];
  consts: string[];
}

export interface PackedTraceData {
  shapes: ShapeData[];
  /** The string table as one JSON array: one string crosses threads faster than an array of strings. */
  stringsJson: string;
  shapeOf: Uint16Array;
  offsets: Uint32Array;
  values: Uint8Array;
}

const MAX_SHAPES = 0xffff;
const CACHE_SIZE = 4096;

/** Scratch space to move a float64's bytes in and out of the stream. */
const floatBits = new Float64Array(1);
const floatBytes = new Uint8Array(floatBits.buffer);

export class PackedTrace implements Trace {
  readonly length: number;
  private readonly cachedIndex = new Int32Array(CACHE_SIZE).fill(-1);
  private readonly cachedEvent: (TraceEvent | undefined)[] = new Array<TraceEvent | undefined>(CACHE_SIZE);

  /** Use {@link PackedTraceBuilder} or {@link packTrace}. */
  constructor(
    private readonly shapes: readonly Shape[],
    private readonly strings: readonly string[],
    private readonly shapeOf: Uint16Array,
    private readonly offsets: Uint32Array,
    private readonly values: Uint8Array,
  ) {
    this.length = shapeOf.length;
  }

  at(index: number): TraceEvent | undefined {
    const i = index < 0 ? this.length + index : index;
    if (!(i >= 0 && i < this.length) || !Number.isInteger(i)) return undefined;
    const slot = i & (CACHE_SIZE - 1);
    if (this.cachedIndex[slot] === i) return this.cachedEvent[slot];
    const event = this.decode(i);
    this.cachedIndex[slot] = i;
    this.cachedEvent[slot] = event;
    return event;
  }

  /** The `kind` of event `i` (0 <= i < length), without building the event. */
  kindAt(i: number): string {
    return this.shapes[this.shapeOf[i]!]!.kind;
  }

  /**
   * One field of event `i` (0 <= i < length), without building the event: scans over a big trace read
   * one or two fields of most events, and building each event would cost them several times more.
   */
  fieldAt(i: number, key: string): unknown {
    const slot = i & (CACHE_SIZE - 1);
    if (this.cachedIndex[slot] === i)
      return (this.cachedEvent[slot] as unknown as Record<string, unknown>)[key];
    const { keys, slots, consts } = this.shapes[this.shapeOf[i]!]!;
    const bytes = this.values;
    let at = this.offsets[i]!;
    for (let k = 0; k < keys.length; k++) {
      const kind = slots[k]!;
      if (kind === Slot.Const) {
        if (keys[k] === key) return consts[k];
        continue;
      }
      if (kind === Slot.Seq) {
        if (keys[k] === key) return i;
        continue;
      }
      if (kind === Slot.Float) {
        if (keys[k] === key) {
          for (let b = 0; b < 8; b++) floatBytes[b] = bytes[at + b]!;
          return floatBits[0];
        }
        at += 8;
        continue;
      }
      if (keys[k] !== key) {
        while (bytes[at++]! >= 0x80);
        continue;
      }
      return readVarintSlot(kind, readVarint(bytes, at), this.strings);
    }
    return undefined;
  }

  *[Symbol.iterator](): IterableIterator<TraceEvent> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /**
   * Bytes the typed arrays and the string table hold. A string counts as V8 keeps it: a 16-byte header,
   * then one byte a character when every character is Latin-1 (msgIds, names), else two.
   */
  get byteLength(): number {
    let strings = 0;
    for (const s of this.strings) strings += 16 + (isLatin1(s) ? s.length : 2 * s.length);
    return this.shapeOf.byteLength + this.offsets.byteLength + this.values.byteLength + strings;
  }

  /** The parts to post to another thread; list {@link transferList} as the transfer list. */
  toTransferable(): PackedTraceData {
    return {
      shapes: this.shapes.map((s) => ({
        keys: s.keys,
        slots: s.slots,
        consts: s.consts.map((c) => JSON.stringify(c ?? null)),
      })),
      stringsJson: JSON.stringify(this.strings),
      shapeOf: this.shapeOf,
      offsets: this.offsets,
      values: this.values,
    };
  }

  /** Rebuilds a trace from {@link toTransferable}'s parts (after a `postMessage`). */
  static fromTransferable(data: PackedTraceData): PackedTrace {
    const shapes = data.shapes.map((s) => {
      const slots = s.slots as Slot[];
      const consts = s.consts.map((c, k) =>
        slots[k] === Slot.Const ? (JSON.parse(c) as unknown) : undefined,
      );
      return makeShape(s.keys, slots, consts);
    });
    const strings = JSON.parse(data.stringsJson) as string[];
    return new PackedTrace(shapes, strings, data.shapeOf, data.offsets, data.values);
  }

  private decode(i: number): TraceEvent {
    const shape = this.shapes[this.shapeOf[i]!]!;
    const bytes = this.values;
    let at = this.offsets[i]!;
    const event = { ...shape.template };
    const { keys, slots } = shape;
    for (let k = 0; k < keys.length; k++) {
      const slot = slots[k]!;
      if (slot === Slot.Const) continue;
      if (slot === Slot.Seq) {
        event[keys[k]!] = i;
        continue;
      }
      if (slot === Slot.Float) {
        for (let b = 0; b < 8; b++) floatBytes[b] = bytes[at++]!;
        event[keys[k]!] = floatBits[0];
        continue;
      }
      // Every other slot is one varint.
      event[keys[k]!] = readVarintSlot(slot, readVarint(bytes, at), this.strings);
      at = varintEnd;
    }
    return event as unknown as TraceEvent;
  }
}

/** Where the last {@link readVarint} stopped: the byte after the varint. */
let varintEnd = 0;

/** The unsigned varint at `at` (seven bits a byte, low bits first); sets {@link varintEnd}. */
function readVarint(bytes: Uint8Array, at: number): number {
  let byte = bytes[at++]!;
  let n = byte & 0x7f;
  for (let shift = 7; byte >= 0x80; shift += 7) {
    byte = bytes[at++]!;
    n += (byte & 0x7f) * 2 ** shift;
  }
  varintEnd = at;
  return n;
}

/** The value of a slot kept as one varint `n`. */
function readVarintSlot(slot: Slot, n: number, strings: readonly string[]): unknown {
  switch (slot) {
    case Slot.Int:
      return unzigzag(n);
    case Slot.Micros:
      return unzigzag(n) / 1000;
    case Slot.Str:
      return strings[n];
    case Slot.Json:
      return JSON.parse(strings[n]!) as unknown;
    default:
      return undefined;
  }
}

function isLatin1(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Signed 32-bit integers as unsigned, small magnitudes small: 0, -1, 1, -2 -> 0, 1, 2, 3. */
function zigzag(n: number): number {
  return ((n << 1) ^ (n >> 31)) >>> 0;
}

function unzigzag(n: number): number {
  return (n >>> 1) ^ -(n & 1);
}

/** The buffers of a {@link PackedTraceData}, to transfer instead of copy. */
export function transferList(data: PackedTraceData): ArrayBuffer[] {
  return [data.shapeOf.buffer, data.offsets.buffer, data.values.buffer] as ArrayBuffer[];
}

const isInt32 = (v: number) => (v | 0) === v && !Object.is(v, -0);
/** A number kept exactly as a whole number of µs in 32 bits. */
const isMicros = (v: number) => {
  const micros = Math.round(v * 1000);
  return (micros | 0) === micros && micros / 1000 === v;
};

/** The smallest slot that keeps `value` (the first event of a shape decides its slots). */
function slotOf(key: string, value: unknown, index: number): Slot {
  if (key === 'seq' && value === index) return Slot.Seq;
  if (key === 'kind' || key === 'code' || value === null || typeof value === 'boolean') return Slot.Const;
  if (typeof value === 'number')
    return isInt32(value) ? Slot.Int : isMicros(value) ? Slot.Micros : Slot.Float;
  if (typeof value === 'string') return Slot.Str;
  return Slot.Json;
}

/** Whether `value` can be kept in `slot` of a shape (a wider slot than its own is fine). */
function fits(slot: Slot, constant: unknown, key: string, value: unknown, index: number): boolean {
  switch (slot) {
    case Slot.Seq:
      return value === index;
    case Slot.Const:
      // `kind` and `code` were matched when the shape was looked up.
      return key === 'kind' || key === 'code' || value === constant;
    case Slot.Int:
      return typeof value === 'number' && isInt32(value);
    case Slot.Micros:
      return typeof value === 'number' && isMicros(value);
    case Slot.Float:
      return typeof value === 'number';
    case Slot.Str:
      return typeof value === 'string';
    case Slot.Json:
      return typeof value === 'object' && value !== null;
  }
}

/** Appends events one at a time; `build` seals them into a trace. */
export class PackedTraceBuilder {
  private readonly shapes: Shape[] = [];
  /** Shapes by `kind` and `code`: the few an event can have, tried in turn. */
  private readonly shapesByName = new Map<string, number[]>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private shapeOf = new Uint16Array(1024);
  private offsets = new Uint32Array(1024);
  private values = new Uint8Array(32_768);
  private count = 0;
  private used = 0;

  get length(): number {
    return this.count;
  }

  push(event: TraceEvent): void {
    const source = event as unknown as Record<string, unknown>;
    const index = this.count;
    const shapeId = this.shapeFor(source, index);
    const shape = this.shapes[shapeId]!;
    this.reserve(shape.maxBytes);
    this.shapeOf[index] = shapeId;
    this.offsets[index] = this.used;
    const bytes = this.values;
    let at = this.used;
    const { keys, slots } = shape;
    for (let k = 0; k < keys.length; k++) {
      const slot = slots[k]!;
      if (slot === Slot.Seq || slot === Slot.Const) continue;
      const value = source[keys[k]!];
      if (slot === Slot.Float) {
        floatBits[0] = value as number;
        for (let b = 0; b < 8; b++) bytes[at++] = floatBytes[b]!;
        continue;
      }
      let n =
        slot === Slot.Int
          ? zigzag(value as number)
          : slot === Slot.Micros
            ? zigzag(Math.round((value as number) * 1000))
            : this.stringId(slot === Slot.Str ? (value as string) : JSON.stringify(value));
      while (n >= 0x80) {
        bytes[at++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      bytes[at++] = n;
    }
    this.used = at;
    this.count = index + 1;
  }

  build(): PackedTrace {
    return new PackedTrace(
      this.shapes,
      this.strings,
      this.shapeOf.slice(0, this.count),
      this.offsets.slice(0, this.count),
      this.values.slice(0, this.used),
    );
  }

  private shapeFor(source: Record<string, unknown>, index: number): number {
    const code = source.code as Partial<CodeRef> | undefined;
    const name = `${String(source.kind)}\u0001${String(code?.cls)}\u0001${String(code?.method)}`;
    let candidates = this.shapesByName.get(name);
    if (candidates === undefined) this.shapesByName.set(name, (candidates = []));
    for (const id of candidates) if (this.matches(this.shapes[id]!, source, index)) return id;
    const id = this.newShape(source, index);
    candidates.push(id);
    return id;
  }

  /** Whether the event has the shape's keys in the shape's order, each value fitting its slot. */
  private matches(shape: Shape, source: Record<string, unknown>, index: number): boolean {
    const { keys, slots, consts } = shape;
    let k = 0;
    for (const key in source) {
      const value = source[key];
      // A key whose value is undefined is not in the event's JSON, so it is not kept either.
      if (value === undefined) continue;
      if (keys[k] !== key || !fits(slots[k]!, consts[k], key, value, index)) return false;
      k++;
    }
    return k === keys.length;
  }

  private newShape(source: Record<string, unknown>, index: number): number {
    if (this.shapes.length >= MAX_SHAPES) throw new Error(`a trace has more than ${MAX_SHAPES} event shapes`);
    const keys = Object.keys(source).filter((key) => source[key] !== undefined);
    const slots = keys.map((key) => slotOf(key, source[key], index));
    // Constants are copied through JSON: the packed trace shares no object with the engine.
    const consts = keys.map((key, k) =>
      slots[k] === Slot.Const ? (JSON.parse(JSON.stringify(source[key])) as unknown) : undefined,
    );
    this.shapes.push(makeShape(keys, slots, consts));
    return this.shapes.length - 1;
  }

  private stringId(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  private reserve(maxBytes: number): void {
    if (this.count === this.shapeOf.length) {
      this.shapeOf = grow(this.shapeOf, new Uint16Array(this.shapeOf.length * 2));
      this.offsets = grow(this.offsets, new Uint32Array(this.offsets.length * 2));
    }
    if (this.used + maxBytes > this.values.length) {
      this.values = grow(this.values, new Uint8Array(Math.max(this.values.length * 2, this.used + maxBytes)));
    }
  }
}

function grow<A extends Uint8Array | Uint16Array | Uint32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/** Packs events that are already objects (a trace from Node, a test's hand-written trace). */
export function packTrace(events: Trace): PackedTrace {
  if (events instanceof PackedTrace) return events;
  const builder = new PackedTraceBuilder();
  for (let i = 0; i < events.length; i++) builder.push(events.at(i)!);
  return builder.build();
}
