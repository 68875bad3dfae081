import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrorCode, type DocumentFolderResponse, NetworkRole, type Page } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { type Actor, isNetworkStaff } from '../../common/http/actor.js';
import { decodeCursor, toPage } from '../../common/pagination/cursor.js';
import { SqlParams } from '../../common/sql/sql-params.js';
import { assertGroupOpen, WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { folderVisibleClause, inFolderSql, visibleClause } from './document-sql.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { DocumentsService } from './documents.service.js';
import type { CreateFolderDto, ListFoldersQueryDto, MoveDocumentDto, UpdateFolderDto } from './dto/folder.dto.js';

interface FolderRow {
  id: string;
  name: string;
  working_group_id: string | null;
  created_by_id: string;
  creator_name: string;
  document_count: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * Folders (collections) of documents, in the library or inside a working group, and moving a document into or out
 * of one. Who sees a folder: `folderVisibleClause`; its documents are each asked the document rule. Rename and delete:
 * its creator, the leads of its group, coordinators and admins.
 */
@Injectable()
export class DocumentFoldersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly groups: WorkingGroupsService,
  ) {}

  /** The library's folders, or one group's, by name. */
  async list(actor: Actor, query: ListFoldersQueryDto): Promise<Page<DocumentFolderResponse>> {
    if (query.workingGroupId && !(await this.groups.findAccess(actor, query.workingGroupId))) {
      throw invalid('workingGroupId', 'no such working group');
    }
    const p = new SqlParams();
    const where = [
      query.workingGroupId ? `f.working_group_id = ${p.add(query.workingGroupId)}` : 'f.working_group_id IS NULL',
    ];
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, ['string', 'uuid']);
      where.push(`(f.name, f.id) > (${p.add(name)}, ${p.add(id)}::uuid)`);
    }
    const rows = await this.rows(actor, p, where.join(' AND '), `ORDER BY f.name, f.id LIMIT ${query.limit + 1}`);
    const editable = new Set<string>();
    for (const row of rows) if (await this.canEdit(actor, row)) editable.add(row.id);
    return toPage(
      rows,
      query.limit,
      (row) => toResponse(row, editable.has(row.id)),
      (row) => [row.name, row.id],
    );
  }

  async get(actor: Actor, id: string): Promise<DocumentFolderResponse> {
    const p = new SqlParams();
    const [row] = await this.rows(actor, p, `f.id = ${p.add(id)}`);
    if (!row) throw new DocumentException(DocumentErrorCode.FOLDER_NOT_FOUND);
    return toResponse(row, await this.canEdit(actor, row));
  }

  /** A folder of the library (any member but observers) or of a group (its active members and staff). */
  async create(actor: Actor, dto: CreateFolderDto): Promise<DocumentFolderResponse> {
    if (actor.role === NetworkRole.Observer) throw new DocumentException(DocumentErrorCode.UPLOAD_FORBIDDEN);
    if (dto.workingGroupId) {
      const access = await this.groups.findAccess(actor, dto.workingGroupId);
      if (!access) throw invalid('workingGroupId', 'no such working group');
      if (!access.membership && !access.canManage) throw new DocumentException(DocumentErrorCode.NOT_A_GROUP_MEMBER);
      assertGroupOpen(access.group);
    }
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO document_folders (name, working_group_id, created_by_id) VALUES ($1, $2, $3) RETURNING id`,
      [dto.name, dto.workingGroupId ?? null, actor.id],
    )) as { id: string }[];
    return this.get(actor, id);
  }

  async rename(actor: Actor, id: string, dto: UpdateFolderDto): Promise<DocumentFolderResponse> {
    await this.requireEditable(actor, id);
    await this.dataSource.query(`UPDATE document_folders SET name = $2, updated_at = now() WHERE id = $1`, [
      id,
      dto.name,
    ]);
    return this.get(actor, id);
  }

  /** Its documents stay, outside any folder. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.requireEditable(actor, id);
    await this.dataSource.query(`DELETE FROM document_folders WHERE id = $1`, [id]);
  }

  /**
   * Keeps a document the actor may edit in a folder they see: a library folder is its place in the library, a
   * group's folder its place in that group (which the document must be shared with). `folderId` null takes it out
   * of its library folder, or out of the folder of the group named by `workingGroupId`.
   */
  async move(actor: Actor, documentId: string, dto: MoveDocumentDto): Promise<void> {
    const document = await this.documents.requireEditable(actor, documentId);
    let groupId = dto.workingGroupId ?? null;
    if (dto.folderId) {
      const folder = await this.get(actor, dto.folderId).catch(() => {
        throw invalid('folderId', 'no such folder');
      });
      if (dto.workingGroupId !== undefined && dto.workingGroupId !== folder.workingGroupId) {
        throw invalid('workingGroupId', 'the folder is not one of this working group');
      }
      groupId = folder.workingGroupId;
    }
    if (groupId && !document.working_group_ids.includes(groupId)) {
      throw invalid(
        dto.folderId ? 'folderId' : 'workingGroupId',
        'the folder belongs to a working group the document is not shared with',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      if (groupId) {
        await manager.query(
          `UPDATE document_working_groups SET folder_id = $3, updated_at = now()
            WHERE document_id = $1 AND working_group_id = $2`,
          [documentId, groupId, dto.folderId],
        );
        await manager.query(`UPDATE documents SET updated_at = now() WHERE id = $1`, [documentId]);
      } else {
        await manager.query(`UPDATE documents SET folder_id = $2, updated_at = now() WHERE id = $1`, [
          documentId,
          dto.folderId,
        ]);
      }
    });
  }

  private async requireEditable(actor: Actor, id: string): Promise<DocumentFolderResponse> {
    const folder = await this.get(actor, id);
    if (!folder.canEdit) throw new DocumentException(DocumentErrorCode.FOLDER_EDIT_FORBIDDEN);
    return folder;
  }

  private async rows(actor: Actor, p: SqlParams, where: string, tail = ''): Promise<FolderRow[]> {
    const visible = folderVisibleClause('f', actor, p);
    const documentVisible = visibleClause('d', actor, p);
    return (await this.dataSource.query(
      `SELECT f.id, f.name, f.working_group_id, f.created_by_id, m.display_name AS creator_name,
              f.created_at, f.updated_at,
              (SELECT count(*)::int FROM documents d
                WHERE ${inFolderSql('d', 'f.id')} AND d.deleted_at IS NULL AND ${documentVisible}) AS document_count
         FROM document_folders f JOIN members m ON m.id = f.created_by_id
        WHERE ${visible} AND ${where} ${tail}`,
      p.values,
    )) as FolderRow[];
  }

  private async canEdit(actor: Actor, row: FolderRow): Promise<boolean> {
    if (isNetworkStaff(actor) || row.created_by_id === actor.id) return true;
    if (!row.working_group_id) return false;
    return (await this.groups.findAccess(actor, row.working_group_id))?.canManage ?? false;
  }
}

function toResponse(row: FolderRow, canEdit: boolean): DocumentFolderResponse {
  return {
    id: row.id,
    name: row.name,
    workingGroupId: row.working_group_id,
    createdBy: { id: row.created_by_id, displayName: row.creator_name },
    documentCount: row.document_count,
    canEdit,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function invalid(field: string, message: string): Error {
  return new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', [{ field, message }]);
}
