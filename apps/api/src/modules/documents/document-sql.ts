import {
  DocumentVisibility,
  GroupMembershipStatus,
  GroupRole,
  MemberStatus,
  type DocumentGroupFolder,
  type DocumentResponse,
  type DocumentVersionResponse,
} from '@lcc/contracts';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { SqlParams, type SqlWho, whoIsActor, whoIsMemberRow } from '../../common/sql/sql-params.js';
import { groupInsiderSql, groupIsPublicSql, groupMemberSql } from '../working-groups/group-access.js';

// The documents feature's files take the viewer type from here, beside the rules that read it.

/**
 * The documents a viewer may open — the one rule every channel asks (reads, downloads, lists, search, meeting
 * links, live changes). A document may be filed under several working groups (`document_working_groups`). Filed
 * under any private or hidden group, it is for the active members of its groups only, whatever its own visibility
 * says (so making a group private closes its `network` documents at once); otherwise `public` is open to anyone,
 * `network` to active members and `group` to the active members of any of its groups. A document filed under no
 * group is also open to its uploader; coordinators and admins open everything. Membership is read in the same
 * query, so lists and search filter in the database, not page by page.
 */
export function visibleClause(alias: string, viewer: Viewer, p: SqlParams): string {
  if (!viewer) return `(${alias}.visibility = '${DocumentVisibility.Public}' AND NOT ${inClosedGroupSql(alias)})`;
  const who = whoIsActor(viewer, p);
  if (isNetworkStaff(viewer))
    return `(${alias}.visibility <> '${DocumentVisibility.Room}' OR ${inItsRoomSql(alias, who)})`;
  return memberRuleSql(alias, who);
}

/**
 * Who may read a discussion room (`roomId` an SQL expression): the discussions feature's rule, handed over when the
 * application starts (`DocumentsService.useRoomRule`), because discussions imports documents and a runtime import
 * the other way would make a cycle. Until then no one reads a room's documents.
 */
export type RoomReaderRule = (roomId: string, who: SqlWho) => string;
let roomReaderRule: RoomReaderRule = () => 'FALSE';

export function setRoomReaderRule(rule: RoomReaderRule): void {
  roomReaderRule = rule;
}

/** Whether `who` may read room `roomId` (an SQL expression): the check of an upload into a room. */
export function roomReaderSql(roomId: string, who: SqlWho): string {
  return roomReaderRule(roomId, who);
}

/**
 * A room's document (visibility `room`) is for exactly the room's readers, staff included only when they read the
 * room: a file pasted into a direct message stays between its members.
 */
function inItsRoomSql(alias: string, who: SqlWho): string {
  return `(${alias}.visibility = '${DocumentVisibility.Room}' AND ${alias}.room_id IS NOT NULL
    AND ${roomReaderRule(`${alias}.room_id`, who)})`;
}

