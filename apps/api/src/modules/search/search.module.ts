import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module.js';
import { DiscussionsModule } from '../discussions/discussions.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MembersModule } from '../members/members.module.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [DiscussionsModule, DocumentsModule, MembersModule, CitiesModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
