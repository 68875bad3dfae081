import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SessionsRevokedEvent } from '../auth/events/session-revoked.event.js';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import { PollChangedEvent } from '../../common/events/poll-changed.event.js';
import { DocumentChangedEvent } from '../documents/events/document-changed.event.js';
import { MemberChangedEvent } from '../members/events/member-changed.event.js';
import { MemberSuspendedEvent } from '../members/events/member-suspended.event.js';
import { MembersService } from '../members/members.service.js';
import { NotificationsCreatedEvent } from '../notifications/events/notification-created.event.js';
import { MessageCreatedEvent } from './events/message-created.event.js';
import { MessageDeletedEvent } from './events/message-deleted.event.js';
import { MessageUpdatedEvent } from './events/message-updated.event.js';
import { PresenceChangedEvent } from './events/presence-changed.event.js';
import { ReactionsUpdatedEvent } from './events/reactions-updated.event.js';
import { RoomMembersRemovedEvent } from './events/room-member-removed.event.js';
import { RoomMembersAddedEvent } from './events/room-members-added.event.js';
import { RoomNotifyLevelChangedEvent } from './events/room-notify-level-changed.event.js';
import { RoomReadEvent } from './events/room-read.event.js';
import { ThreadUpdatedEvent } from './events/thread-updated.event.js';
import { TypingStartedEvent } from './events/typing-started.event.js';
import { WorkingGroupRequestsChangedEvent } from '../working-groups/events/working-group-member.events.js';
import { RoomBroadcaster } from './room-broadcaster.js';

/** For events other features publish with `emitAsync`: run after the publisher's commit, awaited by it. */
const ASYNC = { async: true, promisify: true } as const;

/**
 * The one place where what happened becomes what sockets hear. Services publish domain events after their commit;
 * this listener turns each into socket events through `RoomBroadcaster` (and so through the adapter, on every
 * instance). Controllers and the gateway never broadcast.
 *
 * This feature's own events are handled synchronously: `emit` runs these methods before the publishing service
 * returns, so a broadcast still leaves after the commit and before the sender's acknowledgement, with no await
 * added to the send path.
 */
