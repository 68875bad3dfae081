import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { DocumentsService } from '../documents/documents.service.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { DiscussionsController } from './discussions.controller.js';
import { ChannelGuard } from './channel-guard.js';
import { DiscussionsGateway } from './discussions.gateway.js';
import { DiscussionsListeners } from './discussions.listeners.js';
import { MessageReaction } from './entities/message-reaction.entity.js';
import { Message } from './entities/message.entity.js';
import { RoomMember } from './entities/room-member.entity.js';
import { Room } from './entities/room.entity.js';
import { ThreadReadMarker } from './entities/thread-read-marker.entity.js';
import { MessageHistoryService } from './message-history.service.js';
import { MessageSearchService } from './message-search.service.js';
import { MessageSendingService } from './message-sending.service.js';
import { PresenceService } from './presence.service.js';
import { ReadMarkersService } from './read-markers.service.js';
import { RealtimeListener } from './realtime.listener.js';
import { RoomBroadcaster } from './room-broadcaster.js';
import { MentionsService } from './mentions.service.js';
import { RoomMembershipService } from './room-membership.service.js';
import { RoomViewsService } from './room-views.service.js';
import { RoomsService } from './rooms.service.js';
import { ThreadsService } from './threads.service.js';
import { SocketAuth } from './socket-auth.js';
import { RoomNotificationSubjects } from './room-notification-subjects.js';
import { roomReadableSql } from './room-access.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Room, RoomMember, Message, MessageReaction, ThreadReadMarker]),
    AuthModule,
    NotificationsModule,
    DocumentsModule,
    MembersModule,
    MeetingsModule,
  ],
  controllers: [DiscussionsController],
  providers: [
    RoomNotificationSubjects,
    RoomsService,
    RoomViewsService,
    RoomMembershipService,
    MentionsService,
    ReadMarkersService,
    MessageHistoryService,
    MessageSendingService,
    MessageSearchService,
    ThreadsService,
    PresenceService,
    SocketAuth,
    RoomBroadcaster,
    ChannelGuard,
    DiscussionsGateway,
    DiscussionsListeners,
    RealtimeListener,
  ],
  exports: [RoomsService, MessageHistoryService, MessageSendingService, MessageSearchService],
})
export class DiscussionsModule {
  // Files sent to a room are for its readers: documents ask this feature's rule (it cannot import it).
  constructor(documents: DocumentsService) {
    documents.useRoomRule(roomReadableSql);
  }
}
