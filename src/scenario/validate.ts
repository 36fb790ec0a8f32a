/**
 * Validation of scenarios: `parseScenario` for a value, `parseScenarioText` for JSON text. Both return every
 * problem with its JSON path (`brokers[1].sendThreadPoolQueueCapacity`) and a message saying what is
 * allowed, and both never throw, whatever the input: hostile input (deep nesting, `__proto__` keys, huge
 * arrays, getters that throw, cycles) gives errors, never an exception or a polluted prototype.
 *
 * A scenario that passes is within SCENARIO_CAPS and internally consistent (every name it refers to
 * exists), so the engine can run it without checks of its own.
 */
import type { ZodIssue } from 'zod';
import {
  BROKER_DEFAULTS,
  PRODUCER_DEFAULTS,
  brokerNodeId,
  parseOrderTopicConf,
  resolveScenario,
  type ResolvedScenario,
  type SettingInfo,
} from './defaults';
import {
  codedText,
  nounFor,
  readSaid,
  type CodedMessage,
  type Found,
  type ScenarioErrorCode,
  type ScenarioErrorParams,
} from './errorCodes';
import { SCENARIO_CAPS, ScenarioSchema, type Scenario, type ScenarioVersion } from './schema';

/**
 * One problem: where (`path`), what as data (`code`, `params`, and what was found, `got`, for the page to
 * translate), and the English text (`message`, what `npm run sim` prints).
 */
export interface ScenarioError extends CodedMessage {
  /** JSON path of the offending value, e.g. `brokers[1].sendThreadPoolQueueCapacity`; '' is the whole scenario. */
  path: string;
  /** English: `codedText(error)`. */
  message: string;
}

/** An error with its English message written from its code. */
export function scenarioError(
  path: string,
  code: ScenarioErrorCode,
  params: ScenarioErrorParams = {},
  more: { got?: Found; detail?: CodedMessage } = {},
): ScenarioError {
  const coded: CodedMessage = { code, params };
  if (more.got) coded.got = more.got;
  if (more.detail) coded.detail = more.detail;
  return { path, message: codedText(coded), ...coded };
}

export type ParseResult = { ok: true; scenario: ResolvedScenario } | { ok: false; errors: ScenarioError[] };

