import type { DataSource } from 'typeorm';
import { type CsvCell, toCsv } from './export-csv.js';
import { safeEntryPath, safeEntrySegment } from './zip-entry-name.js';

/** One part of the archive: a table (written as JSON and CSV), a JSON document, or a stored file. */
export type ExportEntry =
  { kind: 'buffer'; path: string; bytes: Buffer } | { kind: 'blob'; path: string; sha256: string };

interface Table {
  name: string;
  columns: readonly string[];
  rows: Record<string, CsvCell>[];
}

/**
 * What a member's data export holds, read in one repeatable-read snapshot so the parts agree with each other:
 * their profile, the messages they wrote, the document versions they uploaded (with the files), the meetings they
 * organised or were invited to (with their answer), their poll votes and the audit entries about them or by them.
 * Read-only SQL over other features' tables, kept here so the list of what a member gets is in one place
 * (docs/privacy.md). Nothing about another member is included beyond the names of rooms, groups and meetings.
 */
export async function exportContents(dataSource: DataSource, memberId: string): Promise<ExportEntry[]> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const query = async (sql: string): Promise<Record<string, CsvCell>[]> =>
      (await manager.query(sql, [memberId])) as Record<string, CsvCell>[];

    const [profile] = await query(
      `SELECT id, email, display_name, member_type, country, organization, city, expertise, language, time_zone, bio,
              role, status, directory_visibility, shown_contact_fields, email_verified_at, approved_at, created_at,
              updated_at
         FROM members WHERE id = $1`,
    );
    const tables: Table[] = [
      {
        name: 'messages',
        columns: [
          'id',
          'room_id',
          'room_name',
          'room_kind',
          'seq',
          'thread_root_id',
          'body',
          'created_at',
          'edited_at',
        ],
        rows: await query(
          `SELECT m.id, m.room_id, r.name AS room_name, r.kind AS room_kind, m.seq::text AS seq, m.thread_root_id,
                  m.body, m.created_at, m.edited_at
             FROM messages m JOIN rooms r ON r.id = m.room_id
            WHERE m.author_id = $1 AND m.deleted_at IS NULL ORDER BY m.created_at, m.id`,
        ),
      },
      {
        name: 'documents',
        columns: [
          'document_id',
          'title',
          'version',
          'file_name',
          'mime_type',
          'size',
          'sha256',
          'note',
          'uploaded_at',
          'file_in_archive',
        ],
        rows: await query(
          `SELECT d.id AS document_id, d.title, v.number AS version, v.file_name, v.mime_type, v.size::text AS size,
                  v.sha256, v.note, v.created_at AS uploaded_at
             FROM document_versions v JOIN documents d ON d.id = v.document_id
            WHERE v.uploaded_by_id = $1 ORDER BY v.created_at, v.id`,
        ),
      },
      {
        name: 'meetings',
        columns: [
          'meeting_id',
          'title',
          'working_group',
          'starts_at',
          'ends_at',
          'time_zone',
          'status',
          'organizer',
          'response',
          'responded_at',
        ],
        rows: await query(
          `SELECT mt.id AS meeting_id, mt.title, g.name AS working_group, mt.starts_at, mt.ends_at, mt.time_zone,
                  mt.status, (mt.organizer_id = $1) AS organizer, mi.response, mi.responded_at
             FROM meetings mt JOIN working_groups g ON g.id = mt.working_group_id
             LEFT JOIN meeting_invitees mi ON mi.meeting_id = mt.id AND mi.member_id = $1
            WHERE mt.organizer_id = $1 OR mi.id IS NOT NULL ORDER BY mt.starts_at, mt.id`,
        ),
      },
      {
        name: 'poll-votes',
        columns: ['poll_id', 'poll_title', 'option_starts_at', 'option_ends_at', 'answer', 'voted_at'],
        rows: await query(
          `SELECT p.id AS poll_id, p.title AS poll_title, o.starts_at AS option_starts_at, o.ends_at AS option_ends_at,
                  v.answer, v.updated_at AS voted_at
             FROM poll_votes v JOIN polls p ON p.id = v.poll_id JOIN poll_options o ON o.id = v.option_id
            WHERE v.member_id = $1 ORDER BY p.created_at, o.position`,
        ),
      },
      {
        name: 'audit',
        columns: ['id', 'action', 'by_me', 'target_type', 'target_id', 'details', 'created_at'],
        rows: await query(
          `SELECT id, action, (actor_id = $1) AS by_me, target_type, target_id, details::text AS details, created_at
             FROM audit_entries
            WHERE actor_id = $1 OR (target_type = 'member' AND target_id = $1) ORDER BY created_at, id`,
        ),
      },
    ];

    const entries: ExportEntry[] = [];
    const documents = tables.find((table) => table.name === 'documents')!;
    for (const row of documents.rows) {
      // One folder per document; the version number first keeps two versions of the same name apart.
      row.file_in_archive = safeEntryPath(
        'files',
        `${safeEntrySegment(String(row.title), 'document')} (${String(row.document_id).slice(0, 8)})`,
        `v${String(row.version)} ${safeEntrySegment(String(row.file_name))}`,
      );
      entries.push({ kind: 'blob', path: row.file_in_archive, sha256: String(row.sha256) });
    }
    entries.unshift({ kind: 'buffer', path: 'profile.json', bytes: json(profile ?? {}) });
    for (const table of tables) {
      entries.push({ kind: 'buffer', path: `${table.name}.json`, bytes: json(table.rows) });
      entries.push({
        kind: 'buffer',
        path: `${table.name}.csv`,
        bytes: Buffer.from(
          toCsv(
            table.columns,
            table.rows.map((row) => table.columns.map((column) => row[column])),
          ),
          'utf8',
        ),
      });
    }
    entries.push({ kind: 'buffer', path: 'README.txt', bytes: Buffer.from(README, 'utf8') });
    return entries;
  });
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

const README = `Your data from the LCC Partnership Portal

profile.json        your profile and privacy choices
messages.json/.csv  the messages you wrote (removed ones are not included)
documents.json/.csv the document versions you uploaded; the files are in files/
meetings.json/.csv  the meetings you organised or were invited to, with your answer
poll-votes.json/.csv your answers to scheduling polls
audit.json/.csv     the audit log entries about your account or recording your actions

CSV files are UTF-8 with a header row. A text cell that would start with =, +, -, @, a tab or a carriage return
begins with a single quote, so that spreadsheets show it as text instead of running it as a formula.
`;
