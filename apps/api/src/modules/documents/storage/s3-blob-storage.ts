import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { BlobStorage, type ByteRange, fileKey } from './blob-storage.js';

export interface S3BlobStorageOptions {
  bucket: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

/** Blobs in an S3-compatible store (MinIO, AWS): key `blobs/<sha256>`, multipart upload for large files. */
export class S3BlobStorage extends BlobStorage {
  readonly name = 's3';
  readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3BlobStorageOptions) {
    super();
    const config: S3ClientConfig = {
      region: options.region ?? 'us-east-1',
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    };
    if (options.accessKeyId && options.secretAccessKey) {
      config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
    }
    this.client = new S3Client(config);
    this.bucket = options.bucket;
  }

  /** Creates the bucket when it does not exist yet (a fresh MinIO). */
  async ensureBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  async commit(tempFile: string, sha256: string, size: number): Promise<void> {
    try {
      if (await this.exists(sha256)) return;
      await new Upload({
        client: this.client,
        params: {
          Bucket: this.bucket,
          Key: keyOf(sha256),
          Body: createReadStream(tempFile),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        },
        queueSize: 2,
        partSize: 8 * 1024 * 1024,
      }).done();
    } finally {
      await rm(tempFile, { force: true });
    }
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    const result = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: keyOf(sha256),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    const body = result.Body;
    if (body instanceof Readable) return body;
    throw new Error('S3 answered without a body stream');
  }

  async exists(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: keyOf(sha256) }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async hasAny(): Promise<boolean> {
    const listed = await this.client.send(
      new ListObjectsV2Command({ Bucket: this.bucket, Prefix: 'blobs/', MaxKeys: 1 }),
    );
    return (listed.KeyCount ?? listed.Contents?.length ?? 0) > 0;
  }

  /** Named files: `files/<key>`, streamed up in parts (the size need not be known in advance). */
  async putFile(key: string, source: Readable): Promise<number> {
    let size = 0;
    const counted = source.pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          done(null, chunk);
        },
      }),
    );
    source.once('error', (error) => counted.destroy(error));
    await new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: `files/${fileKey(key)}`, Body: counted, ContentType: 'application/zip' },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
    }).done();
    return size;
  }

  async readFile(key: string): Promise<Readable> {
    const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: `files/${fileKey(key)}` }));
    const body = result.Body;
    if (body instanceof Readable) return body;
    throw new Error('S3 answered without a body stream');
  }

  async removeFile(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `files/${fileKey(key)}` }));
  }
}

function keyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return `blobs/${sha256}`;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}
