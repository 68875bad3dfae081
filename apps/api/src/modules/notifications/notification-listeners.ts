import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { NotificationType } from '@lcc/contracts';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import {
  WorkingGroupJoinRequestedEvent,
  WorkingGroupMemberJoinedEvent,
} from '../working-groups/events/working-group-member.events.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { NotificationsService } from './notifications.service.js';

const ASYNC = { async: true, promisify: true } as const;

/** Turns domain events into in-app notifications; the actor is never notified of their own action. */
@Injectable()
export class NotificationListeners {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly groups: WorkingGroupsService,
  ) {}

  @OnEvent(MeetingChangedEvent.SCHEDULED, ASYNC)
  onScheduled(event: MeetingChangedEvent): Promise<void> {
    return this.toInvitees(event, NotificationType.MeetingInvited, `You are invited: ${event.title}`);
  }

  @OnEvent(MeetingChangedEvent.UPDATED, ASYNC)
  onUpdated(event: MeetingChangedEvent): Promise<void> {
    return this.toInvitees(event, NotificationType.MeetingUpdated, `Meeting changed: ${event.title}`);
  }

  @OnEvent(MeetingChangedEvent.CANCELLED, ASYNC)
  onCancelled(event: MeetingChangedEvent): Promise<void> {
    return this.toInvitees(event, NotificationType.MeetingCancelled, `Meeting cancelled: ${event.title}`);
  }

  @OnEvent(WorkingGroupJoinRequestedEvent.NAME, ASYNC)
  async onJoinRequested(event: WorkingGroupJoinRequestedEvent): Promise<void> {
    const group = await this.groups.leadsOf(event.workingGroupId);
    if (!group) return;
    await this.notifications.notify(
      group.leadIds.map((memberId) => ({
        memberId,
        type: NotificationType.GroupJoinRequested,
        title: `A member asks to join ${group.name}`,
        data: { workingGroupId: event.workingGroupId, memberId: event.memberId },
      })),
    );
  }

  /** Approved, added or invited by someone else: tell the new member. */
  @OnEvent(WorkingGroupMemberJoinedEvent.NAME, ASYNC)
  async onJoined(event: WorkingGroupMemberJoinedEvent): Promise<void> {
    if (event.actorId === event.memberId) return;
    const group = await this.groups.leadsOf(event.workingGroupId);
    if (!group) return;
    await this.notifications.notify([
      {
        memberId: event.memberId,
        type: NotificationType.GroupJoined,
        title: `You are now a member of ${group.name}`,
        data: { workingGroupId: event.workingGroupId },
      },
    ]);
  }

  private async toInvitees(event: MeetingChangedEvent, type: NotificationType, title: string): Promise<void> {
    await this.notifications.notify(
      event.inviteeIds
        .filter((memberId) => memberId !== event.actorId)
        .map((memberId) => ({
          memberId,
          type,
          title,
          data: { meetingId: event.meetingId, workingGroupId: event.workingGroupId },
        })),
    );
  }
}
