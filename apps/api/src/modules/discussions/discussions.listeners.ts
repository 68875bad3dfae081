import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { GroupRole } from '@lcc/contracts';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MemberRoleChangedEvent } from '../members/events/member-role-changed.event.js';
import {
  WorkingGroupArchivedEvent,
  WorkingGroupCreatedEvent,
  WorkingGroupMemberJoinedEvent,
  WorkingGroupMemberLeftEvent,
  WorkingGroupRenamedEvent,
  WorkingGroupRoleChangedEvent,
  WorkingGroupVisibilityChangedEvent,
} from '../working-groups/events/working-group-member.events.js';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { ChannelGuard } from './channel-guard.js';
import { MessageHistoryService } from './message-history.service.js';
import { RoomsService } from './rooms.service.js';

const ASYNC = { async: true, promisify: true } as const;

/**
 * Keeps rooms in step with the rest of the portal: group rooms follow group membership and roles, meeting rooms
 * their invitees, and socket channels the room rule (`ChannelGuard`). What sockets hear is `RealtimeListener`'s.
 */
@Injectable()
export class DiscussionsListeners {
  constructor(
    private readonly rooms: RoomsService,
    private readonly channels: ChannelGuard,
    private readonly history: MessageHistoryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @OnEvent(WorkingGroupCreatedEvent.NAME, ASYNC)
  async onGroupCreated(event: WorkingGroupCreatedEvent): Promise<void> {
    await this.rooms.openGroupRoom(event.workingGroupId, event.name, event.creatorId);
  }

  @OnEvent(WorkingGroupMemberJoinedEvent.NAME, ASYNC)
  async onMemberJoined(event: WorkingGroupMemberJoinedEvent): Promise<void> {
    const room = await this.rooms.groupRoom(event.workingGroupId);
    if (room)
      await this.rooms.addMembers(this.dataSource.manager, room.id, [event.memberId], event.role === GroupRole.Lead);
  }

  @OnEvent(WorkingGroupRoleChangedEvent.NAME, ASYNC)
  async onRoleChanged(event: WorkingGroupRoleChangedEvent): Promise<void> {
    const room = await this.rooms.groupRoom(event.workingGroupId);
    if (room)
      await this.rooms.addMembers(this.dataSource.manager, room.id, [event.memberId], event.role === GroupRole.Lead);
  }

  @OnEvent(WorkingGroupMemberLeftEvent.NAME, ASYNC)
  async onMemberLeft(event: WorkingGroupMemberLeftEvent): Promise<void> {
    const room = await this.rooms.groupRoom(event.workingGroupId);
    if (room) await this.rooms.removeMember(room.id, event.memberId);
    // The group's room, and the rooms of its meetings that came with the membership.
    await this.channels.recheckMembers([event.memberId]);
  }

  @OnEvent(WorkingGroupVisibilityChangedEvent.NAME, ASYNC)
  async onGroupVisibilityChanged(event: WorkingGroupVisibilityChangedEvent): Promise<void> {
    await this.channels.recheckRooms(await this.rooms.roomIdsOfGroup(event.workingGroupId));
  }

  /** An archived group's room keeps its messages and takes no new ones; it opens again with the group. */
  @OnEvent(WorkingGroupArchivedEvent.NAME, ASYNC)
  async onGroupArchived(event: WorkingGroupArchivedEvent): Promise<void> {
    await this.rooms.followGroup(event.workingGroupId, { archived: event.archived });
  }

  @OnEvent(WorkingGroupRenamedEvent.NAME, ASYNC)
  async onGroupRenamed(event: WorkingGroupRenamedEvent): Promise<void> {
    await this.rooms.followGroup(event.workingGroupId, { name: event.name });
  }

  /** A deleted account leaves its rooms; its messages stay signed "Former member" unless it chose to remove them. */
  @OnEvent(MemberDeletedEvent.NAME, ASYNC)
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    await this.rooms.removeFromAllRooms(event.memberId);
    if (event.removeMessages) await this.history.removeAllOf(event.memberId);
  }

  /** A role that granted rooms (coordinators see every group) takes them along when it goes. */
  @OnEvent(MemberRoleChangedEvent.NAME, ASYNC)
  async onNetworkRoleChanged(event: MemberRoleChangedEvent): Promise<void> {
    await this.channels.recheckMembers([event.memberId]);
  }

  /** New invitees of a meeting that has a room join it. */
  @OnEvent(MeetingChangedEvent.UPDATED, ASYNC)
  async onMeetingInvitees(event: MeetingChangedEvent): Promise<void> {
    const room = await this.rooms.meetingRoom(event.meetingId);
    if (room) await this.rooms.addMembersKeepingRole(room.id, event.inviteeIds);
  }
}
