import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { contentDisposition, etagMatches, parseRange } from './download-headers.js';
import type { Viewer } from '../../common/http/actor.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { DocumentsService } from './documents.service.js';
import { contentTypeOf } from './file-types.js';
import { BlobStorage } from './storage/blob-storage.js';

/**
 * Streams a version to the client: `ETag` is the SHA-256, `If-None-Match` answers 304, one `Range` answers 206,
 * the file name travels in RFC 5987 form, and `nosniff` keeps browsers from guessing another type. A download is
 * recorded once every byte of the whole file has been handed to the connection: a GET whose body is the entire
 * file, not HEAD, not a partial range, not a transfer the client cut short. Only public documents may be kept in
 * caches.
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
    const { documentId, visibility, version } = await this.documents.findDownloadable(viewer, id, versionNumber);
    const size = Number(version.size);
    const etag = `"${version.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    // A member-only file must not stay on a shared computer's disk or in a proxy; public ones revalidate.
    res.setHeader('Cache-Control', visibility === 'public' ? 'private, no-cache' : 'no-store');
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
    const wholeFile = !range || (range.start === 0 && range.end === size - 1);
    res.status(range ? 206 : 200);
    res.setHeader('Content-Type', contentTypeOf(version.mime_type));
    res.setHeader('Content-Disposition', contentDisposition(version.file_name));
    const length = range ? range.end - range.start + 1 : size;
    res.setHeader('Content-Length', String(length));
    if (range) res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    if (req.method === 'HEAD') {
      stream.destroy();
      res.end();
      return;
    }
    let handedOver = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        handedOver += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(stream, counter, res);
    } catch (error) {
      // A client that read the last byte may hang up before the response's `finish` is seen: what counts is that
      // every byte went out (backpressure keeps an aborted transfer of a large file from getting there).
      if (handedOver < length) {
        this.logger.warn({ err: { message: String(error) }, documentId }, 'download interrupted');
        return;
      }
    }
    if (!wholeFile) return;
    try {
      await this.documents.recordDownload(viewer, documentId, version);
    } catch (error) {
      // The response is complete; a failed record must not turn into a second response.
      this.logger.error({ err: { message: String(error) }, documentId }, 'download not recorded');
    }
  }
}