/** Some group the document is filed under is private or hidden. */
function inClosedGroupSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM document_working_groups dg_closed
    WHERE dg_closed.document_id = ${alias}.id AND NOT ${groupIsPublicSql('dg_closed.working_group_id')})`;
}

/** `who` is an active member of one of the groups the document is filed under. */
function inOneOfItsGroupsSql(alias: string, who: SqlWho): string {
  return `EXISTS (SELECT 1 FROM document_working_groups dg_member
    WHERE dg_member.document_id = ${alias}.id AND ${groupMemberSql('dg_member.working_group_id', who)})`;
}

/**
 * The folders a signed-in viewer may see: every folder of the library, and the folders of the groups whose insides
 * they see (a public group's, or one they are an active member of; staff see all). The documents in a folder are
 * still each asked `visibleClause`.
 */
export function folderVisibleClause(alias: string, viewer: Actor, p: SqlParams): string {
  const who = whoIsActor(viewer, p);
  return `(${alias}.working_group_id IS NULL OR ${groupInsiderSql(`${alias}.working_group_id`, who)})`;
}

/**
 * The same rule asked of many members at once (`whoIsMemberRow`): which of them, each an active member, may open
 * the document. Staff open everything.
 */
export function visibleToMemberSql(alias: string, who: SqlWho): string {
  return `((${who.staff} AND ${alias}.visibility <> '${DocumentVisibility.Room}') OR ${memberRuleSql(alias, who)})`;
}

/**
 * The active members who may open document `$1` (the audience of its live changes): the same rule, asked in bulk.
 * Anonymous readers of a public document have no socket, so they are not among them.
 */
export function readersSql(): string {
  return `SELECT mem.id FROM documents d
      JOIN members mem ON mem.status = '${MemberStatus.Active}' AND ${visibleToMemberSql('d', whoIsMemberRow('mem'))}
     WHERE d.id = $1 AND d.deleted_at IS NULL`;
}

/** The rule for an active member who is not network staff. */
function memberRuleSql(alias: string, who: SqlWho): string {
  return `(CASE WHEN NOT ${inClosedGroupSql(alias)} THEN
      ${alias}.visibility IN ('${DocumentVisibility.Public}', '${DocumentVisibility.Network}')
      OR (${alias}.working_group_id IS NULL AND ${alias}.visibility <> '${DocumentVisibility.Room}'
          AND ${alias}.uploaded_by_id = ${who.id})
      OR (${alias}.visibility = '${DocumentVisibility.Group}' AND ${inOneOfItsGroupsSql(alias, who)})
      OR ${inItsRoomSql(alias, who)}
    ELSE ${inOneOfItsGroupsSql(alias, who)} END)`;
}

/**
 * Whether the viewer may edit, version and delete (asked of documents they may open): the uploader, the leads of
 * any of its groups, coordinators and admins.
 */
export function canEditExpression(alias: string, viewer: Viewer, p: SqlParams): string {
  if (!viewer) return 'FALSE';
  if (isNetworkStaff(viewer)) return 'TRUE';
  const me = p.add(viewer.id);
  return `(${alias}.uploaded_by_id = ${me} OR EXISTS (SELECT 1 FROM document_working_groups dg_lead
    JOIN working_group_members gl ON gl.working_group_id = dg_lead.working_group_id
    WHERE dg_lead.document_id = ${alias}.id AND gl.member_id = ${me}
      AND gl.status = '${GroupMembershipStatus.Active}' AND gl.role = '${GroupRole.Lead}'))`;
}

/**
 * The document's folder in each of its groups whose insides the viewer sees (a json array, the groups' order), as
 * the folders themselves are seen (`folderVisibleClause`). Anonymous visitors see no folders.
 */
export function groupFoldersExpression(alias: string, viewer: Viewer, p: SqlParams): string {
  if (!viewer) return `'[]'::json`;
  return `COALESCE((SELECT json_agg(json_build_object('workingGroupId', dg_folder.working_group_id,
      'folderId', dg_folder.folder_id) ORDER BY dg_folder.position, dg_folder.created_at)
    FROM document_working_groups dg_folder
    WHERE dg_folder.document_id = ${alias}.id
      AND ${groupInsiderSql('dg_folder.working_group_id', whoIsActor(viewer, p))}), '[]'::json)`;
}

/** The documents kept in folder `folderId` (an SQL expression): in the library's or in one group's. */
export function inFolderSql(alias: string, folderId: string): string {
  return `(${alias}.folder_id = ${folderId} OR EXISTS (SELECT 1 FROM document_working_groups dg_in
    WHERE dg_in.document_id = ${alias}.id AND dg_in.folder_id = ${folderId}))`;
}

/** Columns of a document row with its uploader and latest version, as `toDocumentResponse` reads them. */
export function documentColumns(alias: string, canEdit: string, groupFolders: string): string {
  return `${alias}.id, ${alias}.title, ${alias}.description, ${alias}.kind, ${alias}.language, ${alias}.country,
    ${alias}.city, ${alias}.year, ${alias}.tags, ${alias}.working_group_id, ${alias}.visibility, ${alias}.room_id, ${alias}.folder_id,
    ${groupFolders} AS group_folders,
    ARRAY(SELECT dg.working_group_id FROM document_working_groups dg WHERE dg.document_id = ${alias}.id
          ORDER BY dg.position, dg.created_at) AS working_group_ids,
    ${alias}.uploaded_by_id, du.display_name AS uploader_name, ${alias}.latest_version_number,
    ${alias}.download_count, ${alias}.deleted_at, ${alias}.created_at, ${alias}.updated_at,
    lv.id AS v_id, lv.file_name AS v_file_name, lv.mime_type AS v_mime_type, lv.size AS v_size,
    lv.sha256 AS v_sha256, lv.extraction_status AS v_extraction_status, lv.created_at AS v_created_at,
    lv.note AS v_note, lv.restored_from_number AS v_restored_from_number,
    lv.uploaded_by_id AS v_uploaded_by_id, lvu.display_name AS v_uploader_name, ${canEdit} AS can_edit`;
}

export function documentJoins(alias: string): string {
  return `JOIN members du ON du.id = ${alias}.uploaded_by_id
    JOIN document_versions lv ON lv.document_id = ${alias}.id AND lv.number = ${alias}.latest_version_number
    JOIN members lvu ON lvu.id = lv.uploaded_by_id`;
}

export interface DocumentRow {
  id: string;
  title: string;
  description: string | null;
  kind: string;
  language: string;
  country: string | null;
  city: string | null;
  year: number | null;
  tags: string[];
  working_group_id: string | null;
  /** Every group it is filed under, the first one first. */
  working_group_ids: string[];
  folder_id: string | null;
  group_folders: DocumentGroupFolder[];
  visibility: string;
  room_id: string | null;
  uploaded_by_id: string;
  uploader_name: string;
  latest_version_number: number;
  download_count: number;
  deleted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  v_id: string;
  v_file_name: string;
  v_mime_type: string;
  v_size: string;
  v_sha256: string;
  v_extraction_status: string;
  v_note: string | null;
  v_restored_from_number: number | null;
  v_created_at: Date;
  v_uploaded_by_id: string;
  v_uploader_name: string;
  can_edit: boolean;
  rank?: number;
  snippet?: string | null;
}

export interface VersionRow {
  id: string;
  number: number;
  file_name: string;
  mime_type: string;
  size: string;
  sha256: string;
  extraction_status: string;
  note: string | null;
  restored_from_number: number | null;
  created_at: Date;
  uploaded_by_id: string;
  uploader_name: string;
}

export function toVersionResponse(row: VersionRow): DocumentVersionResponse {
  return {
    id: row.id,
    number: row.number,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    extractionStatus: row.extraction_status as DocumentVersionResponse['extractionStatus'],
    note: row.note,
    restoredFromNumber: row.restored_from_number,
    uploadedBy: { id: row.uploaded_by_id, displayName: row.uploader_name },
    createdAt: row.created_at.toISOString(),
  };
}

export function toDocumentResponse(row: DocumentRow): DocumentResponse {
  const response: DocumentResponse = {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    language: row.language as DocumentResponse['language'],
    country: row.country,
    city: row.city,
    year: row.year,
    tags: row.tags,
    workingGroupId: row.working_group_id,
    workingGroupIds: row.working_group_ids,
    folderId: row.folder_id,
    groupFolders: row.group_folders,
    visibility: row.visibility as DocumentResponse['visibility'],
    roomId: row.room_id,
    uploadedBy: { id: row.uploaded_by_id, displayName: row.uploader_name },
    latestVersion: toVersionResponse({
      id: row.v_id,
      number: row.latest_version_number,
      file_name: row.v_file_name,
      mime_type: row.v_mime_type,
      size: row.v_size,
      sha256: row.v_sha256,
      extraction_status: row.v_extraction_status,
      note: row.v_note,
      restored_from_number: row.v_restored_from_number,
      created_at: row.v_created_at,
      uploaded_by_id: row.v_uploaded_by_id,
      uploader_name: row.v_uploader_name,
    }),
    versionCount: row.latest_version_number,
    downloadCount: row.download_count,
    canEdit: row.can_edit,
    deletedAt: row.deleted_at ? row.deleted_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.rank !== undefined) response.rank = Number(row.rank);
  if (row.snippet !== undefined) response.snippet = row.snippet;
  return response;
}
