import i18n from 'i18next';
import type { ErrorDetail } from '@lcc/contracts';

/**
 * The API words its field details in English and gives a `code` only for a few. The record forms say them in the
 * reader's language: a known code through `errorCode.*`, the validator's standard sentences by their shape (with
 * the bound they name), and anything else as "not accepted" followed by the API's own words.
 */
const SHAPES: { pattern: RegExp; key: string; param?: string }[] = [
  { pattern: /must not be greater than (-?[\d.]+)$/, key: 'max', param: 'max' },
  { pattern: /must not be less than (-?[\d.]+)$/, key: 'min', param: 'min' },
  { pattern: /must be an integer number$/, key: 'integer' },
  { pattern: /must be a number conforming/, key: 'number' },
  { pattern: /must be longer than or equal to 1 characters$|should not be empty$/, key: 'required' },
  { pattern: /must be longer than or equal to (\d+) characters$/, key: 'minLength', param: 'length' },
  { pattern: /must be shorter than or equal to (\d+) characters$/, key: 'maxLength', param: 'length' },
  { pattern: /must be a URL address$/, key: 'url' },
  { pattern: /must be one of the following values|must be a valid enum value/, key: 'choice' },
  { pattern: /ISO 3166-1 alpha-2/, key: 'country' },
  { pattern: /ISO 4217/, key: 'currency' },
  { pattern: /is required for an? /, key: 'requiredForType' },
  { pattern: /must be after baseYear$/, key: 'afterBaseYear' },
  { pattern: /must not be before /, key: 'notBefore' },
  { pattern: /is required with a cost$/, key: 'currencyWithCost' },
  { pattern: /give either a value or a notationKey/, key: 'valueOrKey' },
  { pattern: /appears more than once$/, key: 'duplicateCell' },
];

/** One API detail in the reader's language. */
export function detailText(detail: ErrorDetail): string {
  if (detail.code) return i18n.t(`common:errorCode.${detail.code}`, { defaultValue: detail.message });
  for (const shape of SHAPES) {
    const match = shape.pattern.exec(detail.message);
    if (match) return i18n.t(`common:fieldMessage.${shape.key}`, shape.param ? { [shape.param]: match[1] } : {});
  }
  return i18n.t('common:fieldMessage.other', { message: detail.message });
}
