import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import {
  CastVotesDto,
  ClosePollDto,
  CreatePollDto,
  ListMyPollsQueryDto,
  ListPollsQueryDto,
  SuggestSlotsQueryDto,
} from './dto/poll.dto.js';
import { MeetingResponseDto } from './dto/meeting.response.js';
import {
  PollResponseDto,
  PollSummaryPageDto,
  PollSummaryResponseDto,
  SlotSuggestionResponseDto,
} from './dto/poll.response.js';
import { PollsService } from './polls.service.js';

@ApiTags('polls')
@ApiBearerAuth()
@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Post('working-groups/:id/polls')
  @ApiOperation({ summary: 'Open a scheduling poll in a working group' })
  @ApiCreatedResponse({ type: PollResponseDto })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) groupId: string, @Body() dto: CreatePollDto) {
    return this.polls.create(actor, groupId, dto);
  }

  @Get('working-groups/:id/polls')
  @ApiOperation({ summary: "List a working group's polls" })
  @ApiOkResponse({ type: PollSummaryPageDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) groupId: string, @Query() query: ListPollsQueryDto) {
    return this.polls.listForGroup(actor, groupId, query);
  }

  @Get('working-groups/:id/slot-suggestions')
  @ApiOperation({ summary: 'Suggest meeting slots for a working group' })
  @ApiOkResponse({ type: [SlotSuggestionResponseDto] })
  suggest(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) groupId: string,
    @Query() query: SuggestSlotsQueryDto,
  ) {
    return this.polls.suggest(actor, groupId, query);
  }

  @Get('polls')
  @ApiOperation({ summary: "List the polls of the caller's working groups (open ones by default), newest first" })
  @ApiOkResponse({ type: [PollSummaryResponseDto] })
  listMine(@CurrentActor() actor: Actor, @Query() query: ListMyPollsQueryDto) {
    return this.polls.listMine(actor, query);
  }

  @Get('polls/:id')
  @ApiOperation({ summary: 'Get a poll with its slots and answers' })
  @ApiOkResponse({ type: PollResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.polls.get(actor, id);
  }

  @Put('polls/:id/votes')
  @ApiOperation({ summary: "Answer a poll's slots" })
  @ApiErrors(409)
  @ApiOkResponse({ type: PollResponseDto })
  vote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CastVotesDto) {
    return this.polls.vote(actor, id, dto);
  }

  @Post('polls/:id/close')
  @ApiOperation({ summary: 'Close a poll and schedule the chosen slot' })
  @ApiErrors(409)
  @HttpCode(201)
  @ApiCreatedResponse({ type: MeetingResponseDto, description: 'The meeting created on the winning slot' })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ClosePollDto) {
    return this.polls.close(actor, id, dto.optionId);
  }
}
