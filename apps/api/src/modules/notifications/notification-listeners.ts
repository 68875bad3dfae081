import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { NotificationType } from '@lcc/contracts';
import { MeetingChangedEvent } from '../../common/events/meeting-changed.event.js';
import { DocumentsService } from '../documents/documents.service.js';
import { DocumentUploadedEvent } from '../documents/events/document-uploaded.event.js';
import { MemberAwaitingApprovalEvent } from '../members/events/member-awaiting-approval.event.js';
import { MemberDeletedEvent } from '../members/events/member-deleted.event.js';
import { MembersService } from '../members/members.service.js';
import {
  WorkingGroupJoinRequestedEvent,
  WorkingGroupMemberJoinedEvent,
} from '../working-groups/events/working-group-member.events.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import { NotificationsService } from './notifications.service.js';

const ASYNC = { async: true, promisify: true } as const;

/**
 * Turns domain events into in-app notifications; the actor is never notified of their own action. Each notification
 * carries its kind and the names its sentence needs (`NotificationParams`), never the sentence itself: readers'
 * clients say it in their own language.
 */
@Injectable()
export class NotificationListeners {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly groups: WorkingGroupsService,
    private readonly members: MembersService,
    private readonly documents: DocumentsService,
  ) {}

  /** A document filed under a group: its members who may open it, not the uploader. */
  @OnEvent(DocumentUploadedEvent.NAME, ASYNC)
  async onDocumentUploaded(event: DocumentUploadedEvent): Promise<void> {
    if (!event.workingGroupId) return;
    const audience = await this.documents.groupAudience(event.documentId);
    if (!audience || audience.memberIds.length === 0) return;
    const data = {
      documentId: event.documentId,
      documentTitle: audience.title,
      workingGroupId: audience.workingGroupId,
      groupName: audience.groupName,
      actorId: event.actorId,
      actorName: event.actorName,
    };
    await this.notifications.notify(
      audience.memberIds.map((memberId) => ({ memberId, type: NotificationType.DocumentAdded, data })),
    );
  }

  /** A confirmed registration waits: the people who approve registrations (active coordinators and admins). */
  @OnEvent(MemberAwaitingApprovalEvent.NAME, ASYNC)
  async onAwaitingApproval(event: MemberAwaitingApprovalEvent): Promise<void> {
    const member = await this.members.findById(event.memberId);
    if (!member) return;
    const staff = await this.members.staffRecipients();
    const data = {
      memberId: member.id,
      memberName: member.displayName,
      country: member.country,
      ...(member.organization ? { organization: member.organization } : {}),
    };
    await this.notifications.notify(
      staff.map((recipient) => ({ memberId: recipient.id, type: NotificationType.RegistrationPending, data })),
    );
  }

  @OnEvent(MemberDeletedEvent.NAME, ASYNC)
  async onMemberDeleted(event: MemberDeletedEvent): Promise<void> {
    await this.notifications.forgetMember(event.memberId);
  }

  @OnEvent(MeetingChangedEvent.SCHEDULED, ASYNC)
  onScheduled(event: MeetingChangedEvent): Promise<void> {
    return this.toInvitees(event, NotificationType.MeetingInvited);
  }

  /**
   * A change of time, place, agenda or invitees is `meeting_updated`; an update that only wrote new minutes is
   * `meeting_minutes`; action items alone, or the same minutes saved again, notify nobody.
   */
  @OnEvent(MeetingChangedEvent.UPDATED, ASYNC)
  onUpdated(event: MeetingChangedEvent): Promise<void> {
    if (event.calendarChanged) return this.toInvitees(event, NotificationType.MeetingUpdated);
    if (event.minutesChanged) return this.toInvitees(event, NotificationType.MeetingMinutes);
    return Promise.resolve();
  }

  @OnEvent(MeetingChangedEvent.CANCELLED, ASYNC)
  onCancelled(event: MeetingChangedEvent): Promise<void> {
    return this.toInvitees(event, NotificationType.MeetingCancelled);
  }

  /** Everyone who decides on the request: the group's leads and the network's coordinators and admins. */
  @OnEvent(WorkingGroupJoinRequestedEvent.NAME, ASYNC)
  async onJoinRequested(event: WorkingGroupJoinRequestedEvent): Promise<void> {
    const group = await this.groups.requestDeciders(event.workingGroupId);
    if (!group) return;
    const memberName = await this.nameOf(event.memberId);
    await this.notifications.notify(
      group.deciderIds.map((memberId) => ({
        memberId,
        type: NotificationType.GroupJoinRequested,
        data: { workingGroupId: event.workingGroupId, groupName: group.name, memberId: event.memberId, memberName },
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
        data: {
          workingGroupId: event.workingGroupId,
          groupName: group.name,
          actorId: event.actorId,
          actorName: await this.nameOf(event.actorId),
        },
      },
    ]);
  }

  private async toInvitees(event: MeetingChangedEvent, type: NotificationType): Promise<void> {
    const recipients = event.inviteeIds.filter((memberId) => memberId !== event.actorId);
    if (recipients.length === 0) return;
    const group = await this.groups.leadsOf(event.workingGroupId);
    const data = {
      meetingId: event.meetingId,
      workingGroupId: event.workingGroupId,
      meetingTitle: event.title,
      groupName: group?.name ?? '',
      actorId: event.actorId,
      actorName: await this.nameOf(event.actorId),
    };
    await this.notifications.notify(recipients.map((memberId) => ({ memberId, type, data })));
  }

  private async nameOf(memberId: string): Promise<string> {
    return (await this.members.findById(memberId))?.displayName ?? '';
  }
}
