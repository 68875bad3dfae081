import type { CityResponse } from './cities.js';
import type { DocumentResponse } from './documents.js';
import type { MessageSearchHit } from './realtime.js';
import type { MemberResponse } from './responses.js';

/** What `GET /api/search` looks in: one kind (paged with `cursor`), or the first page of every kind. */
export const SEARCH_SCOPES = ['messages', 'documents', 'members', 'cities', 'all'] as const;
export type SearchScope = (typeof SEARCH_SCOPES)[number];

/** `GET /api/search`: every kind is present (empty when outside the scope or ruled out by a filter). */
export interface SearchResponse {
  messages: MessageSearchHit[];
  documents: DocumentResponse[];
  members: MemberResponse[];
  cities: CityResponse[];
  /** The next page of the scope's kind; null for `all`. */
  nextCursor: string | null;
}
