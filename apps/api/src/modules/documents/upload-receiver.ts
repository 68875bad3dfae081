import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import { CommonErrorCode } from '@lcc/contracts';
import { CommonException } from '../../common/errors/common.exception.js';
import { findInputProblem, inputValidationError } from '../../common/validation/input-guard.js';
import { DocumentErrorCode, DocumentException } from './documents.exception.js';
import { ALLOWED_TYPES, classify, cleanFileName, extensionOf, type TextEvidence } from './file-types.js';

/** A file received, hashed and type-checked, waiting in a temporary file to be committed to storage. */
export interface SpooledFile {
  tempFile: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Reads a multipart upload as a stream: the metadata fields first (`prepare` validates them and checks the
 * actor's rights before a byte of the file is stored), then `file`, written to a temporary file while its
 * SHA-256 and size are computed. Over `maxBytes` → 413; a type that is not allowed or does not match the
 * extension → 415; either way the temporary file is removed.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  options: { tempDir: string; maxBytes: number },
  prepare: (fields: Record<string, string>) => Promise<T>,
): Promise<{ prepared: T; file: SpooledFile }> {
  // The platform leaves the body of a multipart upload unread (see body-parsers.ts): it is streamed from here.
  const raw = request.raw;
  if (!isMultipartWithBody(request.headers)) {
    raw.resume();
    throw new DocumentException(DocumentErrorCode.MULTIPART_REQUIRED);
  }
  const declared = Number(request.headers['content-length']);
  // Fields take a few kilobytes at most: a body far over the limit is refused before it is read.
  if (Number.isFinite(declared) && declared > options.maxBytes + 1024 * 1024) {
    raw.resume();
    throw new DocumentException(DocumentErrorCode.FILE_TOO_LARGE);
  }
  await mkdir(options.tempDir, { recursive: true });
  const tempFile = path.join(options.tempDir, `${randomUUID()}.part`);
  try {
    const received = await parse(raw, options.maxBytes, tempFile, prepare);
    const sniffed = await fileTypeFromFile(tempFile);
    const extension = extensionOf(received.fileName);
    const verdict = classify(extension, sniffed?.mime, received.text);
    if (!verdict.ok) {
      throw new DocumentException(
        verdict.reason === 'mismatch' ? DocumentErrorCode.FILE_TYPE_MISMATCH : DocumentErrorCode.UNSUPPORTED_FILE_TYPE,
        undefined,
        [{ field: 'file', message: describe(extension, verdict.detected) }],
      );
    }
    return {
      prepared: received.prepared,
      file: {
        tempFile,
        fileName: received.fileName,
        mimeType: verdict.mimeType,
        size: received.size,
        sha256: received.sha256,
      },
    };
  } catch (error) {
    await rm(tempFile, { force: true });
    throw error;
  }
}

/** A body (chunked, or a non-zero length) of type multipart/form-data. */
function isMultipartWithBody(headers: IncomingHttpHeaders): boolean {
  const hasBody =
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0');
  return hasBody && /^multipart\/form-data(?:\s*;|\s*$)/i.test(headers['content-type'] ?? '');
}

function describe(extension: string, detected: string | null): string {
  const allowed = Object.keys(ALLOWED_TYPES).join(', ');
  if (!ALLOWED_TYPES[extension]) return `.${extension || '(none)'} files are not accepted; allowed: ${allowed}`;
  return detected ? `the content is ${detected}, not .${extension}` : `the content is not a valid .${extension} file`;
}

interface Received<T> {
  prepared: T;
  fileName: string;
  size: number;
  sha256: string;
  text: TextEvidence;
}

function parse<T>(
  request: IncomingMessage,
  maxBytes: number,
  tempFile: string,
  prepare: (fields: Record<string, string>) => Promise<T>,
): Promise<Received<T>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, files: 1, fields: 50, fieldSize: 64 * 1024, parts: 60 },
      });
    } catch {
      request.resume();
      reject(new DocumentException(DocumentErrorCode.MALFORMED_MULTIPART));
      return;
    }
    const fields: Record<string, string> = {};
    let failure: unknown;
    let work: Promise<Received<T>> | undefined;
    const fail = (error: unknown): void => {
      failure ??= error;
    };

    parser.on('field', (name, value) => {
      // The JSON input guard never sees multipart bodies: the same rules for the metadata fields here.
      const unsafe = findInputProblem({ [name]: value });
      if (unsafe) return fail(inputValidationError([unsafe]));
      fields[name] = Object.hasOwn(fields, name) ? `${fields[name]},${value}` : value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || work || failure) {
        stream.resume();
        if (name !== 'file') fail(validation('file', `unexpected file field "${name}"; send the file as "file"`));
        return;
      }
      const fileName = cleanFileName(info.filename ?? '');
      work = (async () => {
        try {
          if (!fileName) throw validation('file', 'the file needs a name with an extension');
          if (!ALLOWED_TYPES[extensionOf(fileName)]) {
            throw new DocumentException(DocumentErrorCode.UNSUPPORTED_FILE_TYPE, undefined, [
              { field: 'file', message: describe(extensionOf(fileName), null) },
            ]);
          }
          const prepared = await prepare({ ...fields });
          const meter = new Meter();
          let truncated = false;
          stream.on('limit', () => (truncated = true));
          await pipeline(stream, meter, createWriteStream(tempFile, { flags: 'wx' }));
          if (truncated) throw new DocumentException(DocumentErrorCode.FILE_TOO_LARGE);
          if (meter.size === 0) throw validation('file', 'the file is empty');
          return { prepared, fileName, ...meter.result() };
        } catch (error) {
          stream.resume();
          throw error;
        }
      })();
      work.catch(fail);
    });
    parser.on('error', () => {
      request.unpipe(parser);
      request.resume();
      fail(new DocumentException(DocumentErrorCode.MALFORMED_MULTIPART));
      finish();
    });
    parser.on('close', () => finish());

    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      void (async () => {
        const result = work ? await work.catch((error: unknown) => (fail(error), undefined)) : undefined;
        if (failure) return reject(failure);
        if (!result) return reject(validation('file', 'file is required (after the metadata fields)'));
        resolve(result);
      })();
    };
    request.pipe(parser);
  });
}

function validation(field: string, message: string): Error {
  return new CommonException(CommonErrorCode.VALIDATION_FAILED, 'The request is not valid', [{ field, message }]);
}

/** Counts, hashes and checks (UTF-8, NUL) the bytes flowing through, keeping only the first 512. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private validUtf8 = true;
  private hasNul = false;
  private head = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.head.length < 512) this.head = Buffer.concat([this.head, chunk.subarray(0, 512 - this.head.length)]);
    if (!this.hasNul && chunk.includes(0)) this.hasNul = true;
    if (this.validUtf8) {
      try {
        this.decoder.decode(chunk, { stream: true });
      } catch {
        this.validUtf8 = false;
      }
    }
    callback(null, chunk);
  }

  result(): { size: number; sha256: string; text: TextEvidence } {
    if (this.validUtf8) {
      try {
        this.decoder.decode();
      } catch {
        this.validUtf8 = false;
      }
    }
    return {
      size: this.size,
      sha256: this.hash.digest('hex'),
      text: { validUtf8: this.validUtf8, hasNul: this.hasNul, head: this.head },
    };
  }
}
