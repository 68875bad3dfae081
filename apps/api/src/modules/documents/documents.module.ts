import path from 'node:path';
import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { AuditModule } from '../audit/audit.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { DocumentDownloadService } from './document-download.service.js';
import { DocumentFilesService } from './document-files.service.js';
import { DocumentSearchService } from './document-search.service.js';
import { DocumentVersionsService } from './document-versions.service.js';
import { DocumentFoldersController } from './document-folders.controller.js';
import { DocumentFoldersService } from './document-folders.service.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { ExtractionService } from './extraction/extraction.service.js';
import { BlobStorage } from './storage/blob-storage.js';
import { blobStorageFromEnv } from './storage/blob-storage-from-env.js';

/** Local disk under `DATA_DIR/documents` by default; an S3-compatible store when `S3_BUCKET` is set. */
async function createBlobStorage(config: ConfigService<Env, true>): Promise<BlobStorage> {
  const env = {
    DATA_DIR: config.get('DATA_DIR', { infer: true }),
    S3_BUCKET: config.get('S3_BUCKET', { infer: true }),
    S3_ENDPOINT: config.get('S3_ENDPOINT', { infer: true }),
    S3_REGION: config.get('S3_REGION', { infer: true }),
    S3_ACCESS_KEY_ID: config.get('S3_ACCESS_KEY_ID', { infer: true }),
    S3_SECRET_ACCESS_KEY: config.get('S3_SECRET_ACCESS_KEY', { infer: true }),
    S3_FORCE_PATH_STYLE: config.get('S3_FORCE_PATH_STYLE', { infer: true }),
  };
  const storage = await blobStorageFromEnv(env);
  new Logger('DocumentsStorage').log(
    env.S3_BUCKET
      ? `documents stored in S3 bucket ${env.S3_BUCKET}`
      : `documents stored on local disk in ${path.resolve(env.DATA_DIR, 'documents')}`,
  );
  return storage;
}

@Module({
  imports: [WorkingGroupsModule, AuditModule],
  controllers: [DocumentsController, DocumentFoldersController],
  providers: [
    { provide: BlobStorage, inject: [ConfigService], useFactory: createBlobStorage },
    DocumentsService,
    DocumentSearchService,
    DocumentDownloadService,
    DocumentVersionsService,
    DocumentFoldersService,
    DocumentFilesService,
    ExtractionService,
  ],
  exports: [DocumentsService, DocumentSearchService, DocumentFilesService],
})
export class DocumentsModule {}
