import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import {
  EditMessageDto,
  HistoryQueryDto,
  ReactionParamsDto,
  ReadMarkerDto,
  SendMessageDto,
} from './dto/message.dto.js';
import { CreateRoomDto, ListRoomsQueryDto, UpdateRoomDto } from './dto/room.dto.js';
import {
  MessagePageDto,
  MessageResponseDto,
  RoomPageDto,
  RoomMemberResponseDto,
  RoomResponseDto,
  UnreadDto,
} from './dto/discussion.response.js';
import { MessageHistoryService } from './message-history.service.js';
import { MessageSendingService } from './message-sending.service.js';
import { PresenceService } from './presence.service.js';
import { ReadMarkersService } from './read-markers.service.js';
import { RoomsService } from './rooms.service.js';

/** The REST mirror of the socket protocol: the same services, which publish the same events to the sockets. */
@ApiTags('discussions')
@ApiBearerAuth()
@Controller()
export class DiscussionsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly markers: ReadMarkersService,
    private readonly messages: MessageHistoryService,
    private readonly sending: MessageSendingService,
    private readonly presence: PresenceService,
  ) {}

  @Get('rooms')
  @ApiOperation({ summary: 'List my rooms, most recently active first, with unread and mention counts.' })
  @ApiOkResponse({ type: RoomPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListRoomsQueryDto) {
    return this.rooms.listMine(actor, query);
  }

  @Post('rooms')
  @ApiOperation({ summary: 'Create a topic room or a direct room.' })
  @ApiCreatedResponse({ type: RoomResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoomDto) {
    return this.rooms.create(actor, dto);
  }

  @Post('meetings/:id/room')
  @ApiOperation({ summary: "Open a meeting's room, or return it when it exists." })
  @ApiCreatedResponse({ type: RoomResponseDto, description: "The meeting's room (opened on first call)" })
  meetingRoom(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rooms.openMeetingRoom(actor, id);
  }

  @Get('rooms/:id')
  @ApiOperation({ summary: 'Get a room I may read.' })
  @ApiOkResponse({ type: RoomResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rooms.get(actor, id);
  }

  @Patch('rooms/:id')
  @ApiOperation({ summary: 'Rename, re-topic or archive a room (moderators).' })
  @ApiOkResponse({ type: RoomResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoomDto) {
    return this.rooms.update(actor, id, dto);
  }

  @Get('rooms/:id/members')
  @ApiOperation({ summary: "List a room's members with their presence across instances." })
  @ApiOkResponse({ type: [RoomMemberResponseDto], description: 'Members of the room with their presence' })
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.presence.roomMembers(actor, id);
  }

  @Get('rooms/:id/pins')
  @ApiOperation({ summary: "List a room's pinned messages." })
  @ApiOkResponse({ type: [MessageResponseDto], description: 'Pinned messages, most recently pinned first' })
  pins(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.messages.pinned(actor, id);
  }

  @Put('messages/:id/pin')
  @ApiOperation({ summary: 'Pin a message to its room (moderators).' })
  @ApiOkResponse({ type: MessageResponseDto })
  pin(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.messages.pin(actor, id, true);
  }

  @Delete('messages/:id/pin')
  @ApiOperation({ summary: 'Unpin a message (moderators).' })
  @ApiOkResponse({ type: MessageResponseDto })
  unpin(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.messages.pin(actor, id, false);
  }

  @Get('rooms/:id/messages')
  @ApiOperation({ summary: "Page through a room's history in ascending seq." })
  @ApiOkResponse({ type: MessagePageDto })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: HistoryQueryDto) {
    return this.messages.history(actor, id, query);
  }

  @Post('rooms/:id/messages')
  @ApiOperation({ summary: 'Send a message; a resent clientId returns the original.' })
  @ApiCreatedResponse({ type: MessageResponseDto, description: 'Stored (or the original, for a resent clientId)' })
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendMessageDto) {
    return this.sending.send(actor, id, dto);
  }

  @Post('rooms/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move my read marker of a room or thread forward.' })
  @ApiOkResponse({ type: UnreadDto })
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReadMarkerDto) {
    return this.markers.read(actor, id, dto);
  }

  @Patch('messages/:id')
  @ApiOperation({ summary: 'Edit my message.' })
  @ApiOkResponse({ type: MessageResponseDto })
  edit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EditMessageDto) {
    return this.messages.edit(actor, id, dto.body);
  }

  @Delete('messages/:id')
  @ApiOperation({ summary: 'Delete a message, leaving a tombstone (author or moderator).' })
  @ApiOkResponse({ type: MessageResponseDto, description: 'The tombstone' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.messages.remove(actor, id);
  }

  @Put('messages/:id/reactions/:emoji')
  @ApiOperation({ summary: 'Add my reaction to a message.' })
  @ApiOkResponse({ type: MessageResponseDto })
  addReaction(@CurrentActor() actor: Actor, @Param() params: ReactionParamsDto) {
    return this.messages.react(actor, params.id, params.emoji, true);
  }

  @Delete('messages/:id/reactions/:emoji')
  @ApiOperation({ summary: 'Take back my reaction to a message.' })
  @ApiOkResponse({ type: MessageResponseDto })
  removeReaction(@CurrentActor() actor: Actor, @Param() params: ReactionParamsDto) {
    return this.messages.react(actor, params.id, params.emoji, false);
  }
}
