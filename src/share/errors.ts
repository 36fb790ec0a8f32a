/**
 * Problems with a share link, an imported file or the browser's storage, ready for either language: a
 * message code (a key of the `share` i18n namespace) and its parameters, plus an English fallback. DOM-free.
 */
import { en } from '../i18n/messages/share';
import type { CodedMessage } from '../scenario/errorCodes';

/** A key of the `share` i18n namespace. */
export type ShareMessageCode = keyof typeof en;

export type ShareParams = Readonly<Record<string, string | number>>;

export interface ShareError {
  /** JSON path of the offending value in the scenario (`brokers[0].name`); '' for the link or file as a whole. */
  path: string;
  /** English text, for logs and for a page that has not loaded its dictionaries. */
  message: string;
  /** What the page translates: `translate(lang, code, params)`. */
  code: ShareMessageCode;
  params: ShareParams;
  /**
   * The validator's own message behind `{detail}` (a scenario error, a JSON syntax problem), so that the
   * page shows it in its language too; `params.detail` holds it in English.
   */
  detail?: CodedMessage;
}

/** `{name}` placeholders filled from params; an unknown one stays visible. */
export function fillTemplate(template: string, params: ShareParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function shareError(
  code: ShareMessageCode,
  params: ShareParams = {},
  path = '',
  detail?: CodedMessage,
): ShareError {
  const error: ShareError = { path, message: fillTemplate(en[code], params), code, params };
  if (detail) error.detail = detail;
  return error;
}

/** A path as shown to a person: '' is the whole scenario. */
export function displayPath(path: string): string {
  return path === '' ? en['share.wholeScenario'] : path;
}

/** The message of anything thrown, without ever throwing itself. */
export function describeThrown(e: unknown): string {
  try {
    if (e instanceof Error) return e.message;
    return String(e);
  } catch {
    return 'unknown error';
  }
}