type PathPart = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['brokers', 1, 'name'] -> `brokers[1].name`; keys that are not identifiers are quoted: `a["x y"]`. */
export function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** One line per error, for a terminal: `brokers[1].name: must be ...`. */
export function formatScenarioErrors(errors: readonly Pick<ScenarioError, 'path' | 'message'>[]): string {
  return errors.map((e) => `${e.path === '' ? '(scenario)' : e.path}: ${e.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Entry points.

/** Validates a value (already parsed from JSON, or built in code) and fills in every default. Never throws. */
export function parseScenario(input: unknown): ParseResult {
  try {
    const copied = copyInput(input);
    if (!copied.ok) return { ok: false, errors: copied.errors };
    const parsed = ScenarioSchema.safeParse(copied.value, { reportInput: true });
    if (!parsed.success) return { ok: false, errors: capErrors(parsed.error.issues.flatMap(issueToErrors)) };
    const errors = crossCheck(parsed.data);
    if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
    return { ok: true, scenario: resolveScenario(parsed.data) };
  } catch (e) {
    // Only reachable with exotic JavaScript input (a Proxy or a getter that throws); JSON never gets here.
    return {
      ok: false,
      errors: [scenarioError('', 'input.unreadable', { detail: describeThrown(e) })],
    };
  }
}

/** Validates JSON text. Syntax errors and duplicate keys are reported with line and column. Never throws. */
export function parseScenarioText(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return { ok: false, errors: [scenarioError('', 'input.notText')] };
    if (text.length > SCENARIO_CAPS.maxJsonChars) {
      return {
        ok: false,
        errors: [
          scenarioError('', 'input.textTooLong', { length: text.length, max: SCENARIO_CAPS.maxJsonChars }),
        ],
      };
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark from some editors
    const problem = checkJsonText(body);
    if (problem) {
      const { line, column } = lineAndColumn(body, problem.offset);
      return {
        ok: false,
        errors: [
          scenarioError(
            problem.path,
            'json.invalid',
            { line, column },
            { detail: { code: problem.code, params: problem.params } },
          ),
        ],
      };
    }
    return parseScenario(JSON.parse(body) as unknown);
  } catch (e) {
    return { ok: false, errors: [scenarioError('', 'input.textUnreadable', { detail: describeThrown(e) })] };
  }
}

function describeThrown(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

function capErrors(errors: ScenarioError[]): ScenarioError[] {
  const max = SCENARIO_CAPS.maxErrors;
  if (errors.length <= max) return errors;
  return [...errors.slice(0, max), scenarioError('', 'input.moreErrors', { n: errors.length - max })];
}

// ---------------------------------------------------------------------------------------------------------
// A defensive copy of the input: own enumerable keys only, into objects without a prototype, within the
// depth and size caps. Getters run once, here; cycles end at the depth cap; nothing is ever assigned to
// a prototype.

interface PathNode {
  parent: PathNode | null;
  key: PathPart;
}

function pathOf(node: PathNode | null): string {
  const parts: PathPart[] = [];
  for (let n = node; n; n = n.parent) parts.push(n.key);
  return formatPath(parts.reverse());
}

/** The longest list a valid scenario can hold (workload[].timesMs). */
const LONGEST_LIST = Math.max(
  SCENARIO_CAPS.maxTimesPerWorkload,
  SCENARIO_CAPS.maxKeysPerWorkload,
  SCENARIO_CAPS.maxBrokers,
  SCENARIO_CAPS.maxFaults,
);

type CopyResult = { ok: true; value: unknown } | { ok: false; errors: ScenarioError[] };

function copyInput(input: unknown): CopyResult {
  const root: { value: unknown } = { value: undefined };
  const stack: { src: unknown; assign: (v: unknown) => void; depth: number; path: PathNode | null }[] = [
    { src: input, assign: (v) => (root.value = v), depth: 0, path: null },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { src, assign, depth, path } = frame;
    if (++nodes > SCENARIO_CAPS.maxNodes) {
      return {
        ok: false,
        errors: [scenarioError('', 'input.tooManyValues', { max: SCENARIO_CAPS.maxNodes })],
      };
    }
    if (src === null || typeof src !== 'object') {
      assign(src);
      continue;
    }
    if (depth >= SCENARIO_CAPS.maxDepth) {
      return {
        ok: false,
        errors: [scenarioError(pathOf(path), 'input.tooDeep', { max: SCENARIO_CAPS.maxDepth })],
      };
    }
    if (Array.isArray(src)) {
      const length = src.length;
      if (length > LONGEST_LIST) {
        return {
          ok: false,
          errors: [scenarioError(pathOf(path), 'input.listTooLong', { length, max: LONGEST_LIST })],
        };
      }
      const out = new Array<unknown>(length);
      assign(out);
      for (let i = length - 1; i >= 0; i--) {
        stack.push({
          src: src[i],
          assign: (v) => (out[i] = v),
          depth: depth + 1,
          path: { parent: path, key: i },
        });
      }
      continue;
    }
    const out = Object.create(null) as Record<string, unknown>;
    assign(out);
    const keys = Object.keys(src);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const value = (src as Record<string, unknown>)[key];
      stack.push({
        src: value,
        assign: (v) =>
          Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true }),
        depth: depth + 1,
        path: { parent: path, key },
      });
    }
  }
  return { ok: true, value: root.value };
}

// ---------------------------------------------------------------------------------------------------------
// Zod issues -> errors.

/** What a value was, as a message says it: `-5`, `"lots"`, `a list of 3 items`. */
function preview(value: unknown): Found {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { kind: 'value', value: 'null' };
  if (typeof value === 'string') {
    return { kind: 'value', value: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) };
  }
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value: String(value) };
  if (typeof value === 'bigint') return { kind: 'value', value: `${String(value)}n` };
  if (Array.isArray(value)) return { kind: 'list', n: value.length };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: 'type', type: typeof value };
}

function got(iss: ZodIssue): Found | undefined {
  const input = (iss as { input?: unknown }).input;
  const received = (iss as { received?: unknown }).received;
  if (iss.code === 'invalid_type') {
    if (
      typeof received === 'string' &&
      (received === 'NaN' || received === 'Infinity' || received === '-Infinity')
    ) {
      return { kind: 'value', value: received };
    }
    return input === undefined ? { kind: 'missing' } : preview(input);
  }
  if (iss.code === 'invalid_value' && input === undefined) return { kind: 'missing' };
  if (iss.code === 'too_small' || iss.code === 'too_big') {
    return Array.isArray(input) ? { kind: 'items', n: input.length } : preview(input);
  }
  if (iss.code === 'invalid_format' || iss.code === 'invalid_value' || iss.code === 'not_multiple_of') {
    return preview(input);
  }
  if (iss.code === 'invalid_union' && 'discriminator' in iss) {
    const container = input as Record<string, unknown> | null;
    const kind =
      container && typeof container === 'object' ? container[String(iss.discriminator)] : undefined;
    return kind === undefined ? { kind: 'missing' } : preview(kind);
  }
  if (iss.code === 'invalid_union') return preview(input);
  return undefined;
}

function issueToErrors(iss: ZodIssue): ScenarioError[] {
  const path = iss.path.filter((p): p is PathPart => typeof p === 'string' || typeof p === 'number');
  // Every schema message is made by `said`; a zod default ("Invalid input") would mean a schema without
  // one, and is still shown rather than lost.
  const decoded = readSaid(iss.message);
  if (iss.code === 'unrecognized_keys') {
    return iss.keys.map((key) =>
      decoded
        ? scenarioError(formatPath([...path, key]), decoded.code, decoded.params)
        : scenarioError(formatPath([...path, key]), 'schema.other', {
            detail: `unknown key; ${iss.message}`,
          }),
    );
  }
  const found = got(iss);
  const more = found ? { got: found } : {};
  return [
    decoded
      ? scenarioError(formatPath(path), decoded.code, decoded.params, more)
      : scenarioError(formatPath(path), 'schema.other', { detail: iss.message }, more),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Checks across fields.

function versionGate(
  errors: ScenarioError[],
  table: Readonly<Record<string, SettingInfo<unknown>>>,
  given: Readonly<Record<string, unknown>> | undefined,
  version: ScenarioVersion,
  prefix: PathPart[],
): void {
  if (!given) return;
  for (const [key, value] of Object.entries(given)) {
    const info = table[key];
    if (value === undefined || !info || info.availableIn.includes(version)) continue;
    const [first = '', ...rest] = info.availableIn;
    // "Class.field (4.5.2: what that version has instead)": the note is prose, translated as a noun.
    const noted = /^(.*?) \((.*)\)$/.exec(info.upstream);
    const params: Record<string, string> = { version, first, upstream: noted?.[1] ?? info.upstream };
    if (rest.length > 0) params.second = rest.join(' and ');
    if (noted) params.note = nounFor(noted[2] ?? '');
    const code =
      rest.length === 0
        ? noted
          ? 'version.onlyOneNoted'
          : 'version.onlyOne'
        : noted
          ? 'version.onlyTwoNoted'
          : 'version.onlyTwo';
    errors.push(scenarioError(formatPath([...prefix, key]), code, params));
  }
}

function listNames(names: Iterable<string>): string {
  const all = [...names];
  const shown = all.slice(0, 20).join(', ');
  return all.length > 20 ? `${shown}, …` : shown;
}

function crossCheck(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const err = (path: PathPart[], code: ScenarioErrorCode, params: ScenarioErrorParams = {}) =>
    errors.push(scenarioError(formatPath(path), code, params));
  const v = s.rocketmqVersion;
  const C = SCENARIO_CAPS;

  // Settings that exist only in some versions.
  versionGate(errors, PRODUCER_DEFAULTS, s.producer, v, ['producer']);
  s.brokers.forEach((b, i) => versionGate(errors, BROKER_DEFAULTS, b, v, ['brokers', i]));

  // Brokers: roles and ids, unique (name, brokerId), addresses.
  const nodeIds = new Map<string, number>(); // node id -> index
  const groups = new Set<string>();
  const addresses = new Map<string, string>(); // address -> who
  if (s.nameServer?.address) addresses.set(s.nameServer.address, 'nameServer');
  s.brokers.forEach((b, i) => {
    const role = b.role ?? 'ASYNC_MASTER';
    if (b.name === 'producer' || b.name === 'namesrv') {
      err(['brokers', i, 'name'], 'broker.endpointName', { name: b.name });
    }
    if (role === 'SLAVE' && (b.brokerId === undefined || b.brokerId === 0)) {
      err(['brokers', i, 'brokerId'], 'broker.slaveId');
    }
    if (role !== 'SLAVE' && b.brokerId !== undefined && b.brokerId !== 0) {
      err(['brokers', i, 'brokerId'], 'broker.masterId', { role });
    }
    const brokerId = b.brokerId ?? 0;
    const id = brokerNodeId(b.name, brokerId);
    const earlier = nodeIds.get(id);
    if (earlier !== undefined) {
      err(['brokers', i, 'name'], 'broker.duplicate', { earlier, name: b.name, brokerId });
    } else nodeIds.set(id, i);
    groups.add(b.name);
    const addr = b.address ?? `10.0.0.${i + 1}:10911`;
    const owner = addresses.get(addr);
    if (owner !== undefined) {
      err(['brokers', i, 'address'], 'broker.addressUsed', { address: addr, owner });
    } else addresses.set(addr, `brokers[${i}]`);
  });

  const brokerList = () => listNames(nodeIds.keys());
  const checkBrokerRef = (ref: string, path: PathPart[]) => {
    if (nodeIds.has(ref)) return;
    if (groups.has(ref)) {
      err(path, 'broker.groupNoMaster', { name: ref });
    } else err(path, 'broker.unknown', { name: ref, names: brokerList() });
  };
  const checkLink = (pair: readonly [string, string], path: PathPart[]) => {
    pair.forEach((end, k) => {
      if (end !== 'producer' && end !== 'namesrv') checkBrokerRef(end, [...path, k]);
    });
    if (pair[0] === pair[1]) err(path, 'link.sameEnds', { name: pair[0] });
  };

  // Topics.
  const topicNames = new Map<string, number>();
  let totalQueues = 0;
  (s.topics ?? []).forEach((t, i) => {
    const earlier = topicNames.get(t.name);
    if (earlier !== undefined) err(['topics', i, 'name'], 'topic.duplicate', { earlier, name: t.name });
    else topicNames.set(t.name, i);
    if (t.name === 'TBW102') {
      err(['topics', i, 'name'], 'topic.tbw102');
    }
    const holders = new Set<string>();
    (t.brokers ?? []).forEach((name, k) => {
      if (!groups.has(name))
        err(['topics', i, 'brokers', k], 'topic.unknownGroup', { name, names: listNames(groups) });
      else if (holders.has(name)) err(['topics', i, 'brokers', k], 'topic.listedTwice', { name });
      holders.add(name);
    });
    const perBroker = Math.max(t.readQueueNums ?? 8, t.writeQueueNums ?? 8);
    totalQueues += perBroker * (t.brokers ? holders.size : groups.size);
    if (t.orderTopicConf !== undefined) {
      if (!s.nameServer?.orderMessageEnable) {
        err(['topics', i, 'orderTopicConf'], 'topic.orderNeedsNameServer');
      }
      const seen = new Set<string>();
      for (const { brokerName, queueNums } of parseOrderTopicConf(t.orderTopicConf)) {
        if (!groups.has(brokerName)) {
          err(['topics', i, 'orderTopicConf'], 'topic.unknownGroup', {
            name: brokerName,
            names: listNames(groups),
          });
        } else if (seen.has(brokerName))
          err(['topics', i, 'orderTopicConf'], 'topic.orderTwice', { name: brokerName });
        if (queueNums < 1 || queueNums > C.maxQueuesPerTopic) {
          err(['topics', i, 'orderTopicConf'], 'topic.orderQueues', {
            name: brokerName,
            n: queueNums,
            max: C.maxQueuesPerTopic,
          });
        }
        seen.add(brokerName);
      }
    }
  });

  // Network links.
  const pairs = new Map<string, number>();
  (s.network?.links ?? []).forEach((l, i) => {
    checkLink(l.between, ['network', 'links', i, 'between']);
    const key = [...l.between].sort().join('\u0000');
    const earlier = pairs.get(key);
    if (earlier !== undefined) {
      err(['network', 'links', i, 'between'], 'link.duplicate', { earlier });
    } else pairs.set(key, i);
  });

  // Workload.
  let totalMessages = 0;
  (s.workload ?? []).forEach((w, i) => {
    const given = (['ratePerSecond', 'intervalMs', 'timesMs'] as const).filter((k) => w[k] !== undefined);
    if (given.length > 1) {
      const [first = '', second = '', third] = given;
      if (third === undefined) err(['workload', i, second], 'workload.twoSchedules', { first, second });
      else err(['workload', i, second], 'workload.threeSchedules', { first, second, third });
    }
    if (w.count === undefined && w.timesMs === undefined) {
      err(['workload', i, 'count'], 'workload.countRequired', { max: C.maxMessages });
    }
    if (w.count !== undefined && w.timesMs !== undefined && w.count !== w.timesMs.length) {
      err(['workload', i, 'count'], 'workload.countMismatch', { n: w.timesMs.length });
    }
    if (w.key !== undefined && w.keys !== undefined) err(['workload', i, 'keys'], 'workload.keyAndKeys');
    if (w.selector === 'hash' && w.key === undefined && w.keys === undefined) {
      err(['workload', i, 'selector'], 'workload.hashNeedsKey');
    }
    const count = w.count ?? w.timesMs?.length ?? 0;
    totalMessages += count;
    const start = w.startAtMs ?? 0;
    const last =
      w.timesMs !== undefined
        ? start + w.timesMs.reduce((max, t) => (t > max ? t : max), 0)
        : w.ratePerSecond !== undefined
          ? start + ((count - 1) * 1000) / w.ratePerSecond
          : start + (count - 1) * (w.intervalMs ?? 0);
    if (given.length <= 1 && last > C.maxTimeMs) {
      err(['workload', i], 'workload.pastCap', { at: Math.round(last), max: C.maxTimeMs });
    }
  });
  if (totalMessages > C.maxMessages) {
    err(['workload'], 'workload.totalMessages', { n: totalMessages, max: C.maxMessages });
  }
  const totalThreads = (s.workload ?? []).reduce((n, w) => n + (w.threads ?? 1), 0);
  if (totalThreads > C.maxSendingThreads) {
    err(['workload'], 'workload.totalThreads', { n: totalThreads, max: C.maxSendingThreads });
  }

  // Queues: declared topics, plus TBW102 and what auto-creation may add (producer.defaultTopicQueueNums,
  // capped by each broker's TBW102 size, on every master that offers TBW102).
  if (totalQueues > C.maxTotalQueues) {
    err(['topics'], 'topics.totalQueues', { n: totalQueues, max: C.maxTotalQueues });
  } else {
    const masters = s.brokers.filter(
      (b) => (b.role ?? 'ASYNC_MASTER') !== 'SLAVE' && b.autoCreateTopicEnable !== false,
    );
    const tbw102 = masters.reduce((n, b) => n + (b.defaultTopicQueueNums ?? 8), 0);
    const perAutoTopic = masters.reduce(
      (n, b) => n + Math.min(s.producer?.defaultTopicQueueNums ?? 4, b.defaultTopicQueueNums ?? 8),
      0,
    );
    const undeclared = new Set((s.workload ?? []).map((w) => w.topic).filter((t) => !topicNames.has(t)));
    const withAuto = totalQueues + tbw102 + undeclared.size * perAutoTopic;
    if (withAuto > C.maxTotalQueues) {
      err(['workload'], 'workload.autoQueues', {
        n: withAuto,
        undeclared: undeclared.size,
        max: C.maxTotalQueues,
      });
    }
  }

  // Faults.
  (s.faults ?? []).forEach((f, i) => {
    if (f.kind === 'slow') {
      if ((f.broker === undefined) === (f.link === undefined)) {
        err(['faults', i], 'fault.slowTarget');
      }
      if (f.broker !== undefined) checkBrokerRef(f.broker, ['faults', i, 'broker']);
      if (f.link !== undefined) checkLink(f.link, ['faults', i, 'link']);
    } else if (f.kind === 'partition' || f.kind === 'heal') {
      checkLink(f.link, ['faults', i, 'link']);
    } else {
      checkBrokerRef(f.broker, ['faults', i, 'broker']);
    }
  });

  return errors;
}

// ---------------------------------------------------------------------------------------------------------
// JSON text: a syntax check that reports where the problem is (JSON.parse's messages differ between
// engines and some omit the position) and refuses duplicate keys, which JSON.parse would silently merge.

interface TextProblem {
  offset: number;
  /** What is wrong, as data (a `jsonDetail.*` code) and in English. */
  code: ScenarioErrorCode;
  params: ScenarioErrorParams;
  message: string;
  path: string;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

type Suffix<S, P extends string> = S extends `${P}${infer R}` ? R : never;

const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

type Container =
  | { kind: 'object'; keys: Set<string>; path: PathNode | null }
  | { kind: 'array'; index: number; path: PathNode | null };

/** The first syntax error or duplicate key in JSON text, or null when the text is valid JSON without duplicates. */
export function checkJsonText(text: string): TextProblem | null {
  const n = text.length;
  let i = 0;
  const stack: Container[] = [];
  let valuePath: PathNode | null = null;
  const problem = (
    detail: Suffix<ScenarioErrorCode, 'jsonDetail.'>,
    params: ScenarioErrorParams = {},
    at = i,
    path = '',
  ): TextProblem => {
    const code: ScenarioErrorCode = `jsonDetail.${detail}`;
    return { offset: at, code, params, message: codedText({ code, params }), path };
  };
  /** The character at `at` as a message shows it (`{found}`): quoted, or the noun for the end. */
  const describe = (at: number) => ({
    found: at >= n ? 'endOfText' : `'${text[at] === '\n' ? '\\n' : text[at]}'`,
  });
  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  /** Scans a string starting at the opening quote; returns its end (after the closing quote) or a problem. */
  const scanString = (): number | TextProblem => {
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 34) return j + 1;
      if (c === 92) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return problem('hexEscape', {}, j);
          j += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) j += 2;
        else return problem('badEscape', { char: e ?? '' }, j);
      } else if (c < 32) return problem('controlChar', {}, j);
      else j++;
    }
    return problem('unclosedString', {}, i);
  };

  type State = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'after';
  let state: State = 'value';
  for (;;) {
    skipWs();
    if (state === 'value' || state === 'valueOrEnd') {
      const top = stack[stack.length - 1];
      if (state === 'valueOrEnd' && text[i] === ']') {
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (i >= n) return problem('endInsteadOfValue');
      const c = text[i];
      if (top?.kind === 'array' && c === ']') {
        return problem('trailingCommaItem');
      }
      if (stack.length >= SCENARIO_CAPS.maxDepth) {
        if (c === '{' || c === '[') return problem('tooDeep', { max: SCENARIO_CAPS.maxDepth });
      }
      if (c === '{') {
        stack.push({ kind: 'object', keys: new Set(), path: valuePath });
        i++;
        state = 'keyOrEnd';
        continue;
      }
      if (c === '[') {
        stack.push({ kind: 'array', index: 0, path: valuePath });
        valuePath = { parent: valuePath, key: 0 };
        i++;
        state = 'valueOrEnd';
        continue;
      }
      if (c === '"') {
        const end = scanString();
        if (typeof end !== 'number') return end;
        i = end;
      } else if (c === 't' || c === 'f' || c === 'n') {
        const word = c === 't' ? 'true' : c === 'f' ? 'false' : 'null';
        if (text.startsWith(word, i)) i += word.length;
        else return problem('badLiteral', describe(i));
      } else {
        NUMBER_RE.lastIndex = i;
        const m = NUMBER_RE.exec(text);
        if (!m || m[0].length === 0 || m[0] === '-') {
          return problem(c === "'" ? 'singleQuotes' : 'expectedValue', describe(i));
        }
        i += m[0].length;
      }
      state = 'after';
      continue;
    }
    if (state === 'keyOrEnd' || state === 'key') {
      const top = stack[stack.length - 1];
      if (!top || top.kind !== 'object') return problem('internal');
      if (text[i] === '}') {
        if (state === 'key') return problem('trailingCommaProperty');
        stack.pop();
        i++;
        state = 'after';
        continue;
      }
      if (text[i] !== '"') {
        return problem('expectedKey', describe(i));
      }
      const keyStart = i;
      const end = scanString();
      if (typeof end !== 'number') return end;
      const key = JSON.parse(text.slice(i, end)) as string;
      i = end;
      valuePath = { parent: top.path, key };
      if (top.keys.has(key)) return problem('duplicateKey', { key }, keyStart, pathOf(valuePath));
      top.keys.add(key);
      skipWs();
      if (text[i] !== ':') return problem('expectedColon', describe(i));
      i++;
      state = 'value';
      continue;
    }
    // state === 'after'
    const top = stack[stack.length - 1];
    if (!top) {
      if (i < n) return problem('afterEnd', describe(i));
      return null;
    }
    const c = text[i];
    if (top.kind === 'object') {
      if (c === ',') {
        i++;
        state = 'key';
      } else if (c === '}') {
        stack.pop();
        i++;
      } else return problem('afterProperty', describe(i));
    } else {
      if (c === ',') {
        top.index++;
        valuePath = { parent: top.path, key: top.index };
        i++;
        state = 'value';
      } else if (c === ']') {
        stack.pop();
        i++;
      } else return problem('afterItem', describe(i));
    }
  }
}
