import type {
  AuditAction,
  ContactField,
  DataExportStatus,
  DirectoryVisibility,
  GroupMembershipStatus,
  GroupRole,
  GroupVisibility,
  Language,
  MailFrequency,
  MemberStatus,
  MeetingStatus,
  MemberType,
  NetworkRole,
  NotificationType,
  PollAnswer,
  PollStatus,
  RsvpResponse,
  ThematicArea,
} from './enums.js';

/** A keyset page: pass `nextCursor` back as `?cursor=` for the next page; `null` on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface MemberResponse {
  id: string;
  /** Shown to the member themself, coordinators and admins; `null` for everyone else. */
  email: string | null;
  displayName: string;
  memberType: MemberType;
  country: string;
  organization: string | null;
  city: string | null;
  expertise: string[];
  language: Language;
  timeZone: string;
  bio: string | null;
  role: NetworkRole;
  status: MemberStatus;
  mustChangePassword?: boolean;
  /** Why a rejected registration was turned down: shown to coordinators and admins; absent for everyone else. */
  rejectionReason?: string | null;
  /** Who finds the member and which contact fields they show: only on your own profile. */
  privacy?: MemberPrivacy;
  createdAt: string;
}

/** A member's choices about the directory (see docs/privacy.md). */
export interface MemberPrivacy {
  directoryVisibility: DirectoryVisibility;
  shownContactFields: ContactField[];
}

/** A "download my data" request: prepared in the background, downloadable by its member until it expires. */
export interface DataExportResponse {
  id: string;
  status: DataExportStatus;
  requestedAt: string;
  /** When the archive was ready (or the preparation failed). */
  finishedAt: string | null;
  /** After this instant the archive is deleted; `null` while it is being prepared. */
  expiresAt: string | null;
  /** Size of the ZIP archive in bytes, once ready. */
  size: number | null;
}

export interface TokenPairResponse {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
  member: MemberResponse;
}

/** `GET /api/auth/oidc`: whether the sign-in page offers single sign-on, and the provider's name for its button. */
export interface SsoStatusResponse {
  enabled: boolean;
  displayName: string | null;
}

/**
 * What a sign-in with the right password answers when a second factor must follow: no session yet, only a short-lived
 * challenge for `POST /api/auth/login/second-factor` (`code`) or for enrolling first (`enrolment`, when staff must
 * use two factors and this member has none).
 */
export interface SecondFactorChallengeResponse {
  secondFactor: 'code' | 'enrolment';
  challengeToken: string;
  /** Lifetime of the challenge in seconds. */
  expiresIn: number;
}

/** `POST /api/auth/login`: the token pair, or a second-factor challenge. */
export type LoginResponse = TokenPairResponse | SecondFactorChallengeResponse;

export interface TwoFactorStatusResponse {
  /** A confirmed authenticator is in use: sign-in asks for its code. */
  enabled: boolean;
  enabledAt: string | null;
  /** Unused recovery codes. */
  recoveryCodesLeft: number;
  /** The member's role must use two factors (the admins' setting for staff). */
  required: boolean;
}

/** A new authenticator secret, to scan (QR code) or type in; it counts once a first code confirms it. */
export interface TwoFactorEnrolmentResponse {
  /** Base32, as authenticator apps take it for manual entry. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as an SVG QR code, `data:image/svg+xml;base64,...`. */
  qrCodeDataUrl: string;
}

/** Ten single-use recovery codes, shown this once (only their hashes are stored). */
export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

/** The token pair of a sign-in that enrolled its second factor on the way, with the new recovery codes. */
export interface EnrolledTokenPairResponse extends TokenPairResponse, RecoveryCodesResponse {}

export interface TwoFactorPolicyResponse {
  /** Admins and coordinators must sign in with two factors (they enrol at their next sign-in). */
  requiredForStaff: boolean;
}

