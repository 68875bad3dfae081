import { RecordVisibility } from '@lcc/contracts';
import type { Viewer } from '../../common/http/actor.js';

/**
 * The read rule of every city record (the city, its strategies, inventories and values): the one home the city
 * features import it from.
 */

/** `public` records are for everyone; `network` records for signed-in (active) members. */
export function visibilityAllows(visibility: RecordVisibility, viewer: Viewer): boolean {
  return viewer !== null || visibility === RecordVisibility.Public;
}

/** The same rule as SQL over the given aliases (a record is visible only where its city is too). */
export function visibleSql(viewer: Viewer, ...aliases: string[]): string {
  if (viewer) return 'TRUE';
  return aliases.map((alias) => `${alias}.visibility = '${RecordVisibility.Public}'`).join(' AND ');
}

/** Splits `a,b,c` query lists, dropping blanks and duplicates. */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ];
}
