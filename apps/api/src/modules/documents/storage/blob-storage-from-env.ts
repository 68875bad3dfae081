import path from 'node:path';
import type { Env } from '../../../config/env.validation.js';
import type { BlobStorage } from './blob-storage.js';
import { LocalBlobStorage } from './local-blob-storage.js';
import { S3BlobStorage } from './s3-blob-storage.js';

export type BlobStorageEnv = Pick<
  Env,
  | 'DATA_DIR'
  | 'S3_BUCKET'
  | 'S3_ENDPOINT'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_FORCE_PATH_STYLE'
>;

/**
 * The driver the configuration selects: local disk under `DATA_DIR/documents` by default, an S3-compatible store
 * when `S3_BUCKET` is set (its bucket created when missing). Shared by the documents module and the backup tools.
 */
export async function blobStorageFromEnv(env: BlobStorageEnv): Promise<BlobStorage> {
  if (!env.S3_BUCKET) return new LocalBlobStorage(path.resolve(env.DATA_DIR, 'documents'));
  const storage = new S3BlobStorage({
    bucket: env.S3_BUCKET,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
  await storage.ensureBucket();
  return storage;
}
