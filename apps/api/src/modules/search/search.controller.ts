import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { MessageSearchService } from '../discussions/message-search.service.js';
import { DocumentSearchService } from '../documents/document-search.service.js';
import { ListDocumentsQueryDto } from '../documents/dto/document-queries.dto.js';
import { SearchQueryDto, SearchResponseDto } from './dto/search.dto.js';

/** One search box over messages (rooms I am in) and documents (those I may open). */
@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly messages: MessageSearchService,
    private readonly documents: DocumentSearchService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the messages and documents the caller may read' })
  @ApiOkResponse({ type: SearchResponseDto })
  async search(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto) {
    const [messages, documents] = await Promise.all([
      query.scope === 'documents' ? [] : this.messages.search(actor, query.q, query.limit),
      query.scope === 'messages'
        ? { items: [] }
        : this.documents.list(actor, Object.assign(new ListDocumentsQueryDto(), { q: query.q, limit: query.limit })),
    ]);
    return { messages, documents: documents.items };
  }
}
