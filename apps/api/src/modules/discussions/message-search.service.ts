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
 * Full-text search over messages with the same multilingual rules as documents, restricted to the rooms the
 * member is in; deleted messages are never found.
 */
@Injectable()
export class MessageSearchService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(actor: Actor, q: string, limit: number): Promise<MessageSearchHit[]> {
    const tsQuery = toTsQuery(q);
    if (!tsQuery) return [];
    const rows = (await this.dataSource.query(
      `SELECT m.id, m.room_id, m.seq, m.body, m.author_id, a.display_name AS author_name, m.thread_root_id, m.created_at,
              r.name AS room_name, r.kind AS room_kind, ts_rank(m.search_vector, to_tsquery('simple', $2)) AS rank
         FROM messages m
         JOIN room_members rm ON rm.room_id = m.room_id AND rm.member_id = $1
         JOIN rooms r ON r.id = m.room_id AND ${roomAccessSql('r', 'rm', whoIsActorAt(actor, '$1'))}
         LEFT JOIN members a ON a.id = m.author_id
        WHERE m.deleted_at IS NULL AND m.search_vector @@ to_tsquery('simple', $2)
        ORDER BY rank DESC, m.created_at DESC
        LIMIT $3`,
      [actor.id, tsQuery, limit],
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
