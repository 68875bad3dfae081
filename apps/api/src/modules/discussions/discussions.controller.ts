import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { type Actor, CurrentActor } from '../../common/http/actor.js';
import {
  EditMessageDto,
  HistoryQueryDto,
  ListThreadsQueryDto,
  ReactionParamsDto,
  ReadMarkerDto,
  SendMessageDto,
} from './dto/message.dto.js';
import {
  AddRoomMembersDto,
  CreateRoomDto,
  ListRoomsQueryDto,
  RoomDirectoryQueryDto,
  RoomMemberParamsDto,
  RoomNotifyLevelDto,
  UpdateRoomDto,
} from './dto/room.dto.js';
import {
  MessagePageDto,
  MessageResponseDto,
  RoomDirectoryPageDto,
  RoomPageDto,
  RoomMemberResponseDto,
  RoomResponseDto,
  ThreadPageDto,
  UnreadDto,
} from './dto/discussion.response.js';
import { MessageHistoryService } from './message-history.service.js';
import { MessageSendingService } from './message-sending.service.js';
import { PresenceService } from './presence.service.js';
import { ReadMarkersService } from './read-markers.service.js';
import { RoomMembershipService } from './room-membership.service.js';
import { RoomsService } from './rooms.service.js';
import { ThreadsService } from './threads.service.js';

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
    private readonly membership: RoomMembershipService,
    private readonly threadList: ThreadsService,
  ) {}

  @Get('rooms/directory')
  @ApiOperation({ summary: 'Browse and search the public topic rooms, with their topic and member count.' })
  @ApiOkResponse({ type: RoomDirectoryPageDto })
  directory(@CurrentActor() actor: Actor, @Query() query: RoomDirectoryQueryDto) {
    return this.membership.directory(actor, query);
  }

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

  @Post('rooms/:id/join')
  @HttpCode(200)
  @ApiOperation({ summary: 'Join a public topic room; it is in my room list at once.' })
  @ApiOkResponse({ type: RoomResponseDto })
  @ApiErrors(409)
  join(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.membership.join(actor, id);
  }

  @Post('rooms/:id/leave')
  @HttpCode(204)
  @ApiOperation({ summary: 'Leave a topic or direct room (a group or meeting room follows its group or meeting).' })
  @ApiNoContentResponse({ description: 'Left (or was not in it)' })
  @ApiErrors(409)
  leave(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.membership.leave(actor, id);
  }

  @Post('rooms/:id/members')
  @HttpCode(204)
  @ApiOperation({ summary: 'Add people to a topic room (moderators).' })
  @ApiNoContentResponse({ description: 'Added; each new member hears room.added' })
  @ApiErrors(409)
  addMembers(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AddRoomMembersDto) {
    return this.membership.add(actor, id, dto);
  }

  @Delete('rooms/:id/members/:memberId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove someone from a topic room (moderators); their access ends on every channel.' })
  @ApiNoContentResponse({ description: 'Removed; their sockets leave the room and hear room.removed' })
  @ApiErrors(409)
  removeMember(@CurrentActor() actor: Actor, @Param() params: RoomMemberParamsDto) {
    return this.membership.remove(actor, params.id, params.memberId);
  }

  @Put('rooms/:id/notify-level')
  @ApiOperation({ summary: 'Choose what I hear of a room: all, mentions or nothing (muted).' })
  @ApiOkResponse({ type: RoomResponseDto })
  notifyLevel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RoomNotifyLevelDto) {
    return this.membership.setNotifyLevel(actor, id, dto);
  }

  @Get('threads')
  @ApiOperation({ summary: 'List the threads I started or replied to, those with unread replies first.' })
  @ApiOkResponse({ type: ThreadPageDto })
  threads(@CurrentActor() actor: Actor, @Query() query: ListThreadsQueryDto) {
    return this.threadList.mine(actor, query);
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
