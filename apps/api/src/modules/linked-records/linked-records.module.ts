import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { LinkedRecordsService } from './linked-records.service.js';

/** Records with a discussion room and linked documents: shared by strategies and eco-label schemes. */
@Module({
  imports: [DocumentsModule, DiscussionsModule],
  providers: [LinkedRecordsService],
  exports: [LinkedRecordsService],
})
export class LinkedRecordsModule {}
