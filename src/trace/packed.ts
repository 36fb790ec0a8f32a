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

  *[Symbol.iterator](): IterableIterator<TraceEvent> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  /**
   * Bytes the typed arrays and the string table hold. A string counts as V8 keeps it: a 16-byte header,
   * then one byte a character when every character is Latin-1 (msgIds, names), else two.
   */
  get byteLength(): number {
    let strings = 0;
    for (const s of this.strings) strings += 16 + (/^[\u0000-\u00ff]*$/.test(s) ? s.length : 2 * s.length);
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
      return {
        keys: s.keys,
        slots,
        consts: s.consts.map((c, k) => (slots[k] === Slot.Const ? (JSON.parse(c) as unknown) : undefined)),
        maxBytes: maxBytesOf(slots),
      };
    });
    const strings = JSON.parse(data.stringsJson) as string[];
    return new PackedTrace(shapes, strings, data.shapeOf, data.offsets, data.values);
  }

  private decode(i: number): TraceEvent {
    const shape = this.shapes[this.shapeOf[i]!]!;
    const bytes = this.values;
    let at = this.offsets[i]!;
    /** The next varint of the stream, as an unsigned 32-bit number. */
    const next = (): number => {
      let value = 0;
      let shift = 0;
      for (;;) {
        const byte = bytes[at++]!;
        value += (byte & 0x7f) * 2 ** shift;
        if (byte < 0x80) return value;
        shift += 7;
      }
    };
    const event: Record<string, unknown> = {};
    const { keys, slots, consts } = shape;
    for (let k = 0; k < keys.length; k++) {
      switch (slots[k]) {
        case Slot.Seq:
          event[keys[k]!] = i;
          break;
        case Slot.Const:
          event[keys[k]!] = consts[k];
          break;
        case Slot.Int:
          event[keys[k]!] = unzigzag(next());
          break;
        case Slot.Micros:
          event[keys[k]!] = unzigzag(next()) / 1000;
          break;
        case Slot.Float:
          for (let b = 0; b < 8; b++) floatBytes[b] = bytes[at++]!;
          event[keys[k]!] = floatBits[0];
          break;
        case Slot.Str:
          event[keys[k]!] = this.strings[next()];
          break;
        case Slot.Json:
          event[keys[k]!] = JSON.parse(this.strings[next()]!) as unknown;
          break;
      }
    }
    return event as unknown as TraceEvent;
  }
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

function maxBytesOf(slots: readonly Slot[]): number {
  let bytes = 0;
  for (const s of slots) bytes += s === Slot.Float ? 8 : s === Slot.Seq || s === Slot.Const ? 0 : 5;
  return bytes;
}

/** Appends events one at a time (the worker packs as the engine emits); `build` seals them into a trace. */
export class PackedTraceBuilder {
  private readonly shapes: Shape[] = [];
  private readonly shapeIds = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** `code` objects by identity: the engine shares one per call site, so most lookups end here. */
  private readonly codeKeys = new Map<CodeRef, string>();
  private shapeOf = new Uint16Array(1024);
  private offsets = new Uint32Array(1024);
  private values = new Uint8Array(32_768);
  private count = 0;
  private used = 0;
  /** Reused per event: each key's slot and the event's values in order. */
  private readonly scratchSlots: Slot[] = [];

  get length(): number {
    return this.count;
  }

  push(event: TraceEvent): void {
    const source = event as unknown as Record<string, unknown>;
    // A key whose value is undefined is not in the event's JSON, so it is not kept either.
    const keys = Object.keys(event).filter((key) => source[key] !== undefined);
    const slots = this.scratchSlots;
    slots.length = 0;
    let signature = '';
    for (const key of keys) {
      const value = source[key];
      const slot = this.slotOf(key, value, this.count);
      slots.push(slot);
      // The signature names the shape: keys, slots, and the constants' values.
      signature += `${key}\u0001${slot}\u0001${slot === Slot.Const ? this.constKey(value) : ''}\u0002`;
    }
    const shapeId = this.shapeFor(signature, keys, slots, source);
    const shape = this.shapes[shapeId]!;
    this.reserve(shape.maxBytes);
    const n = this.count;
    this.shapeOf[n] = shapeId;
    this.offsets[n] = this.used;
    const bytes = this.values;
    let at = this.used;
    const put = (unsigned: number) => {
      let n = unsigned;
      while (n >= 0x80) {
        bytes[at++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      bytes[at++] = n;
    };
    for (let k = 0; k < keys.length; k++) {
      const value = source[keys[k]!];
      switch (slots[k]) {
        case Slot.Int:
          put(zigzag(value as number));
          break;
        case Slot.Micros:
          put(zigzag(Math.round((value as number) * 1000)));
          break;
        case Slot.Float:
          floatBits[0] = value as number;
          for (let b = 0; b < 8; b++) bytes[at++] = floatBytes[b]!;
          break;
        case Slot.Str:
          put(this.stringId(value as string));
          break;
        case Slot.Json:
          put(this.stringId(JSON.stringify(value)));
          break;
        default:
          break;
      }
    }
    this.used = at;
    this.count = n + 1;
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

  private slotOf(key: string, value: unknown, index: number): Slot {
    if (key === 'seq' && value === index) return Slot.Seq;
    if (key === 'kind' || key === 'code' || value === null || typeof value === 'boolean') return Slot.Const;
    if (typeof value === 'number')
      return (value | 0) === value && !Object.is(value, -0) ? Slot.Int : Slot.Float;
    if (typeof value === 'string') return Slot.Str;
    return Slot.Json;
  }

  private constKey(value: unknown): string {
    if (typeof value === 'object' && value !== null) {
      const code = value as CodeRef;
      let key = this.codeKeys.get(code);
      if (key === undefined) {
        key = JSON.stringify(value);
        this.codeKeys.set(code, key);
      }
      return key;
    }
    return JSON.stringify(value);
  }

  private shapeFor(
    signature: string,
    keys: string[],
    slots: Slot[],
    source: Record<string, unknown>,
  ): number {
    const known = this.shapeIds.get(signature);
    if (known !== undefined) return known;
    if (this.shapes.length >= MAX_SHAPES) throw new Error(`a trace has more than ${MAX_SHAPES} event shapes`);
    const id = this.shapes.length;
    // Constants are copied through JSON: the packed trace shares no object with the engine.
    const consts = keys.map((key, k) =>
      slots[k] === Slot.Const ? (JSON.parse(JSON.stringify(source[key] ?? null)) as unknown) : undefined,
    );
    const shape: Shape = { keys: [...keys], slots: [...slots], consts, maxBytes: maxBytesOf(slots) };
    this.shapes.push(shape);
    this.shapeIds.set(signature, id);
    return id;
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
