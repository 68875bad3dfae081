import { pipeline, Readable, Transform } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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
    req: FastifyRequest,
    res: FastifyReply,
  ): Promise<void> {
    const { documentId, visibility, version } = await this.documents.findDownloadable(viewer, id, versionNumber);
    const size = Number(version.size);
    const etag = `"${version.sha256}"`;
    res.header('ETag', etag);
    res.header('Accept-Ranges', 'bytes');
    // A member-only file must not stay on a shared computer's disk or in a proxy; public ones revalidate.
    res.header('Cache-Control', visibility === 'public' ? 'private, no-cache' : 'no-store');
    res.header('X-Content-Type-Options', 'nosniff');
    if (etagMatches(req.headers['if-none-match'], etag)) {
      void res.code(304).send();
      return;
    }
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== etag ? null : parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.header('Content-Range', `bytes */${size}`);
      throw new DocumentException(DocumentErrorCode.RANGE_NOT_SATISFIABLE);
    }
    const stream = await this.storage.read(version.sha256, range ?? undefined);
    const wholeFile = !range || (range.start === 0 && range.end === size - 1);
    res.code(range ? 206 : 200);
    res.header('Content-Type', contentTypeOf(version.mime_type));
    res.header('Content-Disposition', contentDisposition(version.file_name));
    const length = range ? range.end - range.start + 1 : size;
    res.header('Content-Length', String(length));
    if (range) res.header('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    if (req.method === 'HEAD') {
      stream.destroy();
      // An empty stream, not an empty body: Fastify's HEAD route would set Content-Length to 0 for the latter.
      void res.send(Readable.from([]));
      return;
    }
    let handedOver = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        handedOver += chunk.length;
        done(null, chunk);
      },
    });
    // Sent through the reply, so that its hooks (cookies, headers) apply; the response's `close` comes once it is
    // complete or the client has gone.
    const closed = new Promise<void>((resolve) => res.raw.once('close', resolve));
    void res.send(pipeline(stream, counter, () => undefined));
    await closed;
    // A client that read the last byte may hang up before the response's `finish` is seen: what counts is that
    // every byte went out (backpressure keeps an aborted transfer of a large file from getting there).
    if (handedOver < length) {
      this.logger.warn({ documentId, handedOver, length }, 'download interrupted');
      return;
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
