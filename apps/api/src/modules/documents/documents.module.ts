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
import { LocalBlobStorage } from './storage/local-blob-storage.js';
import { S3BlobStorage } from './storage/s3-blob-storage.js';

/** Local disk under `DATA_DIR/documents` by default; an S3-compatible store when `S3_BUCKET` is set. */
async function createBlobStorage(config: ConfigService<Env, true>): Promise<BlobStorage> {
  const bucket = config.get('S3_BUCKET', { infer: true });
  const logger = new Logger('DocumentsStorage');
  if (!bucket) {
    const root = path.resolve(config.get('DATA_DIR', { infer: true }), 'documents');
    logger.log(`documents stored on local disk in ${root}`);
    return new LocalBlobStorage(root);
  }
  const storage = new S3BlobStorage({
    bucket,
    endpoint: config.get('S3_ENDPOINT', { infer: true }),
    region: config.get('S3_REGION', { infer: true }),
    accessKeyId: config.get('S3_ACCESS_KEY_ID', { infer: true }),
    secretAccessKey: config.get('S3_SECRET_ACCESS_KEY', { infer: true }),
    forcePathStyle: config.get('S3_FORCE_PATH_STYLE', { infer: true }),
  });
  await storage.ensureBucket();
  logger.log(`documents stored in S3 bucket ${bucket}`);
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
