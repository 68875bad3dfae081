import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';
import { decodeCursor } from './cursor.js';

export type KeyKind = 'string' | 'int' | 'uuid' | 'instant';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `decodeCursor` that also checks the kind of each part, so a forged cursor (a non-UUID where an id is compared) is
 * a 400 rather than a failed query.
 */
export function decodeTypedCursor(cursor: string, kinds: readonly KeyKind[]): (string | number)[] {
  const key = decodeCursor(cursor, kinds.length);
  const ok = key.every((part, i) => {
    switch (kinds[i]) {
      case 'int':
        return typeof part === 'number' && Number.isInteger(part);
      case 'uuid':
        return typeof part === 'string' && UUID.test(part);
      case 'instant':
        return typeof part === 'string' && !Number.isNaN(Date.parse(part));
      default:
        return typeof part === 'string';
    }
  });
  if (!ok) {
    throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The cursor is not valid', [
      { field: 'cursor', message: 'cursor must be a nextCursor returned by this list' },
    ]);
  }
  return key;
}
