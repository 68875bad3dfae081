import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import { Public } from '../../common/decorators/public.decorator.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { CalendarService } from './calendar.service.js';
import { CreateMeetingDto, UpdateMeetingDto } from './dto/create-meeting.dto.js';
import {
  ListActionItemsQueryDto,
  ListMeetingsQueryDto,
  RsvpDto,
  SetActionItemDoneDto,
} from './dto/meeting-queries.dto.js';
import { ActionItemsService } from './action-items.service.js';
import {
  ActionItemResponseDto,
  CalendarFeedUrlDto,
  MeetingPageDto,
  MeetingResponseDto,
  MyActionItemResponseDto,
} from './dto/meeting.response.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
    private readonly actionItems: ActionItemsService,
  ) {}

  @Post('working-groups/:id/meetings')
  @ApiOperation({ summary: 'Schedule a meeting in a working group' })
  @ApiCreatedResponse({ type: MeetingResponseDto })
  schedule(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) groupId: string, @Body() dto: CreateMeetingDto) {
    return this.meetings.schedule(actor, groupId, dto);
  }

  @Get('meetings')
  @ApiOperation({ summary: 'List the meetings the caller may see' })
  @ApiOkResponse({ type: MeetingPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListMeetingsQueryDto) {
    return this.meetings.list(actor, query);
  }

  @Get('meetings/:id')
  @ApiOperation({ summary: 'Get a meeting' })
  @ApiOkResponse({ type: MeetingResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(actor, id);
  }

  @Patch('meetings/:id')
  @ApiOperation({ summary: 'Update a meeting' })
  @ApiErrors(409)
  @ApiOkResponse({ type: MeetingResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateMeetingDto) {
    return this.meetings.update(actor, id, dto);
  }

  @Post('meetings/:id/cancel')
  @ApiOperation({ summary: 'Cancel a meeting' })
  @ApiErrors(409)
  @HttpCode(200)
  @ApiOkResponse({ type: MeetingResponseDto })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.cancel(actor, id);
  }

  @Put('meetings/:id/rsvp')
  @ApiOperation({ summary: 'Answer a meeting invitation' })
  @ApiErrors(409)
  @ApiOkResponse({ type: MeetingResponseDto })
  rsvp(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RsvpDto) {
    return this.meetings.rsvp(actor, id, dto.response);
  }

  @Get('action-items')
  @ApiOperation({ summary: "List the caller's own action items across the meetings they may see" })
  @ApiOkResponse({ type: [MyActionItemResponseDto] })
  myActionItems(@CurrentActor() actor: Actor, @Query() query: ListActionItemsQueryDto) {
    return this.actionItems.listMine(actor, query.status);
  }

  @Patch('meetings/:id/action-items/:itemId')
  @ApiOperation({ summary: 'Mark an action item done or open again (its owner, or whoever manages the meeting)' })
  @ApiErrors(409)
  @ApiOkResponse({ type: ActionItemResponseDto })
  setActionItemDone(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @Body() dto: SetActionItemDoneDto,
  ) {
    return this.meetings.setActionItemDone(actor, id, itemId, dto.done);
  }

  @Get('meetings/:id/ics')
  @ApiOperation({ summary: 'Download a meeting as an iCalendar file' })
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="meeting.ics"')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The meeting as an iCalendar file' })
  ics(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.calendar.meetingIcs(actor, id);
  }

  @Get('calendar/feed')
  @ApiOperation({ summary: "Get the caller's private calendar feed URL" })
  @ApiOkResponse({ type: CalendarFeedUrlDto })
  feed(@CurrentActor() actor: Actor) {
    return this.calendar.feedUrl(actor);
  }

  @Post('calendar/feed/rotate')
  @ApiOperation({ summary: "Replace the caller's calendar feed URL" })
  @HttpCode(200)
  @ApiOkResponse({ type: CalendarFeedUrlDto, description: 'A new URL; the old one stops working' })
  rotate(@CurrentActor() actor: Actor) {
    return this.calendar.rotate(actor);
  }
}

/** The private feed URL itself: no Authorization header, the token in the path is the secret. */
@ApiTags('meetings')
@Controller('calendar/feeds')
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':token.ics')
  @ApiOperation({ summary: 'Read a private calendar feed' })
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: "A member's meetings; the token in the URL is the secret" })
  feedIcs(@Param('token') token: string) {
    return this.calendar.feedIcs(token);
  }
}