export interface SessionResponse {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export interface InvitationResponse {
  id: string;
  email: string;
  role: NetworkRole;
  workingGroupId: string | null;
  /** The language of the invitation e-mail and the invitee's first interface language. */
  language: Language;
  expiresAt: string;
  /** The secret, shown once at creation and stored only as a hash. */
  token: string;
  url: string;
}

export interface AuditEntryResponse {
  id: string;
  action: AuditAction;
  actorId: string | null;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface GroupMembershipSummary {
  role: GroupRole;
  status: GroupMembershipStatus;
}

export interface WorkingGroupResponse {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  thematicArea: ThematicArea;
  visibility: GroupVisibility;
  /** Active members. */
  memberCount: number;
  /** The viewer's own membership, if any. */
  myMembership: GroupMembershipSummary | null;
  /** The group's discussion room (set once discussions exist). */
  roomId: string | null;
  /** Set while the group is archived: readable to its members, taking no new members, meetings or posts. */
  archivedAt: string | null;
  /** Requests waiting for a decision, for those who decide (the group's leads, coordinators, admins); else null. */
  pendingRequestCount: number | null;
  createdAt: string;
}

export interface GroupMemberResponse {
  memberId: string;
  displayName: string;
  organization: string | null;
  country: string;
  timeZone: string;
  role: GroupRole;
  status: GroupMembershipStatus;
  requestedAt: string;
  joinedAt: string | null;
}

export interface JoinResponse {
  status: GroupMembershipStatus;
  role: GroupRole;
}

/** A time shown in someone's zone, beside (never instead of) the UTC instant. */
export interface LocalTimes {
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export interface MeetingInviteeResponse {
  memberId: string;
  displayName: string;
  response: RsvpResponse;
}

/** An invitee who already accepted another meeting at an overlapping time (shown to organisers). */
export interface MeetingConflictResponse {
  memberId: string;
  displayName: string;
  startsAt: string;
  endsAt: string;
}

export interface MeetingResponse {
  id: string;
  workingGroupId: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  /** The same start and end in the viewer's own time zone. */
  local: LocalTimes;
  venue: string | null;
  onlineUrl: string | null;
  agenda: { title: string; presenter: string | null; durationMinutes: number | null }[];
  status: MeetingStatus;
  sequence: number;
  organizer: { id: string; displayName: string } | null;
  invitees: MeetingInviteeResponse[];
  myResponse: RsvpResponse | null;
  minutes: string | null;
  actionItems: { id: string; text: string; ownerId: string | null; dueDate: string | null; done: boolean }[];
  /** Linked documents; `title` is null for a viewer who may not open that document. */
  documents: { documentId: string; title: string | null }[];
  conflicts: MeetingConflictResponse[];
  createdAt: string;
  updatedAt: string;
}

/** A poll in a group's list: enough to find it and see whether it still waits for me. */
export interface PollSummaryResponse {
  id: string;
  workingGroupId: string;
  title: string;
  status: PollStatus;
  meetingId: string | null;
  optionCount: number;
  /** Whether the viewer has answered at least one slot. */
  answeredByMe: boolean;
  /** When answers stop being taken, if the organiser set a deadline. */
  deadline: string | null;
  /** The working group's name (for lists that span groups, such as the home page). */
  groupName: string;
  createdAt: string;
}

/** One participant's view of a candidate slot: their local time and what makes it hard for them. */
export interface PollParticipantSlot {
  memberId: string;
  displayName: string;
  country: string;
  answer: PollAnswer | null;
  local: LocalTimes;
  /** Any part of the slot outside 08:00–19:00 local. */
  offHours: boolean;
  weekend: boolean;
  holiday: { name: string } | null;
}

export interface PollOptionResponse {
  id: string;
  startsAt: string;
  endsAt: string;
  local: LocalTimes;
  counts: Record<PollAnswer, number>;
  participants: PollParticipantSlot[];
}

export interface PollResponse {
  id: string;
  workingGroupId: string;
  title: string;
  timeZone: string;
  status: PollStatus;
  /** The meeting created when the poll was closed on a slot. */
  meetingId: string | null;
  /** The candidate slots, earliest first. */
  options: PollOptionResponse[];
  myVotes: { optionId: string; answer: PollAnswer }[];
  /** When answers stop being taken (null: until the poll is closed). */
  deadline: string | null;
  /** Whether answers are still taken: open, and before the deadline. */
  votingOpen: boolean;
  /**
   * The slot most participants can make: the most "yes" answers counted twice plus "if need be" once, then the
   * fewest "no", then the earliest. Null while nobody has answered.
   */
  bestOptionId: string | null;
  /** The group's active members who have answered no slot yet. */
  notAnswered: { memberId: string; displayName: string }[];
  createdAt: string;
}

export interface SlotSuggestionResponse {
  startsAt: string;
  endsAt: string;
  /** Participants for whom the slot is off-hours, on a weekend or a holiday. */
  conflicts: number;
  participantsOk: number;
}

/**
 * The parameters of each kind of notification: ids of what it is about and the names a sentence needs, as they were
 * when it was written. Clients (the web portal, e-mail) render the sentence from `type` and these in the reader's
 * language. Keys may be absent on notifications written before a key was introduced.
 */
export interface NotificationParams {
  [NotificationType.MeetingInvited]: MeetingNotificationParams;
  [NotificationType.MeetingUpdated]: MeetingNotificationParams;
  [NotificationType.MeetingCancelled]: MeetingNotificationParams;
  [NotificationType.MeetingMinutes]: MeetingNotificationParams;
  [NotificationType.MeetingReminder]: MeetingNotificationParams & { reminder: '24h' | '1h' };
  [NotificationType.ActionItemAssigned]: ActionItemNotificationParams;
  [NotificationType.ActionItemDue]: ActionItemNotificationParams;
  [NotificationType.PollOpened]: PollNotificationParams;
  [NotificationType.PollReminder]: PollNotificationParams;
  [NotificationType.GroupJoinRequested]: {
    workingGroupId: string;
    groupName: string;
    memberId: string;
    memberName: string;
  };
  [NotificationType.GroupJoined]: { workingGroupId: string; groupName: string; actorId?: string; actorName?: string };
  [NotificationType.MessageMention]: { roomId: string; messageId: string; actorId: string; actorName: string };
  /** A moderator's `@room`: every member of the room who listens to mentions. */
  [NotificationType.RoomMention]: { roomId: string; messageId: string; actorId: string; actorName: string };
  [NotificationType.DirectMessage]: { roomId: string; messageId: string; actorId: string; actorName: string };
  [NotificationType.DocumentAdded]: {
    documentId: string;
    documentTitle: string;
    workingGroupId: string;
    groupName: string;
    actorId: string;
    actorName: string;
  };
  [NotificationType.RegistrationPending]: {
    memberId: string;
    memberName: string;
    organization?: string;
    country: string;
  };
}

export interface MeetingNotificationParams {
  meetingId: string;
  workingGroupId: string;
  meetingTitle: string;
  groupName?: string;
  /** Who scheduled, changed or cancelled it (absent for reminders). */
  actorId?: string;
  actorName?: string;
}

export interface PollNotificationParams {
  pollId: string;
  pollTitle: string;
  workingGroupId: string;
  groupName: string;
  /** ISO instant; empty when the poll has no deadline. */
  deadline: string;
  actorId?: string;
  actorName?: string;
}

export interface ActionItemNotificationParams extends MeetingNotificationParams {
  actionItemId: string;
  actionItemText: string;
  /** `YYYY-MM-DD`, a day in the owner's calendar; empty when the item has no due date. */
  dueDate: string;
}

/** One of the reader's own action items, with the meeting it was agreed in (`GET /api/action-items`). */
export interface MyActionItemResponse {
  id: string;
  text: string;
  dueDate: string | null;
  done: boolean;
  /** Open and due before today in the reader's time zone. */
  overdue: boolean;
  meeting: { id: string; title: string; startsAt: string; workingGroupId: string; groupName: string };
}

export interface NotificationResponse {
  id: string;
  type: NotificationType;
  /**
   * The sentence in English, composed by the server from `type` and `data` for API clients that do not translate;
   * nothing stores it. Readers' clients render `type` + `data` in the reader's language instead.
   */
  title: string;
  /** The notification's parameters (`NotificationParams[type]`): ids and names of what it is about. */
  data: Record<string, string>;
  readAt: string | null;
  createdAt: string;
}

/** Where an e-mail of the outbox stands. */
export type OutboxMailStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** One e-mail of the outbox, for administrators (the body carries links with tokens: admins only). */
export interface OutboxMailResponse {
  id: string;
  kind: string;
  to: string;
  toName: string | null;
  language: string;
  subject: string;
  text: string;
  status: OutboxMailStatus;
  attempts: number;
  nextAttemptAt: string;
  sentAt: string | null;
  lastError: string | null;
  hasCalendar: boolean;
  createdAt: string;
}

/** Where an invitation stands: `pending` until used, withdrawn or past its expiry. */
export type InvitationState = 'pending' | 'accepted' | 'expired' | 'revoked';

/** An invitation in the coordinators' list (never its token). */
export interface InvitationListItem {
  id: string;
  email: string;
  role: NetworkRole;
  workingGroupId: string | null;
  language: Language;
  state: InvitationState;
  invitedBy: { id: string; displayName: string } | null;
  acceptedMemberId: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

/**
 * A member's e-mail choices per notification kind, the local hour of the daily digest and quiet hours (`HH:MM` in
 * the member's `timeZone`; both `null` when there are none).
 */
export interface NotificationPreferencesResponse {
  mentions: MailFrequency;
  directMessages: MailFrequency;
  meetings: MailFrequency;
  groupRequests: MailFrequency;
  documents: MailFrequency;
  digestHour: number;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  timeZone: string;
}
