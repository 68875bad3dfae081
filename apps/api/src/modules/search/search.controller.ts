import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { MessageSearchService } from '../discussions/message-search.service.js';
import { DocumentSearchService } from '../documents/document-search.service.js';
import { ListMembersQueryDto } from '../members/dto/list-members-query.dto.js';
import { MembersService } from '../members/members.service.js';
import { ListDocumentsQueryDto } from '../documents/dto/document-queries.dto.js';
import { SearchQueryDto, SearchResponseDto } from './dto/search.dto.js';

/** One search box over messages (rooms I am in), documents (those I may open) and the members I may find. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(
    private readonly messages: MessageSearchService,
    private readonly documents: DocumentSearchService,
    private readonly members: MembersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Search the messages and documents the caller may read and the members they may find' })
  @ApiOkResponse({ type: SearchResponseDto })
  async search(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto) {
    const wants = (scope: typeof query.scope) => query.scope === 'all' || query.scope === scope;
    const [messages, documents, members] = await Promise.all([
      wants('messages') ? this.messages.search(actor, query.q, query.limit) : [],
      wants('documents')
        ? this.documents.list(actor, Object.assign(new ListDocumentsQueryDto(), { q: query.q, limit: query.limit }))
        : { items: [] },
      wants('members')
        ? this.members.list(
            actor,
            Object.assign(new ListMembersQueryDto(), { q: query.q.slice(0, 100), limit: query.limit }),
          )
        : { items: [] },
    ]);
    return { messages, documents: documents.items, members: members.items };
  }
}
