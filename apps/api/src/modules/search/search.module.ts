import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { SearchController } from './search.controller.js';

@Module({
  imports: [DiscussionsModule, DocumentsModule],
  controllers: [SearchController],
})
export class SearchModule {}
