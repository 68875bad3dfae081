import { Module } from '@nestjs/common';
import { DiscussionsModule } from '../discussions/discussions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { SearchController } from './search.controller.js';

@Module({
  imports: [DiscussionsModule, DocumentsModule, MembersModule],
  controllers: [SearchController],
})
export class SearchModule {}
