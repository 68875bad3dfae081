import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../errors/common.exception.js';
import { unstorableText } from '../validation/input-guard.js';

/** `?limit=&cursor=` of every list (default 20, at most 100). */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

/** Keyset cursors are opaque to clients: base64url of the JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What one part of a sort key must be, checked before it reaches SQL, so a forged cursor is a 400 by construction:
 * `timestamp` an ISO 8601 instant, `uuid` a UUID, `smallint`/`int`/`bigint` an integer the column type holds
 * (`bigint` capped at Number.MAX_SAFE_INTEGER, the largest a JSON number carries exactly), `real` the text of a
 * finite float (ranks), `string` text PostgreSQL can store, at most 512 characters.
 */
export type CursorPart = 'timestamp' | 'uuid' | 'smallint' | 'int' | 'bigint' | 'real' | 'string';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;
const REAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const INT_RANGE: Record<'smallint' | 'int' | 'bigint', readonly [number, number]> = {
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const STRING_MAX = 512;

function fits(part: unknown, kind: CursorPart): boolean {
  switch (kind) {
    case 'timestamp':
      return typeof part === 'string' && ISO_INSTANT.test(part) && !Number.isNaN(Date.parse(part));
    case 'uuid':
      return typeof part === 'string' && UUID.test(part);
    case 'smallint':
    case 'int':
    case 'bigint': {
      const [min, max] = INT_RANGE[kind];
      return typeof part === 'number' && Number.isInteger(part) && part >= min && part <= max;
    }
    case 'real':
      return typeof part === 'string' && part.length <= 64 && REAL.test(part) && Number.isFinite(Number(part));
    case 'string':
      return typeof part === 'string' && part.length <= STRING_MAX && unstorableText(part) === null;
  }
}

/**
 * The sort key of a `nextCursor`, each part checked against the kind the list compares it with; anything else
 * (not base64url JSON, wrong length, a part of the wrong kind) is 400 VALIDATION_FAILED.
 */
export function decodeCursor(cursor: string, kinds: readonly CursorPart[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === kinds.length && key.every((part, i) => fits(part, kinds[i]!))) {
      return key as (string | number)[];
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The cursor is not valid', [
    { field: 'cursor', message: 'cursor must be a nextCursor returned by this list' },
  ]);
}

/** Slices `limit + 1` fetched rows into a page and the cursor of its last item. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  map: (row: Row) => Item,
  keyOf: (row: Row) => readonly (string | number)[],
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return { items: pageRows.map(map), nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
