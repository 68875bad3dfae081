import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MessageSearchHit } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { decodeCursor, encodeCursor } from '../../common/pagination/cursor.js';
import { SqlParams, whoIsActorAt } from '../../common/sql/sql-params.js';
import { roomAccessSql } from './room-access.js';
import {
  cleanSnippet,
  headlineText,
  MATCH_END,
  MATCH_START,
  prefixWords,
  toTsQuery,
} from '../../common/search/segmentation.js';

const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=30, MinWords=10, MaxFragments=1`;

/**
 * How many matches are ranked: the newest this many in the member's rooms. Ranking every match of a common word
 * read tens of thousands of rows per search; the newest hundred (twice the longest page) hold the best recent
 * answers.
 */
export const MESSAGE_SEARCH_CANDIDATES = 100;

/**
 * For a phrase, the newest messages of the member's rooms are looked at first, and when a page of matches is among
 * them the candidates come from them alone: PostgreSQL estimates a phrase as rare as all its words together, which
 * Chinese words written together (太阳能, 公交) are not, and would then read every match to sort it by date.
 */
export const MESSAGE_SEARCH_RECENT = 2000;

/**
 * A prefix that begins at most this many words of the messages is searched as those words (`message_words`); one
 * that begins more (a letter or two) stays a prefix.
 */
export const MESSAGE_SEARCH_PREFIX_WORDS = 32;

/**
 * Full-text search over messages with the same multilingual rules as documents, restricted to the rooms the
 * member is in; deleted messages are never found. The best matches (`ts_rank`) among the newest candidates come
 * first, newer before older at equal rank.
 */
/** What a message search may be narrowed to; `from` inclusive, `to` exclusive (instants). */
export interface MessageSearchQuery {
  q: string;
  limit: number;
  cursor?: string;
  roomId?: string;
  authorId?: string;
  from?: string;
  to?: string;
}

@Injectable()
export class MessageSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(
    actor: Actor,
    query: MessageSearchQuery,
  ): Promise<{ items: MessageSearchHit[]; nextCursor: string | null }> {
    const none = { items: [], nextCursor: null };
    const tsQuery = toTsQuery(query.q);
    if (!tsQuery) return none;
    const after = query.cursor ? decodeCursor(query.cursor, ['real', 'timestamp', 'uuid']) : null;
    const access = roomAccessSql('r', 'rm', whoIsActorAt(actor, '$1'));
    // The rooms first, as a list the planner can see. Candidates: the newest matches of those rooms' history, where
    // PostgreSQL either walks the live messages newest first and stops at the candidate count (a common word) or
    // takes the few matches of a rare word from the text index; never every match of a common word. For a phrase,
    // the newest messages are looked at first (`recent`); `older` runs only when they hold less than a page.
    const [rooms, exact] = await Promise.all([
      this.dataSource.query(
        `SELECT r.id FROM rooms r JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = $1
          WHERE ${access} ${query.roomId ? 'AND r.id = $2' : ''}`,
        query.roomId ? [actor.id, query.roomId] : [actor.id],
      ) as Promise<{ id: string }[]>,
      this.wordsBegunBy(prefixWords(query.q)),
    ]);
    // A prefix that begins no word of any message: nothing can match.
    if (rooms.length === 0 || [...exact.values()].some((found) => found.length === 0)) return none;
    const p = new SqlParams();
    // Messages are found with the exact words; ranked with the prefixes, so the order is the prefixes' own.
    const [me, words, match, pageSize, limit, roomIds, phrase] = [
      p.add(actor.id),
      p.add(tsQuery),
      p.add(toTsQuery(query.q, false, exact)),
      p.add(query.limit),
      p.add(query.limit + 1),
      p.add(rooms.map((room) => room.id)),
      p.add(tsQuery.includes('<->')),
    ];
    // The filters narrow the candidates, so a narrow search still ranks the newest matches it can find.
    const filters = [
      query.authorId ? `m.author_id = ${p.add(query.authorId)}::uuid` : '',
      query.from ? `m.created_at >= ${p.add(new Date(query.from))}::timestamptz` : '',
      query.to ? `m.created_at < ${p.add(new Date(query.to))}::timestamptz` : '',
    ]
      .filter(Boolean)
      .map((condition) => ` AND ${condition}`)
      .join('');
    // The next page: after the previous page's last row in (rank best first, newer first, id) order.
    let page = '';
    if (after) {
      const [rank, createdAt, id] = [p.add(after[0]), p.add(after[1]), p.add(after[2])];
      page = `WHERE c.rank < ${rank}::real
         OR (c.rank = ${rank}::real AND c.created_at < ${createdAt}::timestamptz)
         OR (c.rank = ${rank}::real AND c.created_at = ${createdAt}::timestamptz AND c.id > ${id}::uuid)`;
    }
    // The page's rooms are asked the access rule again, in the statement that reads them.
    const rows = (await this.dataSource.query(
      `WITH recent AS MATERIALIZED (
         SELECT w.id, w.created_at, ts_rank(w.search_vector, to_tsquery('simple', ${words})) AS rank
           FROM (SELECT m.id, m.created_at, m.search_vector FROM messages m
                  WHERE ${phrase} AND m.deleted_at IS NULL AND m.room_id = ANY(${roomIds}::uuid[])${filters}
                  ORDER BY m.created_at DESC LIMIT ${MESSAGE_SEARCH_RECENT}) w
          WHERE w.search_vector @@ to_tsquery('simple', ${match})
          ORDER BY w.created_at DESC
          LIMIT ${MESSAGE_SEARCH_CANDIDATES}),
       older AS MATERIALIZED (
         SELECT m.id, m.created_at, ts_rank(m.search_vector, to_tsquery('simple', ${words})) AS rank
           FROM messages m
          WHERE (SELECT count(*) FROM recent) < ${pageSize}
            AND m.deleted_at IS NULL AND m.search_vector @@ to_tsquery('simple', ${match})
            AND m.room_id = ANY(${roomIds}::uuid[])${filters}
          ORDER BY m.created_at DESC
          LIMIT ${MESSAGE_SEARCH_CANDIDATES}),
       candidates AS (
         SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= ${pageSize}
         UNION ALL SELECT * FROM older),
       best AS (SELECT c.id, c.rank FROM candidates c ${page} ORDER BY c.rank DESC, c.created_at DESC, c.id LIMIT ${limit})
       SELECT m.id, m.room_id, m.seq, m.body, m.author_id, a.display_name AS author_name, m.thread_root_id,
              m.created_at, r.name AS room_name, r.kind AS room_kind, best.rank, best.rank::text AS rank_key
         FROM best
         JOIN messages m ON m.id = best.id
         JOIN room_members rm ON rm.room_id = m.room_id AND rm.member_id = ${me}
         JOIN rooms r ON r.id = m.room_id AND ${roomAccessSql('r', 'rm', whoIsActorAt(actor, me))}
         LEFT JOIN members a ON a.id = m.author_id
        ORDER BY best.rank DESC, m.created_at DESC, m.id`,
      p.values,
    )) as {
      id: string;
      room_id: string;
      seq: string;
      body: string;
      author_id: string | null;
      author_name: string | null;
      thread_root_id: string | null;
      created_at: Date;
      room_name: string | null;
      room_kind: string;
      rank: number;
      rank_key: string;
    }[];
    if (rows.length === 0) return none;
    const shown = rows.slice(0, query.limit);
    // Snippets for the page only, in one round trip; the bodies are re-spaced so CJK words can be highlighted.
    const headlines = (await this.dataSource.query(
      `SELECT ts_headline('simple', t, to_tsquery('simple', $2), '${HEADLINE_OPTIONS}') AS snippet
         FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i`,
      [shown.map((r) => headlineText(r.body)), toTsQuery(query.q, true)],
    )) as { snippet: string }[];
    const last = shown.at(-1)!;
    return {
      items: shown.map((r, i) => ({
        messageId: r.id,
        roomId: r.room_id,
        roomName: r.room_name,
        roomKind: r.room_kind,
        seq: Number(r.seq),
        threadRootId: r.thread_root_id,
        author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null,
        snippet: cleanSnippet(headlines[i]?.snippet ?? ''),
        createdAt: r.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > query.limit ? encodeCursor([last.rank_key, last.created_at.toISOString(), last.id]) : null,
    };
  }

  /**
   * For each prefix, the words of messages it begins (from `message_words`, kept by the database as messages are
   * written): none when no message holds such a word; absent when it begins more than `MESSAGE_SEARCH_PREFIX_WORDS`.
   * One statement, each prefix a range of the words' primary key.
   */
  private async wordsBegunBy(prefixes: string[]): Promise<Map<string, string[]>> {
    if (prefixes.length === 0) return new Map();
    const columns = prefixes.map(
      (_, i) => `array(SELECT word FROM message_words WHERE starts_with(word, $${i + 1})
                   ORDER BY word LIMIT ${MESSAGE_SEARCH_PREFIX_WORDS + 1}) AS w${i}`,
    );
    const [row] = (await this.dataSource.query(`SELECT ${columns.join(', ')}`, prefixes)) as Record<string, string[]>[];
    return new Map(
      prefixes
        .map((prefix, i): [string, string[]] => [prefix, row![`w${i}`]!])
        .filter(([, found]) => found.length <= MESSAGE_SEARCH_PREFIX_WORDS),
    );
  }
}
