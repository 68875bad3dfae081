import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { SearchQueryDto, SearchResponseDto } from './dto/search.dto.js';
import { SearchService } from './search.service.js';

/** One search box over messages (rooms I am in), documents (those I may open), members and cities. */
@ApiTags('search')
@ApiBearerAuth()
@Controller('search')
export class SearchController {
  constructor(private readonly service: SearchService) {}

  @Get()
  @ApiOperation({ summary: 'Search the messages, documents, members and cities the caller may see' })
  @ApiOkResponse({ type: SearchResponseDto })
  search(@CurrentActor() actor: Actor, @Query() query: SearchQueryDto) {
    return this.service.search(actor, query);
  }
}