@Injectable()
export class RealtimeListener {
  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly members: MembersService,
  ) {}

  @OnEvent(MessageCreatedEvent.NAME)
  onMessageCreated(event: MessageCreatedEvent): void {
    this.broadcaster.messageCreated(event.message);
  }

  @OnEvent(MessageUpdatedEvent.NAME)
  onMessageUpdated(event: MessageUpdatedEvent): void {
    this.broadcaster.messageUpdated(event.message);
  }

  @OnEvent(MessageDeletedEvent.NAME)
  onMessageDeleted(event: MessageDeletedEvent): void {
    this.broadcaster.messageDeleted(event.message);
  }

  @OnEvent(ReactionsUpdatedEvent.NAME)
  onReactionsUpdated(event: ReactionsUpdatedEvent): void {
    this.broadcaster.reactionsUpdated(event.message);
  }

  @OnEvent(ThreadUpdatedEvent.NAME)
  onThreadUpdated(event: ThreadUpdatedEvent): void {
    this.broadcaster.threadUpdated(event.update);
  }

  /** Every socket of the reader (other tabs, other devices) learns the new unread count. */
  @OnEvent(RoomReadEvent.NAME)
  onRoomRead(event: RoomReadEvent): void {
    const { memberId, roomId, unreadCount, lastReadSeq, threadRootId } = event;
    this.broadcaster.unreadUpdated(memberId, {
      roomId,
      unreadCount,
      lastReadSeq,
      ...(threadRootId ? { threadRootId } : {}),
    });
  }

  /** A new direct message, a room joined or someone added: it appears in each member's list without a reload. */
  @OnEvent(RoomMembersAddedEvent.NAME)
  onRoomMembersAdded(event: RoomMembersAddedEvent): void {
    for (const { memberId, room } of event.views) this.broadcaster.roomAdded(memberId, room);
  }

  /** Left or removed: their sockets stop hearing the room at once, on every instance, and drop it from the list. */
  @OnEvent(RoomMembersRemovedEvent.NAME)
  onRoomMembersRemoved(event: RoomMembersRemovedEvent): void {
    for (const memberId of event.memberIds) this.broadcaster.roomRemoved(memberId, event.roomId);
  }

  @OnEvent(RoomNotifyLevelChangedEvent.NAME)
  onNotifyLevelChanged(event: RoomNotifyLevelChangedEvent): void {
    this.broadcaster.notifyLevel(event.memberId, event.roomId, event.notifyLevel);
  }

  @OnEvent(PresenceChangedEvent.NAME)
  onPresenceChanged(event: PresenceChangedEvent): void {
    this.broadcaster.presence(event.roomIds, event.memberId, event.status);
  }

  @OnEvent(TypingStartedEvent.NAME)
  onTypingStarted(event: TypingStartedEvent): void {
    this.broadcaster.typing(event.roomId, event.socketId, event.memberId, event.displayName);
  }

  /** Every committed notification (meetings, memberships, mentions) reaches its member's sockets from here. */
  @OnEvent(NotificationsCreatedEvent.NAME, ASYNC)
  onNotificationsCreated(event: NotificationsCreatedEvent): void {
    for (const { memberId, ...notification } of event.notifications) {
      this.broadcaster.notificationCreated(memberId, notification);
    }
  }

  @OnEvent(MeetingChangedEvent.SCHEDULED, ASYNC)
  onMeetingScheduled(event: MeetingChangedEvent): void {
    this.meetingChanged(event, 'scheduled');
  }

  @OnEvent(MeetingChangedEvent.UPDATED, ASYNC)
  onMeetingUpdated(event: MeetingChangedEvent): void {
    this.meetingChanged(event, 'updated');
  }

  @OnEvent(MeetingChangedEvent.CANCELLED, ASYNC)
  onMeetingCancelled(event: MeetingChangedEvent): void {
    this.meetingChanged(event, 'cancelled');
  }

  /** Answers appear live for everyone on the poll's page. */
  @OnEvent(PollChangedEvent.NAME, ASYNC)
  onPollChanged(event: PollChangedEvent): void {
    this.broadcaster.pollUpdated(event.memberIds, { pollId: event.pollId, workingGroupId: event.workingGroupId });
  }

  /** The leads and staff who decide on a group's requests see the waiting count change live. */
  @OnEvent(WorkingGroupRequestsChangedEvent.NAME, ASYNC)
  onGroupRequestsChanged(event: WorkingGroupRequestsChangedEvent): void {
    this.broadcaster.groupRequestsUpdated(event.deciderIds, {
      workingGroupId: event.workingGroupId,
      pendingCount: event.pendingCount,
    });
  }

  /** Lists of members on screen refresh: the directory for everyone, pending registrations for staff only. */
  @OnEvent(MemberChangedEvent.NAME, ASYNC)
  async onMemberChanged(event: MemberChangedEvent): Promise<void> {
    const payload = { memberId: event.memberId, status: event.status, role: event.role };
    if (!event.staffOnly) return this.broadcaster.memberChanged(payload);
    const staff = await this.members.staffRecipients();
    this.broadcaster.memberChanged(
      payload,
      staff.map((member) => member.id),
    );
  }

  /** A document's open page shows a new version, or a text read, without a reload (only to those who may open it). */
  @OnEvent(DocumentChangedEvent.NAME, ASYNC)
  onDocumentChanged(event: DocumentChangedEvent): void {
    this.broadcaster.documentUpdated(event.memberIds, { documentId: event.documentId, change: event.change });
  }

  @OnEvent(MemberSuspendedEvent.NAME, ASYNC)
  onSuspended(event: MemberSuspendedEvent): void {
    this.broadcaster.disconnectMember(event.memberId);
  }

  @OnEvent(SessionsRevokedEvent.NAME, ASYNC)
  async onSessionsRevoked(event: SessionsRevokedEvent): Promise<void> {
    // A password change ends the other sessions by id; "log out everywhere" and suspension end them all.
    if (event.all) this.broadcaster.disconnectMember(event.memberId);
    else await this.broadcaster.disconnectSessions(event.memberId, event.sessionIds);
  }

  private meetingChanged(event: MeetingChangedEvent, change: 'scheduled' | 'updated' | 'cancelled'): void {
    this.broadcaster.meetingUpdated(event.inviteeIds, {
      meetingId: event.meetingId,
      workingGroupId: event.workingGroupId,
      change,
    });
  }
}
