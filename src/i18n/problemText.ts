/**
 * Validation problems in the page's language: a scenario error or a share/import error is data (a code
 * and its parameters, see src/scenario/errorCodes.ts), turned into text here with the language's
 * dictionary. The English text equals the error's own `message`, which is what `npm run sim` prints.
 */
import { codedText, type CodedMessage } from '../scenario/errorCodes';
import type { ShareError } from '../share/errors';
import { dictionaries, translate, type Lang } from './index';

/** One validator message, without its path. */
export function scenarioErrorText(lang: Lang, message: CodedMessage): string {
  return codedText(message, dictionaries[lang]);
}

/** `path: message`, the whole scenario named as such, as the editor lists problems. */
export function scenarioErrorLine(lang: Lang, error: CodedMessage & { path: string }): string {
  return translate(lang, 'validation.ui.line', {
    path: error.path === '' ? translate(lang, 'validation.ui.wholeScenario') : error.path,
    message: scenarioErrorText(lang, error),
  });
}

/** A share-link or import problem, the validator's message inside it translated as well. */
export function shareErrorText(lang: Lang, error: ShareError): string {
  const params: Record<string, string | number> = { ...error.params };
  if (error.detail) params.detail = scenarioErrorText(lang, error.detail);
  if (error.path === '' && 'path' in params) params.path = translate(lang, 'share.wholeScenario');
  return translate(lang, error.code, params);
}
