import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { MessagesService } from './messages.service.js';
import { RoomBroadcaster } from './room-broadcaster.js';
import { RoomsService } from './rooms.service.js';

/** The REST mirror of the socket protocol: same services, same broadcasts. */
@ApiTags('discussions')
@ApiBearerAuth()
@Controller()
export class DiscussionsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly messages: MessagesService,
    private readonly broadcaster: RoomBroadcaster,
  ) {}

  @Get('rooms')
  @ApiOkResponse({ type: RoomPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListRoomsQueryDto) {
    return this.rooms.listMine(actor, query);
  }

  @Post('rooms')
  @ApiCreatedResponse({ type: RoomResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRoomDto) {
    return this.rooms.create(actor, dto);
  }

  @Post('meetings/:id/room')
  @ApiCreatedResponse({ type: RoomResponseDto, description: "The meeting's room (opened on first call)" })
  meetingRoom(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rooms.openMeetingRoom(actor, id);
  }

  @Get('rooms/:id')
  @ApiOkResponse({ type: RoomResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.rooms.get(actor, id);
  }

  @Patch('rooms/:id')
  @ApiOkResponse({ type: RoomResponseDto })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRoomDto) {
    return this.rooms.update(actor, id, dto);
  }

  @Get('rooms/:id/members')
  @ApiOkResponse({ type: [RoomMemberResponseDto], description: 'Members of the room with their presence' })
  async members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const members = await this.rooms.membersOf(actor, id);
    const presence = await this.broadcaster.presenceOf(members.map((member) => member.memberId));
    return members.map((member) => ({ ...member, presence: presence.get(member.memberId) ?? 'offline' }));
  }

  @Get('rooms/:id/pins')
  @ApiOkResponse({ type: [MessageResponseDto], description: 'Pinned messages, most recently pinned first' })
  pins(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.messages.pinned(actor, id);
  }

  @Put('messages/:id/pin')
  @ApiOkResponse({ type: MessageResponseDto })
  async pin(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const message = await this.messages.pin(actor, id, true);
    this.broadcaster.messageUpdated(message);
    return message;
  }

  @Delete('messages/:id/pin')
  @ApiOkResponse({ type: MessageResponseDto })
  async unpin(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const message = await this.messages.pin(actor, id, false);
    this.broadcaster.messageUpdated(message);
    return message;
  }

  @Get('rooms/:id/messages')
  @ApiOkResponse({ type: MessagePageDto })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: HistoryQueryDto) {
    return this.messages.history(actor, id, query);
  }

  @Post('rooms/:id/messages')
  @ApiCreatedResponse({ type: MessageResponseDto, description: 'Stored (or the original, for a resent clientId)' })
  async send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendMessageDto) {
    const result = await this.messages.send(actor, id, dto);
    if (result.created) this.broadcaster.messageCreated(result.message);
    return result.message;
  }

  @Post('rooms/:id/read')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadDto })
  async read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReadMarkerDto) {
    const marker = dto.threadRootId
      ? await this.rooms.markThreadRead(actor, id, dto.threadRootId, dto.seq)
      : await this.rooms.markRead(actor, id, dto.seq);
    this.broadcaster.unreadUpdated(actor.id, id, marker.unreadCount, marker.lastReadSeq, dto.threadRootId);
    return marker;
  }

  @Patch('messages/:id')
  @ApiOkResponse({ type: MessageResponseDto })
  async edit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EditMessageDto) {
    const message = await this.messages.edit(actor, id, dto.body);
    this.broadcaster.messageUpdated(message);
    return message;
  }

  @Delete('messages/:id')
  @ApiOkResponse({ type: MessageResponseDto, description: 'The tombstone' })
  async remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    const message = await this.messages.remove(actor, id);
    this.broadcaster.messageUpdated(message);
    return message;
  }

  @Put('messages/:id/reactions/:emoji')
  @ApiOkResponse({ type: MessageResponseDto })
  async addReaction(@CurrentActor() actor: Actor, @Param() params: ReactionParamsDto) {
    const message = await this.messages.react(actor, params.id, params.emoji, true);
    this.broadcaster.reactionsUpdated(message);
    return message;
  }

  @Delete('messages/:id/reactions/:emoji')
  @ApiOkResponse({ type: MessageResponseDto })
  async removeReaction(@CurrentActor() actor: Actor, @Param() params: ReactionParamsDto) {
    const message = await this.messages.react(actor, params.id, params.emoji, false);
    this.broadcaster.reactionsUpdated(message);
    return message;
  }
}
