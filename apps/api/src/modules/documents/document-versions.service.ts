import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { type DocumentTextResponse, type DocumentVersionResponse, ExtractionStatus, type Page } from '@lcc/contracts';
import type { Actor, Viewer } from '../../common/http/actor.js';
import { decodeCursor, type PageQueryDto, toPage } from '../../common/pagination/cursor.js';
import { announceDocumentChange } from './document-changes.js';
import { toVersionResponse } from './document-sql.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { DocumentsService, validated } from './documents.service.js';
import { VersionNoteDto } from './dto/version.dto.js';
import { ExtractionService } from './extraction/extraction.service.js';
import { refreshSearchIndex } from './search/search-index.js';
import { receiveUpload, type SpooledFile } from './upload-receiver.js';

/**
 * A document's versions: new files with a note, restoring an older version as the newest, the version list and the
 * text read from a version. Access is `DocumentsService`'s (the rule of `document-sql.ts`); after each change the
 * open pages of those who may read the document hear of it.
 */
@Injectable()
export class DocumentVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly extraction: ExtractionService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * `POST /api/documents/:id/versions`: a new file (with an optional `note` field before it) for a document the
   * actor may edit; it becomes the latest. The same bytes as the latest version are refused (409), writing nothing.
   */
  async addVersion(actor: Actor, id: string, request: FastifyRequest): Promise<DocumentVersionResponse> {
    const { prepared: dto, file } = await receiveUpload(request, this.documents.uploadOptions(), async (fields) => {
      const parsed = await validated(VersionNoteDto, fields);
      await this.documents.requireEditable(actor, id);
      return parsed;
    });
    const versionId = await this.documents.store(file, (manager) =>
      this.appendVersion(manager, id, actor, {
        fileName: file.fileName,
        mimeType: file.mimeType,
        size: file.size,
        sha256: file.sha256,
        note: dto.note ?? null,
        restoredFromNumber: null,
      }),
    );
    await announceDocumentChange(this.dataSource, this.events, id, 'version_added');
    const [row] = await this.documents.versionRows('v.id = $1', [versionId]);
    return toVersionResponse(row!);
  }

  /**
   * `POST /api/documents/:id/versions/:number/restore`: an older version's bytes become a new latest version (the
   * blob is content-addressed, so nothing is copied; its extracted text is reused, not read again).
   */
  async restoreVersion(
    actor: Actor,
    id: string,
    number: number,
    dto: VersionNoteDto,
  ): Promise<DocumentVersionResponse> {
    await this.documents.requireEditable(actor, id);
    const versionId = await this.dataSource.transaction(async (manager) => {
      const [old] = (await manager.query(
        `SELECT id, file_name, mime_type, size, sha256 FROM document_versions WHERE document_id = $1 AND number = $2`,
        [id, number],
      )) as { id: string; file_name: string; mime_type: string; size: string; sha256: string }[];
      if (!old) throw new DocumentException(DocumentErrorCode.DOCUMENT_VERSION_NOT_FOUND);
      const version = await this.appendVersion(manager, id, actor, {
        fileName: old.file_name,
        mimeType: old.mime_type,
        size: Number(old.size),
        sha256: old.sha256,
        note: dto.note ?? null,
        restoredFromNumber: number,
        textOf: old.id,
      });
      return version;
    });
    this.extraction.kick();
    await announceDocumentChange(this.dataSource, this.events, id, 'version_added');
    const [row] = await this.documents.versionRows('v.id = $1', [versionId]);
    return toVersionResponse(row!);
  }

  /**
   * Adds the next version under the document's row lock; 409 when its bytes are the latest version's. With
   * `textOf`, the text already read from that version (same bytes) is taken over instead of being read again.
   */
  private async appendVersion(
    manager: EntityManager,
    id: string,
    actor: Actor,
    file: Omit<SpooledFile, 'tempFile'> & { note: string | null; restoredFromNumber: number | null; textOf?: string },
  ): Promise<string> {
    const [locked] = (await manager.query(
      `SELECT d.latest_version_number, v.sha256 FROM documents d
         JOIN document_versions v ON v.document_id = d.id AND v.number = d.latest_version_number
        WHERE d.id = $1 AND d.deleted_at IS NULL FOR NO KEY UPDATE OF d`,
      [id],
    )) as { latest_version_number: number; sha256: string }[];
    if (!locked) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    if (locked.sha256 === file.sha256) throw new DocumentException(DocumentErrorCode.VERSION_UNCHANGED);
    const number = locked.latest_version_number + 1;
    const version = await this.documents.insertVersion(manager, id, number, actor, file);
    if (file.textOf) {
      // Pending stays pending (and is read once per version); a final outcome is the same for the same bytes.
      await manager.query(
        `UPDATE document_versions v SET extraction_status = o.extraction_status, extracted_text = o.extracted_text,
                extraction_error = o.extraction_error
           FROM document_versions o WHERE v.id = $1 AND o.id = $2 AND o.extraction_status <> $3`,
        [version.id, file.textOf, ExtractionStatus.Pending],
      );
    }
    await manager.query(`UPDATE documents SET latest_version_number = $2, updated_at = now() WHERE id = $1`, [
      id,
      number,
    ]);
    // The previous text stays searchable until this version's text is extracted.
    const [{ extraction_status: status }] = (await manager.query(
      `SELECT extraction_status FROM document_versions WHERE id = $1`,
      [version.id],
    )) as { extraction_status: string }[];
    if (status !== ExtractionStatus.Pending) await refreshSearchIndex(manager, id);
    return version.id;
  }

  /** Every version, newest first, with uploader, size, hash and time. */
  async versions(viewer: Viewer, id: string, query: PageQueryDto): Promise<Page<DocumentVersionResponse>> {
    if (!(await this.documents.findRow(viewer, id))) throw new DocumentException(DocumentErrorCode.DOCUMENT_NOT_FOUND);
    const values: unknown[] = [id, query.limit + 1];
    let where = 'v.document_id = $1';
    if (query.cursor) {
      const [number] = decodeCursor(query.cursor, ['int']);
      values.push(Number(number));
      where += ` AND v.number < $3`;
    }
    const rows = await this.documents.versionRows(where, values, 'LIMIT $2');
    return toPage(rows, query.limit, toVersionResponse, (r) => [r.number]);
  }

  /** The text read from a version the viewer may open (the latest when `number` is absent). */
  async text(viewer: Viewer, id: string, number?: number): Promise<DocumentTextResponse> {
    const { version } = await this.documents.findDownloadable(viewer, id, number);
    const [row] = (await this.dataSource.query(`SELECT extracted_text FROM document_versions WHERE id = $1`, [
      version.id,
    ])) as { extracted_text: string | null }[];
    return {
      number: version.number,
      extractionStatus: version.extraction_status as ExtractionStatus,
      text: version.extraction_status === ExtractionStatus.Done ? (row?.extracted_text ?? null) : null,
    };
  }
}
