import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page, RoomKind, ThreadSummary } from '@lcc/contracts';
import type { Actor } from '../../common/http/actor.js';
import { decodeCursor, type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { SqlParams, whoIsActor } from '../../common/sql/sql-params.js';
import { DocumentsService } from '../documents/documents.service.js';
import { messageColumns, messageFromRow, summarizeReactions, toMessageResponse } from './message-view.js';
import { roomAccessSql } from './room-access.js';

interface ThreadRow extends Record<string, unknown> {
  room_name: string | null;
  room_kind: RoomKind;
  unread: number;
  has_new: number;
  activity_key: string;
  reaction_list: { emoji: string; memberId: string }[] | null;
}

/**
 * "My threads": the threads a member started or replied to, in rooms they may still read, those with replies
 * they have not read first, then by their last reply. A reply is unread when it is someone else's and comes after
 * both the member's thread marker (`thread_read_markers`) and their own last reply there.
 */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  async mine(actor: Actor, query: PageQueryDto): Promise<Page<ThreadSummary>> {
    const p = new SqlParams();
    const me = p.add(actor.id);
    const access = roomAccessSql('r', 'rm', whoIsActor(actor, p));
    let after = '';
    if (query.cursor) {
      const [hasNew, activity, id] = decodeCursor(query.cursor, ['smallint', 'timestamp', 'uuid']);
      after = `WHERE (t.has_new, t.activity_at, t.id) < (${p.add(hasNew)}::int, ${p.add(activity)}::timestamptz, ${p.add(id)}::uuid)`;
    }
    const rows = (await this.dataSource.query(
      `WITH mine AS (
         SELECT id FROM messages WHERE author_id = ${me} AND thread_root_id IS NULL AND reply_count > 0
         UNION
         SELECT thread_root_id FROM messages WHERE author_id = ${me} AND thread_root_id IS NOT NULL
       ), threads AS (
         SELECT ${messageColumns('m')}, r.name AS room_name, r.kind AS room_kind, a.display_name AS author_display_name,
                COALESCE(m.last_reply_at, m.created_at) AS activity_at,
                (SELECT count(*)::int FROM messages x
                  WHERE x.thread_root_id = m.id AND x.deleted_at IS NULL AND x.author_id IS DISTINCT FROM ${me}
                    AND x.seq > GREATEST(COALESCE(trm.last_read_seq, 0),
                      COALESCE((SELECT max(y.seq) FROM messages y WHERE y.thread_root_id = m.id AND y.author_id = ${me}), 0))
                ) AS unread
           FROM mine JOIN messages m ON m.id = mine.id
           JOIN rooms r ON r.id = m.room_id
           LEFT JOIN room_members rm ON rm.room_id = r.id AND rm.member_id = ${me}
           LEFT JOIN thread_read_markers trm ON trm.thread_root_id = m.id AND trm.member_id = ${me}
           LEFT JOIN members a ON a.id = m.author_id
          WHERE m.deleted_at IS NULL AND ${access}
       )
       SELECT t.*,
              to_char(t.activity_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS activity_key,
              (SELECT json_agg(json_build_object('emoji', re.emoji, 'memberId', re.member_id) ORDER BY re.created_at, re.id)
                 FROM message_reactions re WHERE re.message_id = t.id) AS reaction_list
         FROM (SELECT threads.*, (CASE WHEN unread > 0 THEN 1 ELSE 0 END) AS has_new FROM threads) t
         ${after}
        ORDER BY t.has_new DESC, t.activity_at DESC, t.id DESC
        LIMIT ${p.add(query.limit + 1)}`,
      p.values,
    )) as ThreadRow[];
    const messages = rows.map(messageFromRow);
    const titles = await this.documents.titlesVisibleTo(actor, [
      ...new Set(messages.flatMap((m) => m.attachmentIds ?? [])),
    ]);
    return toPage(
      rows.map((row, i) => ({ row, message: messages[i]! })),
      query.limit,
      ({ row, message }): ThreadSummary => ({
        root: toMessageResponse(message, summarizeReactions(row.reaction_list ?? []), titles),
        room: { id: message.roomId, kind: row.room_kind, name: row.room_name },
        unreadCount: Number(row.unread),
        lastReplyAt: (message.lastReplyAt ?? message.createdAt).toISOString(),
      }),
      ({ row, message }) => [Number(row.has_new), row.activity_key, message.id],
    );
  }
}
