/** Enumerations of the public contract: lower snake_case ASCII values, published as named OpenAPI enums. */

export enum MemberType {
  CityGovernment = 'city_government',
  NationalGovernment = 'national_government',
  ResearchAcademic = 'research_academic',
  CivilSociety = 'civil_society',
  Business = 'business',
  InternationalOrganization = 'international_organization',
  Secretariat = 'secretariat',
  /** A person who joins on their own expertise, not on behalf of an organisation. */
  IndividualExpert = 'individual_expert',
}

/** Network-wide role of a member (distinct from the role inside a working group). */
export enum NetworkRole {
  Admin = 'admin',
  Coordinator = 'coordinator',
  Member = 'member',
  Observer = 'observer',
}

export enum MemberStatus {
  Pending = 'pending',
  Active = 'active',
  Suspended = 'suspended',
  /** A registration a coordinator or admin turned down, with a reason told to the applicant. */
  Rejected = 'rejected',
  /** The member deleted their account (or an admin did): personal data is gone and the row signs in never again. */
  Deleted = 'deleted',
}

/** Who finds a member in the directory, search and people pickers (staff always do; see docs/privacy.md). */
export enum DirectoryVisibility {
  /** Every active member. */
  Network = 'network',
  /** Active members who share an active working group with them. */
  Groups = 'groups',
  /** Nobody but network staff; the profile page answers 404 to others. */
  Hidden = 'hidden',
}

/** The contact fields of a profile a member chooses to show to those who may see the profile. */
export enum ContactField {
  Email = 'email',
  Organization = 'organization',
  City = 'city',
}

/** The name a deleted account carries from then on (clients show it in the reader's language). */
export const FORMER_MEMBER_NAME = 'Former member';

/** What a member chooses for their messages when the account is deleted. */
export enum DeletedMessages {
  /** Kept, signed "Former member". */
  Keep = 'keep',
  /** Removed like a deleted message (the place in the thread remains, without the text). */
  Remove = 'remove',
}

/** Where a "download my data" request stands. */
export enum DataExportStatus {
  Requested = 'requested',
  Ready = 'ready',
  Failed = 'failed',
}

/** Role inside one working group. */
export enum GroupRole {
  Lead = 'lead',
  Member = 'member',
  Observer = 'observer',
}

/**
 * Who sees a working group: `public` groups are joined at once; `private` ones are listed and joined by request;
 * `hidden` ones are known to their members only (and network staff) and joined by invitation or being added.
 */
export enum GroupVisibility {
  Public = 'public',
  Private = 'private',
  Hidden = 'hidden',
}

export enum GroupMembershipStatus {
  Pending = 'pending',
  Active = 'active',
}

export enum ThematicArea {
  LowCarbonCities = 'low_carbon_cities',
  EcoTaxReform = 'eco_tax_reform',
  PublicPrivatePartnership = 'public_private_partnership',
  UrbanGovernance = 'urban_governance',
  CarbonFootprintLabelling = 'carbon_footprint_labelling',
  EcoLabelling = 'eco_labelling',
  Other = 'other',
}

/** Languages the portal speaks (ISO 639-1). */
export enum Language {
  En = 'en',
  Zh = 'zh',
  Ja = 'ja',
  Ko = 'ko',
  Ru = 'ru',
  Mn = 'mn',
}

export enum DocumentKind {
  Strategy = 'strategy',
  ActionPlan = 'action_plan',
  Policy = 'policy',
  Report = 'report',
  Minutes = 'minutes',
  Presentation = 'presentation',
  Dataset = 'dataset',
  Other = 'other',
}

/** An invitee's answer; `needs_action` until they answer. */
export enum RsvpResponse {
  NeedsAction = 'needs_action',
  Accepted = 'accepted',
  Declined = 'declined',
  Tentative = 'tentative',
}

export enum MeetingStatus {
  Scheduled = 'scheduled',
  Cancelled = 'cancelled',
}

