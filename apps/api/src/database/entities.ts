import { CityMember } from '../modules/cities/entities/city-member.entity.js';
import { City } from '../modules/cities/entities/city.entity.js';
import { EmissionInventory } from '../modules/inventories/entities/emission-inventory.entity.js';
import { IndicatorValue } from '../modules/indicators/entities/indicator-value.entity.js';
import { Indicator } from '../modules/indicators/entities/indicator.entity.js';
import { InventoryEntry } from '../modules/inventories/entities/inventory-entry.entity.js';
import { ReportedChange } from '../modules/indicators/entities/reported-change.entity.js';
import { StrategyAction } from '../modules/strategies/entities/strategy-action.entity.js';
import { StrategyTarget } from '../modules/strategies/entities/strategy-target.entity.js';
import { Strategy } from '../modules/strategies/entities/strategy.entity.js';
import { CertificationStep } from '../modules/eco-labels/entities/certification-step.entity.js';
import { EcoLabelCriterion } from '../modules/eco-labels/entities/eco-label-criterion.entity.js';
import { EcoLabelScheme } from '../modules/eco-labels/entities/eco-label-scheme.entity.js';
import { MutualRecognition } from '../modules/eco-labels/entities/mutual-recognition.entity.js';
import { ProductCategory } from '../modules/eco-labels/entities/product-category.entity.js';
import { SchemeCategory } from '../modules/eco-labels/entities/scheme-category.entity.js';
import { AuditEntry } from '../modules/audit/entities/audit-entry.entity.js';
import { MessageReaction } from '../modules/discussions/entities/message-reaction.entity.js';
import { Message } from '../modules/discussions/entities/message.entity.js';
import { RoomMember } from '../modules/discussions/entities/room-member.entity.js';
import { Room } from '../modules/discussions/entities/room.entity.js';
import { ThreadReadMarker } from '../modules/discussions/entities/thread-read-marker.entity.js';
import { AccountToken } from '../modules/auth/entities/account-token.entity.js';
import { AuthSession } from '../modules/auth/entities/auth-session.entity.js';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity.js';
import { MemberIdentity } from '../modules/auth/oidc/entities/member-identity.entity.js';
import { MemberRecoveryCode } from '../modules/auth/two-factor/entities/member-recovery-code.entity.js';
import { MemberSecondFactor } from '../modules/auth/two-factor/entities/member-second-factor.entity.js';
import { DocumentDownload } from '../modules/documents/entities/document-download.entity.js';
import { DocumentVersion } from '../modules/documents/entities/document-version.entity.js';
import { DocumentWorkingGroup } from '../modules/documents/entities/document-working-group.entity.js';
import { DocumentFolder } from '../modules/documents/entities/document-folder.entity.js';
import { DataExport } from '../modules/privacy/entities/data-export.entity.js';
import { Document } from '../modules/documents/entities/document.entity.js';
import { Invitation } from '../modules/invitations/entities/invitation.entity.js';
import { OutboxMail } from '../modules/mail/entities/outbox-mail.entity.js';
import { CalendarFeed } from '../modules/meetings/entities/calendar-feed.entity.js';
import { MeetingInvitee } from '../modules/meetings/entities/meeting-invitee.entity.js';
import { Meeting } from '../modules/meetings/entities/meeting.entity.js';
import { PollOption } from '../modules/meetings/entities/poll-option.entity.js';
import { PollVote } from '../modules/meetings/entities/poll-vote.entity.js';
import { Poll } from '../modules/meetings/entities/poll.entity.js';
import { MeetingReminder } from '../modules/meetings/entities/meeting-reminder.entity.js';
import { Member } from '../modules/members/entities/member.entity.js';
import { NotificationMailBatch } from '../modules/notifications/entities/notification-mail-batch.entity.js';
import { Notification } from '../modules/notifications/entities/notification.entity.js';
import { NotificationPreference } from '../modules/notifications/entities/notification-preference.entity.js';
import { RateLimitWindow } from '../modules/rate-limits/entities/rate-limit-window.entity.js';
import { Setting } from '../modules/settings/entities/setting.entity.js';
import { WorkingGroupMember } from '../modules/working-groups/entities/working-group-member.entity.js';
import { WorkingGroup } from '../modules/working-groups/entities/working-group.entity.js';

/** Every entity of the portal: the Nest app, the TypeORM CLI and the drift test use this one list. */
export const ENTITIES = [
  Member,
  AuthSession,
  RefreshToken,
  Invitation,
  AuditEntry,
  RateLimitWindow,
  Setting,
  WorkingGroup,
  WorkingGroupMember,
  Meeting,
  MeetingInvitee,
  CalendarFeed,
  Poll,
  PollOption,
  PollVote,
  MeetingReminder,
  Notification,
  NotificationPreference,
  NotificationMailBatch,
  Room,
  RoomMember,
  Message,
  MessageReaction,
  ThreadReadMarker,
  Document,
  DocumentVersion,
  DocumentWorkingGroup,
  DocumentFolder,
  DataExport,
  DocumentDownload,
  City,
  CityMember,
  Strategy,
  StrategyTarget,
  StrategyAction,
  EmissionInventory,
  InventoryEntry,
  Indicator,
  IndicatorValue,
  ReportedChange,
  EcoLabelScheme,
  ProductCategory,
  SchemeCategory,
  EcoLabelCriterion,
  CertificationStep,
  MutualRecognition,
  OutboxMail,
  AccountToken,
  MemberIdentity,
  MemberSecondFactor,
  MemberRecoveryCode,
];
