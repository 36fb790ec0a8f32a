/**
 * A compact trace: the same events as a `TraceEvent[]`, in typed arrays instead of one object each.
 *
 * A million events as objects cost about 300 bytes each in the page (every event its own `code` object, its
 * own strings once JSON has been parsed). Here an event is a shape number and an offset into one stream of
 * 32-bit values; its shape lists its keys in order and says how each value is kept:
 *  - `seq` is the event's index, stored nowhere;
 *  - `kind`, `code`, `true`, `false` and `null` are constants of the shape;
 *  - integers take one slot, other numbers two (the bits of a float64);
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
}

interface Shape {
  keys: string[];
  slots: Slot[];
  /** Per key: the constant when its slot is `Const`, else undefined. */
  consts: unknown[];
  /** Value slots an event of this shape takes in the stream (`Float` counts two). */
  width: number;
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
  values: Int32Array;
}

const MAX_SHAPES = 0xffff;
const CACHE_SIZE = 4096;

/** Scratch space to move a float64's bits in and out of two int32 slots. */
const floatBits = new Float64Array(1);
const floatHalves = new Int32Array(floatBits.buffer);

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
    private readonly values: Int32Array,
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

  /** Bytes the typed arrays and the string table hold (strings counted at two bytes a character). */
  get byteLength(): number {
    let chars = 0;
    for (const s of this.strings) chars += s.length;
    return this.shapeOf.byteLength + this.offsets.byteLength + this.values.byteLength + chars * 2;
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
        width: widthOf(slots),
      };
    });
    const strings = JSON.parse(data.stringsJson) as string[];
    return new PackedTrace(shapes, strings, data.shapeOf, data.offsets, data.values);
  }

  private decode(i: number): TraceEvent {
    const shape = this.shapes[this.shapeOf[i]!]!;
    const values = this.values;
    let at = this.offsets[i]!;
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
          event[keys[k]!] = values[at++];
          break;
        case Slot.Float:
          floatHalves[0] = values[at++]!;
          floatHalves[1] = values[at++]!;
          event[keys[k]!] = floatBits[0];
          break;
        case Slot.Str:
          event[keys[k]!] = this.strings[values[at++]!];
          break;
        case Slot.Json:
          event[keys[k]!] = JSON.parse(this.strings[values[at++]!]!) as unknown;
          break;
      }
    }
    return event as unknown as TraceEvent;
  }
}

/** The buffers of a {@link PackedTraceData}, to transfer instead of copy. */
export function transferList(data: PackedTraceData): ArrayBuffer[] {
  return [data.shapeOf.buffer, data.offsets.buffer, data.values.buffer] as ArrayBuffer[];
}

function widthOf(slots: readonly Slot[]): number {
  let width = 0;
  for (const s of slots)
    width += s === Slot.Float ? 2 : s === Slot.Int || s === Slot.Str || s === Slot.Json ? 1 : 0;
  return width;
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
  private values = new Int32Array(8192);
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
    this.reserve(shape.width);
    const n = this.count;
    this.shapeOf[n] = shapeId;
    this.offsets[n] = this.used;
    const values = this.values;
    let at = this.used;
    for (let k = 0; k < keys.length; k++) {
      const value = source[keys[k]!];
      switch (slots[k]) {
        case Slot.Int:
          values[at++] = value as number;
          break;
        case Slot.Float:
          floatBits[0] = value as number;
          values[at++] = floatHalves[0]!;
          values[at++] = floatHalves[1]!;
          break;
        case Slot.Str:
          values[at++] = this.stringId(value as string);
          break;
        case Slot.Json:
          values[at++] = this.stringId(JSON.stringify(value));
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
    const shape: Shape = { keys: [...keys], slots: [...slots], consts, width: widthOf(slots) };
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

  private reserve(width: number): void {
    if (this.count === this.shapeOf.length) {
      this.shapeOf = grow(this.shapeOf, new Uint16Array(this.shapeOf.length * 2));
      this.offsets = grow(this.offsets, new Uint32Array(this.offsets.length * 2));
    }
    if (this.used + width > this.values.length) {
      this.values = grow(this.values, new Int32Array(Math.max(this.values.length * 2, this.used + width)));
    }
  }
}

function grow<A extends Uint16Array | Uint32Array | Int32Array>(from: A, to: A): A {
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
