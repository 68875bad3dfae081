import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MessageSearchHit } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { whoIsActorAt } from '../../common/sql/sql-params.js';
import { roomAccessSql } from './room-access.js';
import { cleanSnippet, headlineText, MATCH_END, MATCH_START, toTsQuery } from '../../common/search/segmentation.js';

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
 * Full-text search over messages with the same multilingual rules as documents, restricted to the rooms the
 * member is in; deleted messages are never found. The best matches (`ts_rank`) among the newest candidates come
 * first, newer before older at equal rank.
 */
@Injectable()
export class MessageSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(actor: Actor, q: string, limit: number): Promise<MessageSearchHit[]> {
    const tsQuery = toTsQuery(q);
    if (!tsQuery) return [];
    const access = roomAccessSql('r', 'rm', whoIsActorAt(actor, '$1'));
    // The rooms first, as a list the planner can see. Candidates: the newest matches of those rooms' history, where
    // PostgreSQL either walks the live messages newest first and stops at the candidate count (a common word) or
    // takes the few matches of a rare word from the text index; never every match of a common word. For a phrase,
    // the newest messages are looked at first (`recent`); `older` runs only when they hold less than a page.
    const rooms = (await this.dataSource.query(
      `SELECT r.id FROM rooms r JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = $1 WHERE ${access}`,
      [actor.id],
    )) as { id: string }[];
    if (rooms.length === 0) return [];
    // The page's rooms are asked the access rule again, in the statement that reads them.
    const rows = (await this.dataSource.query(
      `WITH recent AS MATERIALIZED (
         SELECT w.id, w.created_at, ts_rank(w.search_vector, to_tsquery('simple', $2)) AS rank
           FROM (SELECT m.id, m.created_at, m.search_vector FROM messages m
                  WHERE $5 AND m.deleted_at IS NULL AND m.room_id = ANY($4::uuid[])
                  ORDER BY m.created_at DESC LIMIT ${MESSAGE_SEARCH_RECENT}) w
          WHERE w.search_vector @@ to_tsquery('simple', $2)
          ORDER BY w.created_at DESC
          LIMIT ${MESSAGE_SEARCH_CANDIDATES}),
       older AS MATERIALIZED (
         SELECT m.id, m.created_at, ts_rank(m.search_vector, to_tsquery('simple', $2)) AS rank
           FROM messages m
          WHERE (SELECT count(*) FROM recent) < $3
            AND m.deleted_at IS NULL AND m.search_vector @@ to_tsquery('simple', $2) AND m.room_id = ANY($4::uuid[])
          ORDER BY m.created_at DESC
          LIMIT ${MESSAGE_SEARCH_CANDIDATES}),
       candidates AS (
         SELECT * FROM recent WHERE (SELECT count(*) FROM recent) >= $3
         UNION ALL SELECT * FROM older),
       best AS (SELECT id, rank FROM candidates ORDER BY rank DESC, created_at DESC, id LIMIT $3)
       SELECT m.id, m.room_id, m.seq, m.body, m.author_id, a.display_name AS author_name, m.thread_root_id,
              m.created_at, r.name AS room_name, r.kind AS room_kind, best.rank
         FROM best
         JOIN messages m ON m.id = best.id
         JOIN room_members rm ON rm.room_id = m.room_id AND rm.member_id = $1
         JOIN rooms r ON r.id = m.room_id AND ${access}
         LEFT JOIN members a ON a.id = m.author_id
        ORDER BY best.rank DESC, m.created_at DESC, m.id`,
      [actor.id, tsQuery, limit, rooms.map((room) => room.id), tsQuery.includes('<->')],
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
    }[];
    if (rows.length === 0) return [];
    // Snippets for the page only, in one round trip; the bodies are re-spaced so CJK words can be highlighted.
    const headlines = (await this.dataSource.query(
      `SELECT ts_headline('simple', t, to_tsquery('simple', $2), '${HEADLINE_OPTIONS}') AS snippet
         FROM unnest($1::text[]) WITH ORDINALITY AS x(t, i) ORDER BY i`,
      [rows.map((r) => headlineText(r.body)), toTsQuery(q, true)],
    )) as { snippet: string }[];
    return rows.map((r, i) => ({
      messageId: r.id,
      roomId: r.room_id,
      roomName: r.room_name,
      seq: Number(r.seq),
      threadRootId: r.thread_root_id,
      author: r.author_id ? { id: r.author_id, displayName: r.author_name ?? '' } : null,
      snippet: cleanSnippet(headlines[i]?.snippet ?? ''),
      createdAt: r.created_at.toISOString(),
    }));
  }
}
