import { ApiError } from '../api/client';
import { detailText } from './field-detail-text';

/** The API's messages for one field of a form (several rules may fail at once), in the reader's language. */
export function apiFieldText(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const details = error.details.filter((detail) => detail.field === field);
  return details.length ? details.map(detailText).join(' ') : undefined;
}

/** API details naming fields the form does not show (e.g. `entries[2]` of a whole inventory), in words. */
export function otherDetails(error: unknown, shown: (field: string) => boolean): { field: string; text: string }[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((detail) => !shown(detail.field))
    .map((detail) => ({ field: detail.field, text: detailText(detail) }));
}
