import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  CommonErrorCode,
  type DocumentDownloadResponse,
  type DocumentResponse,
  DocumentLanguage,
  DocumentVisibility,
  ExtractionStatus,
  GroupMembershipStatus,
  GroupVisibility,
  MemberStatus,
  NetworkRole,
  type Page,
} from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff, type Viewer } from '../../common/http/actor.js';
import { decodeCursor, type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { toErrorDetails } from '../../common/validation/validation.pipe.js';
import type { Env } from '../../config/env.validation.js';
import type { WorkingGroup } from '../working-groups/working-groups.service.js';
import { AuditService } from '../audit/audit.service.js';
import { assertGroupOpen, WorkingGroupsService } from '../working-groups/working-groups.service.js';
import {
  canEditExpression,
  type DocumentRow,
  documentColumns,
  type RoomReaderRule,
  roomReaderSql,
  setRoomReaderRule,
  documentJoins,
  groupFoldersExpression,
  toDocumentResponse,
  type VersionRow,
  visibleClause,
  visibleToMemberSql,
} from './document-sql.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { DocumentUploadedEvent } from './events/document-uploaded.event.js';
import { CreateDocumentDto, UpdateDocumentDto } from './dto/create-document.dto.js';
import { fileUnderGroups, requestedGroups } from './document-groups.js';
import { DocumentVersion } from './entities/document-version.entity.js';
import { Document } from './entities/document.entity.js';
import { ExtractionService } from './extraction/extraction.service.js';
import { isExtractable } from './extraction/extractable-types.js';
import { refreshSearchIndex } from './search/search-index.js';
import { BlobStorage } from './storage/blob-storage.js';
import { receiveUpload, type SpooledFile } from './upload-receiver.js';
import { SqlParams, whoIsActor, whoIsMemberRow } from '../../common/sql/sql-params.js';

/** Where uploads wait while they are hashed and sniffed (local disk, whatever the storage driver). */
export function uploadTempDir(env: Pick<Env, 'DATA_DIR'>): string {
  return path.resolve(env.DATA_DIR, 'documents', 'tmp');
}

/**
 * Documents: upload, metadata, versions, soft delete and restore, download records. Access is decided in SQL
 * (`visibleClause`): 404 for what the viewer may not open, 403 for what they see but may not change.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsService,
    private readonly audit: AuditService,
    private readonly storage: BlobStorage,
    private readonly extraction: ExtractionService,
    @Inject(ConfigService) private readonly config: ConfigService<Env, true>,
    private readonly events: EventEmitter2,
  ) {}

  /** `POST /api/documents`: validates the metadata fields, then streams the file (see `receiveUpload`). */
  async upload(actor: Actor, request: FastifyRequest): Promise<DocumentResponse> {
    const { prepared: dto, file } = await receiveUpload(request, this.uploadOptions(), async (fields) => {
      if (actor.role === NetworkRole.Observer) throw new DocumentException(DocumentErrorCode.UPLOAD_FORBIDDEN);
      const parsed = await validated(CreateDocumentDto, fields);
      const visibility = parsed.visibility ?? DocumentVisibility.Network;
      const groupIds = requestedGroups(parsed) ?? [];
      if (visibility === DocumentVisibility.Group && groupIds.length === 0) {
        throw invalid('workingGroupId', 'workingGroupId is required when visibility is group');
      }
      await this.requireRoomReader(actor, visibility, parsed.roomId, groupIds);
      // Filed only under groups the uploader belongs to, each open, and `group` when any of them is closed.
      for (const groupId of groupIds) {
        const group = await this.requireGroupMember(actor, groupId);
        assertGroupOpen(group);
        requireGroupVisibilityForPrivate(group.visibility, visibility);
      }
      return { ...parsed, visibility, groupIds };
    });
    const id = await this.store(file, async (manager) => {
      const document = await manager.getRepository(Document).save({
        title: dto.title,
        description: dto.description ?? null,
        kind: dto.kind,
        language: dto.language ?? DocumentLanguage.Other,
        country: dto.country ?? null,
        city: dto.city ?? null,
        year: dto.year ?? null,
        tags: dto.tags ?? [],
        workingGroupId: dto.groupIds[0] ?? null,
        visibility: dto.visibility,
        roomId: dto.roomId ?? null,
        uploadedById: actor.id,
        latestVersionNumber: 1,
      });
      await fileUnderGroups(manager, document.id, dto.groupIds);
      await this.insertVersion(manager, document.id, 1, actor, file);
      return document.id;
    });
    // After the commit: listeners (notifications) read the committed row.
    this.events.emit(
      DocumentUploadedEvent.NAME,
      new DocumentUploadedEvent(id, dto.groupIds[0] ?? null, actor.id, actor.displayName),
    );
    return this.get(actor, id);
  }

  async get(viewer: Viewer, id: string): Promise<DocumentResponse> {
    const row = await this.findRow(viewer, id, true);
    if (!row) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    return toDocumentResponse(row);
  }

  /** Titles of the documents among `ids` that the viewer may open (deleted ones excluded). */
  async titlesVisibleTo(viewer: Viewer, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const p = new SqlParams();
    const idsParam = p.add(ids);
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.title FROM documents d
        WHERE d.id = ANY(${idsParam}::uuid[]) AND d.deleted_at IS NULL AND ${visibleClause('d', viewer, p)}`,
      p.values,
    )) as { id: string; title: string }[];
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Who of a document's working groups should hear of it: the active members of any group it is filed under,
   * themselves active, whom the document rule lets open it, except its uploader — asked in one query. The group
   * named is its first. Null when the document is gone or filed under no group.
   */
  async groupAudience(
    documentId: string,
  ): Promise<{ title: string; workingGroupId: string; groupName: string; memberIds: string[] } | null> {
    const rows = (await this.dataSource.query(
      `SELECT d.title, d.working_group_id, g.name AS group_name,
              ARRAY(SELECT DISTINCT mem.id FROM document_working_groups dg
                      JOIN working_group_members gm ON gm.working_group_id = dg.working_group_id AND gm.status = $2
                      JOIN members mem ON mem.id = gm.member_id AND mem.status = $3 AND mem.id <> d.uploaded_by_id
                     WHERE dg.document_id = d.id AND ${visibleToMemberSql('d', whoIsMemberRow('mem'))}) AS member_ids
         FROM documents d
         JOIN working_groups g ON g.id = d.working_group_id
        WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [documentId, GroupMembershipStatus.Active, MemberStatus.Active],
    )) as { title: string; working_group_id: string; group_name: string; member_ids: string[] }[];
    const row = rows[0];
    if (!row) return null;
    return {
      title: row.title,
      workingGroupId: row.working_group_id,
      groupName: row.group_name,
      memberIds: row.member_ids,
    };
  }

  /**
   * Which of the (member, document) questions, each named by its `id`, the document rule answers yes to: the member
   * is active and may open the document, which is not deleted. Asked in bulk, inside the caller's transaction.
   */
  async openableBy(
    manager: EntityManager,
    questions: { id: string; memberId: string; documentId: string }[],
  ): Promise<Set<string>> {
    if (questions.length === 0) return new Set();
    const rows = (await manager.query(
      `SELECT q.id FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS q(id, member_id, document_id)
         JOIN documents d ON d.id = q.document_id AND d.deleted_at IS NULL
         JOIN members mem ON mem.id = q.member_id AND mem.status = $4
        WHERE ${visibleToMemberSql('d', whoIsMemberRow('mem'))}`,
      [
        questions.map((q) => q.id),
        questions.map((q) => q.memberId),
        questions.map((q) => q.documentId),
        MemberStatus.Active,
      ],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** The document if the viewer may open it (deleted ones only for coordinators and admins), else null. */
  async findRow(viewer: Viewer, id: string, includeDeleted = false): Promise<DocumentRow | null> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const deleted = includeDeleted && viewer && isNetworkStaff(viewer) ? 'TRUE' : 'd.deleted_at IS NULL';
    const rows = (await this.dataSource.query(
      `SELECT ${documentColumns('d', canEditExpression('d', viewer, p), groupFoldersExpression('d', viewer, p))}
         FROM documents d ${documentJoins('d')}
        WHERE d.id = ${idParam} AND ${deleted} AND ${visibleClause('d', viewer, p)}`,
      p.values,
    )) as DocumentRow[];
    return rows[0] ?? null;
  }

  async update(actor: Actor, id: string, dto: UpdateDocumentDto): Promise<DocumentResponse> {
    const row = await this.requireEditable(actor, id);
    for (const field of ['title', 'kind', 'visibility', 'language', 'tags', 'workingGroupIds'] as const) {
      if (dto[field] === null) throw invalid(field, `${field} cannot be cleared`);
    }
    const visibility = dto.visibility ?? (row.visibility as DocumentVisibility);
    if (visibility === DocumentVisibility.Room && row.visibility !== DocumentVisibility.Room) {
      throw invalid('visibility', 'visibility room is given at upload, with the room');
    }
    const current = row.working_group_ids;
    const requested = requestedGroups(dto);
    // A form that sends every field names the current first group again: that alone changes nothing.
    const unchanged =
      requested === undefined || (dto.workingGroupIds === undefined && dto.workingGroupId === current[0]);
    const next = unchanged ? current : requested;
    if (visibility === DocumentVisibility.Group && next.length === 0) {
      throw invalid('workingGroupId', 'workingGroupId is required when visibility is group');
    }
    if (visibility === DocumentVisibility.Room && next.length > 0) {
      throw invalid('workingGroupIds', "a room's document is for the room's readers: it is filed under no group");
    }
    const added = next.filter((groupId) => !current.includes(groupId));
    const removed = current.filter((groupId) => !next.includes(groupId));
    for (const groupId of added) await this.requireGroupMember(actor, groupId);
    for (const groupId of next) {
      const access = await this.groups.findAccess(actor, groupId);
      if (access) requireGroupVisibilityForPrivate(access.group.visibility, visibility);
    }
    const moved = added.length > 0 || removed.length > 0;
    const widened = VISIBILITY_REACH[visibility] > VISIBILITY_REACH[row.visibility as DocumentVisibility];
    // Taking a document out of a group is that group's decision; sharing it with more groups or showing it to more
    // people is the decision of every group it is in — not the uploader's.
    const deciders = new Set(removed);
    if (added.length > 0 || widened) current.forEach((groupId) => deciders.add(groupId));
    for (const groupId of deciders) {
      const access = await this.groups.findAccess(actor, groupId);
      if (!access?.canManage) {
        throw new DocumentException(
          DocumentErrorCode.DOCUMENT_EDIT_FORBIDDEN,
          "Only the group's leads and coordinators can move or share a document out of its group or widen who may open it",
        );
      }
    }
    const { workingGroupId: _first, workingGroupIds: _all, ...fields } = dto;
    await this.dataSource.transaction(async (manager) => {
      // Out of the room's visibility, the room no longer says who reads it.
      const roomId = visibility === DocumentVisibility.Room ? row.room_id : null;
      await manager.getRepository(Document).update({ id }, { ...fields, roomId });
      if (!unchanged && next.join() !== current.join()) {
        await fileUnderGroups(manager, id, next);
        await manager.query(`UPDATE documents SET updated_at = now() WHERE id = $1`, [id]);
      }
      await refreshSearchIndex(manager, id);
      if (moved || widened) {
        await this.audit.record(
          {
            action: moved ? AuditAction.DocumentMoved : AuditAction.DocumentVisibilityWidened,
            actorId: actor.id,
            targetType: 'document',
            targetId: id,
            details: {
              from: { workingGroupId: current[0] ?? null, workingGroupIds: current, visibility: row.visibility },
              to: { workingGroupId: next[0] ?? null, workingGroupIds: next, visibility },
            },
          },
          manager,
        );
      }
    });
    return this.get(actor, id);
  }

  /** Soft delete by the uploader, a group lead or a coordinator; the bytes and versions stay for a restore. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.requireEditable(actor, id);
    await this.dataSource.query(
      `UPDATE documents SET deleted_at = now(), deleted_by_id = $2, updated_at = now() WHERE id = $1`,
      [id, actor.id],
    );
  }

  /** Coordinators and admins (checked by the route) bring a deleted document back. */
  async restore(actor: Actor, id: string): Promise<DocumentResponse> {
    const row = await this.findRow(actor, id, true);
    if (!row) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    if (!row.deleted_at) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_DELETED);
    await this.dataSource.query(
      `UPDATE documents SET deleted_at = NULL, deleted_by_id = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    return this.get(actor, id);
  }

  /** Who downloaded which version when, newest first: for the uploader, coordinators and admins. */
  async downloads(actor: Actor, id: string, query: PageQueryDto): Promise<Page<DocumentDownloadResponse>> {
    const row = await this.findRow(actor, id);
    if (!row) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    if (row.uploaded_by_id !== actor.id && !isNetworkStaff(actor)) {
      throw new DocumentException(DocumentErrorCode.DOWNLOADS_FORBIDDEN);
    }
    const values: unknown[] = [id, query.limit + 1];
    let where = 'dl.document_id = $1';
    if (query.cursor) {
      const [createdAt, downloadId] = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      values.push(createdAt, downloadId);
      where += ' AND (dl.created_at, dl.id) < ($3::timestamptz, $4::uuid)';
    }
    const rows = (await this.dataSource.query(
      `SELECT dl.id, dl.version_number, dl.member_id, m.display_name, dl.created_at
         FROM document_downloads dl LEFT JOIN members m ON m.id = dl.member_id
        WHERE ${where} ORDER BY dl.created_at DESC, dl.id DESC LIMIT $2`,
      values,
    )) as {
      id: string;
      version_number: number;
      member_id: string | null;
      display_name: string | null;
      created_at: Date;
    }[];
    return toPage(
      rows,
      query.limit,
      (r) => ({
        id: r.id,
        versionNumber: r.version_number,
        member: r.member_id ? { id: r.member_id, displayName: r.display_name ?? '' } : null,
        createdAt: r.created_at.toISOString(),
      }),
      (r) => [r.created_at.toISOString(), r.id],
    );
  }

  /** A version the viewer may download (the latest when `number` is absent). */
  async findDownloadable(
    viewer: Viewer,
    id: string,
    number?: number,
  ): Promise<{ documentId: string; visibility: string; version: VersionRow }> {
    const row = await this.findRow(viewer, id);
    if (!row) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    const [version] = await this.versionRows('v.document_id = $1 AND v.number = $2', [
      id,
      number ?? row.latest_version_number,
    ]);
    if (!version) throw new DocumentException(DocumentErrorCode.DOCUMENT_VERSION_NOT_FOUND);
    return { documentId: id, visibility: row.visibility, version };
  }

  /** Records a download and bumps the document's count in one transaction. */
  async recordDownload(viewer: Viewer, documentId: string, version: VersionRow): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Document row first, as every other writer does (no lock-order deadlock with the extraction job).
      await manager.query(`UPDATE documents SET download_count = download_count + 1 WHERE id = $1`, [documentId]);
      await manager.query(
        `INSERT INTO document_downloads (document_id, version_id, version_number, member_id) VALUES ($1, $2, $3, $4)`,
        [documentId, version.id, version.number, viewer?.id ?? null],
      );
    });
  }

  /** The document if the actor may edit it: 404 when they may not open it, 403 when they may not change it. */
  async requireEditable(actor: Actor, id: string): Promise<DocumentRow> {
    const row = await this.findRow(actor, id);
    if (!row) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    if (!row.can_edit) throw new DocumentException(DocumentErrorCode.DOCUMENT_EDIT_FORBIDDEN);
    return row;
  }

  /**
   * Visibility `room` names a room the uploader reads, and files the document under no group; a room is named only
   * with that visibility.
   */
  private async requireRoomReader(
    actor: Actor,
    visibility: DocumentVisibility,
    roomId: string | undefined,
    groupIds: string[],
  ): Promise<void> {
    if (visibility !== DocumentVisibility.Room) {
      if (roomId) throw invalid('roomId', 'roomId is given with visibility room only');
      return;
    }
    if (!roomId) throw invalid('roomId', 'roomId is required when visibility is room');
    if (groupIds.length > 0) {
      throw invalid('workingGroupIds', "a room's document is for the room's readers: it is filed under no group");
    }
    const p = new SqlParams();
    const room = p.add(roomId);
    const [{ reads }] = (await this.dataSource.query(
      `SELECT ${roomReaderSql(`${room}::uuid`, whoIsActor(actor, p))} AS reads`,
      p.values,
    )) as { reads: boolean }[];
    if (!reads) throw invalid('roomId', 'no such room');
  }

  /** Hands the documents feature the rule of who reads a room (see `setRoomReaderRule`). */
  useRoomRule(rule: RoomReaderRule): void {
    setRoomReaderRule(rule);
  }

  /** A group a document is filed under: the actor must be an active member (or network staff). */
  private async requireGroupMember(actor: Actor, groupId: string): Promise<WorkingGroup> {
    const access = await this.groups.findAccess(actor, groupId);
    if (!access) throw invalid('workingGroupId', 'no such working group');
    if (!access.membership && !access.canManage) throw new DocumentException(DocumentErrorCode.NOT_A_GROUP_MEMBER);
    return access.group;
  }

  /** Commits the spooled bytes to storage, then the rows; the extraction job is nudged afterwards. */
  async store<T>(file: SpooledFile, write: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.storage.commit(file.tempFile, file.sha256, file.size);
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await write(manager);
      return value;
    });
    this.extraction.kick();
    return result;
  }

  /** Inserts version `number` (pending extraction when its type has text); the first also indexes the document. */
  async insertVersion(
    manager: EntityManager,
    documentId: string,
    number: number,
    actor: Actor,
    file: Omit<SpooledFile, 'tempFile'> & { note?: string | null; restoredFromNumber?: number | null },
  ): Promise<DocumentVersion> {
    const version = await manager.getRepository(DocumentVersion).save({
      documentId,
      number,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.size,
      sha256: file.sha256,
      note: file.note ?? null,
      restoredFromNumber: file.restoredFromNumber ?? null,
      uploadedById: actor.id,
      extractionStatus: isExtractable(file.mimeType) ? ExtractionStatus.Pending : ExtractionStatus.Skipped,
    });
    if (number === 1) await refreshSearchIndex(manager, documentId);
    return version;
  }

  async versionRows(where: string, values: unknown[], tail = ''): Promise<VersionRow[]> {
    return (await this.dataSource.query(
      `SELECT v.id, v.number, v.file_name, v.mime_type, v.size, v.sha256, v.extraction_status, v.created_at,
              v.note, v.restored_from_number, v.uploaded_by_id, m.display_name AS uploader_name
         FROM document_versions v JOIN members m ON m.id = v.uploaded_by_id
        WHERE ${where} ORDER BY v.number DESC ${tail}`,
      values,
    )) as VersionRow[];
  }

  uploadOptions(): { tempDir: string; maxBytes: number } {
    return {
      tempDir: uploadTempDir({ DATA_DIR: this.config.get('DATA_DIR', { infer: true }) }),
      maxBytes: this.config.get('UPLOAD_MAX_BYTES', { infer: true }),
    };
  }
}

/** Validates multipart fields as the global pipe validates JSON bodies (unknown fields are errors). */
export async function validated<T extends object>(type: new () => T, fields: Record<string, string>): Promise<T> {
  const instance = plainToInstance(type, fields);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    throw new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', toErrorDetails(errors));
  }
  return instance;
}

function invalid(field: string, message: string): Error {
  return new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', [{ field, message }]);
}

/** How far a visibility reaches: a higher number opens the document to more people. */
const VISIBILITY_REACH: Record<DocumentVisibility, number> = {
  [DocumentVisibility.Room]: 0,
  [DocumentVisibility.Group]: 0,
  [DocumentVisibility.Network]: 1,
  [DocumentVisibility.Public]: 2,
};

/**
 * The contract: a private or hidden group's documents are 404 to non-members, so they can only have `group`
 * visibility.
 */
function requireGroupVisibilityForPrivate(groupVisibility: GroupVisibility, visibility: DocumentVisibility): void {
  if (groupVisibility !== GroupVisibility.Public && visibility !== DocumentVisibility.Group) {
    throw invalid(
      'visibility',
      "a private or hidden group's documents are visible to its members only: use visibility group",
    );
  }
}
