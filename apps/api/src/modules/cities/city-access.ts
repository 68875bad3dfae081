import { RecordVisibility } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';

/** Who looks: an active member, or null for an anonymous visitor of the public site. */
export type Viewer = Actor | null;

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
