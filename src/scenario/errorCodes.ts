/**
 * Validation errors as data: a stable code and its parameters, so that the page can show every problem in
 * the reader's language (`codedText(m, dictionary)`), while `ScenarioError.message` stays the English text
 * that `npm run sim` prints. The English templates are the `validation` i18n namespace, the one source of
 * both. DOM-free.
 */
import { en } from '../i18n/messages/validation';

type ValidationKey = keyof typeof en;
type Suffix<K> = K extends `validation.${infer S}` ? S : never;

/** A stable error code: `int.range`, `broker.unknown`, `json.invalid`, ... */
export type ScenarioErrorCode = Exclude<
  Suffix<ValidationKey>,
  `noun.${string}` | `got.${string}` | `ui.${string}`
>;

/** A noun in a message (`{unit}`, `{what}`, `{noun}`, `{found}`), translated with the message. */
export type ScenarioNoun =
  Suffix<ValidationKey> extends infer S ? (S extends `noun.${infer N}` ? N : never) : never;

export type ScenarioErrorParams = Readonly<Record<string, string | number>>;

/** What the input held where a message says so: "(got -5)", "(missing)", "(got a list of 3 items)". */
export type Found =
  | { kind: 'missing' }
  | { kind: 'nothing' }
  | { kind: 'object' }
  /** A value written as JSON would write it (`-5`, `"lots"`, `null`, `NaN`): the same in every language. */
  | { kind: 'value'; value: string }
  | { kind: 'list'; n: number }
  | { kind: 'items'; n: number }
  | { kind: 'type'; type: string };

const NOUN_BY_ENGLISH: ReadonlyMap<string, string> = new Map(
  (Object.entries(en) as [ValidationKey, string][])
    .filter(([key]) => key.startsWith('validation.noun.'))
    .map(([key, text]) => [text, key.slice('validation.noun.'.length)]),
);

/**
 * The noun id for English text from elsewhere (an upstream note in ./defaults.ts), so that it is
 * translated; text with no noun stays as it is, in English.
 */
export function nounFor(english: string): string {
  return NOUN_BY_ENGLISH.get(english) ?? english;
}

/** A message as data; `detail` is a message nested in `{detail}` (the JSON syntax problem of `json.invalid`). */
export interface CodedMessage {
  code: ScenarioErrorCode;
  params: ScenarioErrorParams;
  got?: Found;
  detail?: CodedMessage;
}

/** The parameters whose value is a noun id, translated with the message. */
const NOUN_PARAMS: ReadonlySet<string> = new Set(['unit', 'what', 'noun', 'found', 'note']);

/** A dictionary holding the `validation.*` texts of one language (the page's merged dictionary fits). */
export type ValidationDictionary = Readonly<Partial<Record<ValidationKey, string>>>;

function lookup(dictionary: ValidationDictionary, key: ValidationKey): string {
  // A missing text falls back to English rather than showing a key; the i18n test keeps both complete.
  return dictionary[key] ?? en[key];
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

function foundText(found: Found, dictionary: ValidationDictionary): string {
  switch (found.kind) {
    case 'value':
      return fill(lookup(dictionary, 'validation.got.value'), { value: found.value });
    case 'list':
    case 'items':
      return fill(lookup(dictionary, `validation.got.${found.kind}`), { n: found.n });
    case 'type':
      return fill(lookup(dictionary, 'validation.got.type'), { type: found.type });
    default:
      return lookup(dictionary, `validation.got.${found.kind}`);
  }
}

/** The message in the dictionary's language (English by default). Never throws on odd params. */
export function codedText(message: CodedMessage, dictionary: ValidationDictionary = en): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params)) {
    const noun = NOUN_PARAMS.has(name) ? dictionary[`validation.noun.${value}` as ValidationKey] : undefined;
    params[name] = noun ?? value;
  }
  if (message.detail) params.detail = codedText(message.detail, dictionary);
  const text = fill(lookup(dictionary, `validation.${message.code}`), params);
  return message.got ? `${text}${foundText(message.got, dictionary)}` : text;
}

/** Every code, for tests and tools. */
export function allScenarioErrorCodes(): ScenarioErrorCode[] {
  return (Object.keys(en) as ValidationKey[])
    .map((k) => k.slice('validation.'.length))
    .filter((c) => !/^(noun|got|ui)\./.test(c)) as ScenarioErrorCode[];
}

// ---------------------------------------------------------------------------------------------------------
// Schema messages. Zod keeps one message string per issue and drops anything else an error map returns, so
// the schema's messages carry their code and parameters: `said(code, params)` encodes them, and
// `readSaid(message)` (in validate.ts, the only reader of the schema's raw issues) decodes them.

const MARK = '\u0000sendpath:';

/** A schema message as code and parameters (see above); not for people to read until decoded. */
export function said(code: ScenarioErrorCode, params: ScenarioErrorParams = {}): string {
  return `${MARK}${JSON.stringify([code, params])}`;
}

const CODES: ReadonlySet<string> = new Set(allScenarioErrorCodes());

/** The code and parameters in a schema message, or null for a message not made by `said`. */
export function readSaid(message: string): { code: ScenarioErrorCode; params: ScenarioErrorParams } | null {
  if (!message.startsWith(MARK)) return null;
  try {
    const decoded = JSON.parse(message.slice(MARK.length)) as unknown;
    if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || !CODES.has(decoded[0])) return null;
    const params = decoded[1] as unknown;
    if (params === null || typeof params !== 'object') return null;
    return { code: decoded[0] as ScenarioErrorCode, params: params as ScenarioErrorParams };
  } catch {
    return null;
  }
}
