import type {
  AuditAction,
  GroupMembershipStatus,
  GroupRole,
  GroupVisibility,
  Language,
  MemberStatus,
  MemberType,
  NetworkRole,
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
  createdAt: string;
}

export interface TokenPairResponse {
  accessToken: string;
  refreshToken: string;
  /** Lifetime of the access token in seconds. */
  expiresIn: number;
  tokenType: 'Bearer';
  member: MemberResponse;
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
