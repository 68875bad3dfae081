import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { CommonErrorCode, type ErrorDetail, PASSWORD_TOO_WEAK } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';

/** zxcvbn's scale is 0–4; 3 means "safely unguessable" (about 10^8 guesses and more). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: loading the dictionaries takes a moment and some memory, once per process. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
    // Levenshtein matching of the whole password against every word costs about three times the CPU per check.
    useLevenshteinDistance: false,
  });
  return estimator;
}

/** zxcvbn's score (0–4), with the member's own words (e-mail, name...) counted as dictionary words. */
export function passwordScore(password: string, userInputs: (string | null | undefined)[] = []): number {
  const inputs = userInputs.flatMap((input) => (input ? [input, ...input.split(/[\s@._+-]+/)] : []));
  return zxcvbn().check(
    password,
    inputs.filter((input) => input.length >= 3),
  ).score;
}

/**
 * Refuses a new password that a guessing attack would find: 400 `VALIDATION_FAILED` with a detail for the field
 * whose `code` is `PASSWORD_TOO_WEAK`, so clients can say why in the reader's language.
 */
export function assertStrongPassword(field: string, password: string, userInputs: (string | null | undefined)[]) {
  if (passwordScore(password, userInputs) >= MIN_PASSWORD_SCORE) return;
  const detail: ErrorDetail = {
    field,
    message: `${field} is too easy to guess: use a longer phrase of unrelated words, not your name or e-mail`,
    code: PASSWORD_TOO_WEAK,
  };
  throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', [detail]);
}
