import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { contentDisposition, etagMatches, parseRange } from './download-headers.js';
import type { Viewer } from './document-sql.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { DocumentsService } from './documents.service.js';
import { contentTypeOf } from './file-types.js';
import { BlobStorage } from './storage/blob-storage.js';

/**
 * Streams a version to the client: `ETag` is the SHA-256, `If-None-Match` answers 304, one `Range` answers 206,
 * the file name travels in RFC 5987 form, and `nosniff` keeps browsers from guessing another type. A download
 * is recorded when the body starts at byte 0 (resumed ranges of one download are not counted twice).
 */
@Injectable()
export class DocumentDownloadService {
  private readonly logger = new Logger(DocumentDownloadService.name);

  constructor(
    private readonly documents: DocumentsService,
    private readonly storage: BlobStorage,
  ) {}

  async send(
    viewer: Viewer,
    id: string,
    versionNumber: number | undefined,
    req: Request,
    res: Response,
  ): Promise<void> {
    const { documentId, version } = await this.documents.findDownloadable(viewer, id, versionNumber);
    const size = Number(version.size);
    const etag = `"${version.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${size}`);
      throw new DocumentException(DocumentErrorCode.RANGE_NOT_SATISFIABLE);
    }
    const stream = await this.storage.read(version.sha256, range ?? undefined);
    if (!range || range.start === 0) await this.documents.recordDownload(viewer, documentId, version);
    res.status(range ? 206 : 200);
    res.setHeader('Content-Type', contentTypeOf(version.mime_type));
    res.setHeader('Content-Disposition', contentDisposition(version.file_name));
    res.setHeader('Content-Length', String(range ? range.end - range.start + 1 : size));
    if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    try {
      await pipeline(stream, res);
    } catch (error) {
      // The client went away, or storage failed mid-body: the status line is gone, so the connection is cut.
      if (!res.writableEnded) this.logger.warn({ err: { message: String(error) }, documentId }, 'download interrupted');
    }
  }
}