export enum NotificationType {
  MeetingInvited = 'meeting_invited',
  MeetingUpdated = 'meeting_updated',
  MeetingCancelled = 'meeting_cancelled',
  /** The minutes of a meeting were written or changed (saving the same minutes again notifies nobody). */
  MeetingMinutes = 'meeting_minutes',
  MeetingReminder = 'meeting_reminder',
  /** An action item of a meeting was given to its owner by someone else. */
  ActionItemAssigned = 'action_item_assigned',
  /** An open action item is due today in its owner's time zone (sent once, in the morning). */
  ActionItemDue = 'action_item_due',
  /** A scheduling poll was opened in one of the member's groups. */
  PollOpened = 'poll_opened',
  /** A poll the member has not answered closes in less than a day. */
  PollReminder = 'poll_reminder',
  GroupJoinRequested = 'group_join_requested',
  GroupJoined = 'group_joined',
  MessageMention = 'message_mention',
  /** A moderator's `@room`: every member of the room who has not silenced it. */
  RoomMention = 'room_mention',
  /** A message in a direct conversation, to its other members who have not muted it (a mention notifies instead). */
  DirectMessage = 'direct_message',
  /** A document uploaded into a working group, to the group's active members who may open it. */
  DocumentAdded = 'document_added',
  /** A registration whose address is confirmed waits for approval: to the active coordinators and admins. */
  RegistrationPending = 'registration_pending',
}

export enum RoomKind {
  Group = 'group',
  Meeting = 'meeting',
  Topic = 'topic',
  Direct = 'direct',
}

export enum RoomVisibility {
  Public = 'public',
  Private = 'private',
}

/**
 * What a member hears of one room: `all` counts every unread message, `mentions` only mentions of them (and
 * `@room`), `nothing` mutes the room (no badge, no mention notification).
 */
export enum RoomNotifyLevel {
  All = 'all',
  Mentions = 'mentions',
  Nothing = 'nothing',
}

export enum PollStatus {
  Open = 'open',
  Closed = 'closed',
}

export enum PollAnswer {
  Yes = 'yes',
  IfNeedBe = 'if_need_be',
  No = 'no',
}

export enum AuditAction {
  MemberApproved = 'member.approved',
  /** A pending registration turned down; `details.reason` is the reason the applicant was told. */
  MemberRejected = 'member.rejected',
  MemberSuspended = 'member.suspended',
  MemberReinstated = 'member.reinstated',
  MemberRoleChanged = 'member.role_changed',
  /** An account deleted by its member or an admin; `details.by` is `self` or `admin`, `details.messages` the choice. */
  MemberDeleted = 'member.deleted',
  InvitationCreated = 'invitation.created',
  InvitationResent = 'invitation.resent',
  InvitationRevoked = 'invitation.revoked',
  /** A member chose a new password through an e-mailed reset link. */
  PasswordReset = 'member.password_reset',
  /** A member changed their own password (knowing the current one). */
  PasswordChanged = 'member.password_changed',
  /** A single sign-on identity (issuer and subject) was linked to an existing member with the same verified e-mail. */
  SsoIdentityLinked = 'member.sso_linked',
  /** A first single sign-on created the member (pending, or active for an allowed e-mail domain). */
  SsoMemberCreated = 'member.sso_created',
  /** A member turned two-factor sign-in on (confirmed the first code) or off, or made new recovery codes. */
  TwoFactorEnabled = 'member.two_factor_enabled',
  TwoFactorDisabled = 'member.two_factor_disabled',
  RecoveryCodesRegenerated = 'member.recovery_codes_regenerated',
  /** An admin removed a member's second factor (and recovery codes). */
  TwoFactorReset = 'member.two_factor_reset',
  /** An admin turned "two factors required for staff" on or off; `details.requiredForStaff` is the new value. */
  TwoFactorPolicyChanged = 'setting.two_factor_policy_changed',
  WorkingGroupCreated = 'working_group.created',
  WorkingGroupArchived = 'working_group.archived',
  WorkingGroupUnarchived = 'working_group.unarchived',
  /** A document left its working group (or changed group), or was opened to more people. */
  DocumentMoved = 'document.moved',
  DocumentVisibilityWidened = 'document.visibility_widened',
  /** Information platform: `targetType` names the record (city, strategy, strategy_target, inventory...). */
  CityRecordCreated = 'city_record.created',
  CityRecordUpdated = 'city_record.updated',
  CityRecordDeleted = 'city_record.deleted',
  IndicatorValuesImported = 'indicator_values.imported',
  EcoLabelRecordCreated = 'eco_label_record.created',
  EcoLabelRecordUpdated = 'eco_label_record.updated',
  EcoLabelRecordDeleted = 'eco_label_record.deleted',
}

/** What a member chooses e-mail for; each `NotificationType` belongs to one kind (see docs/email.md). */
export enum NotificationMailKind {
  Mentions = 'mentions',
  DirectMessages = 'direct_messages',
  Meetings = 'meetings',
  GroupRequests = 'group_requests',
  Documents = 'documents',
}

/** How often a kind of notification is sent by e-mail. */
export enum MailFrequency {
  Immediately = 'immediately',
  Daily = 'daily',
  Never = 'never',
}
