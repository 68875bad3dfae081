import type { NotificationResponse } from './responses.js';
import type { MemberStatus, NetworkRole, RoomKind, RoomNotifyLevel, RoomVisibility } from './enums.js';

export interface ReactionSummary {
  emoji: string;
  count: number;
  memberIds: string[];
}

export interface MessageResponse {
  id: string;
  roomId: string;
  /** Per-room, gapless, strictly increasing. */
  seq: number;
  clientId: string;
  authorId: string | null;
  author: { id: string; displayName: string } | null;
  /** Markdown text as sent (empty once deleted). */
  body: string;
  threadRootId: string | null;
  replyCount: number;
  lastReplyAt: string | null;
  mentionIds: string[];
  reactions: ReactionSummary[];
  attachments: { documentId: string; title: string | null }[];
  /** Set while a moderator keeps the message pinned to the room. */
  pinnedAt: string | null;
  editedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
}

export interface RoomResponse {
  id: string;
  kind: RoomKind;
  name: string | null;
  topic: string | null;
  visibility: RoomVisibility;
  workingGroupId: string | null;
  meetingId: string | null;
  archived: boolean;
  lastSeq: number;
  lastMessage: MessageResponse | null;
  lastMessageAt: string | null;
  unreadCount: number;
  /** The viewer's read marker: every message up to this seq is read (the room opens at the first after it). */
  lastReadSeq: number;
  mentionCount: number;
  /** Whether the viewer may moderate (pin, remove others' messages). */
  moderator: boolean;
  /** What the viewer hears of this room (`all` for a public topic room they have not joined). */
  notifyLevel: RoomNotifyLevel;
  /**
   * Everyone in a direct room (the viewer included), so each reader names it after the others in their own
   * language; `null` for other rooms, which have names.
   */
  people: { id: string; displayName: string }[] | null;
  createdAt: string;
}

/** A public topic room as the room directory lists it. */
export interface RoomDirectoryEntry {
  id: string;
  name: string;
  topic: string | null;
  memberCount: number;
  /** Whether the viewer is in it (its unread counts and messages reach them). */
  joined: boolean;
  lastMessageAt: string | null;
}

export type PresenceStatus = 'online' | 'away' | 'offline';

/** Someone in a room, for mentions and presence dots. */
export interface RoomMemberResponse {
  memberId: string;
  displayName: string;
  moderator: boolean;
  presence: PresenceStatus;
}

/** The `thread.updated` payload. */
export interface ThreadUpdate {
  roomId: string;
  threadRootId: string;
  replyCount: number;
  lastReplyAt: string;
}

/** A thread the member started or replied to (`GET /api/threads`). */
export interface ThreadSummary {
  root: MessageResponse;
  room: { id: string; kind: RoomKind; name: string | null };
  /** Replies by others after the member's thread marker and after their own last reply. */
  unreadCount: number;
  lastReplyAt: string;
}

export interface MessagePage {
  /** Ascending seq. */
  items: MessageResponse[];
  hasMore: boolean;
  /** `around=` pages only: whether the room has messages before, and after, the page. */
  hasOlder?: boolean;
  hasNewer?: boolean;
}

export interface AckError {
  ok: false;
  error: { code: string; message: string };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;

/** The `room.join` acknowledgement: the catch-up page (ascending seq) and the room's seq when it was joined. */
export interface JoinAck {
  messages: MessageResponse[];
  hasMore: boolean;
  lastSeq: number;
}

export interface JoinPayload {
  roomId: string;
  sinceSeq?: number;
}
export interface SendPayload {
  roomId: string;
  clientId: string;
  body: string;
  threadRootId?: string;
  attachmentIds?: string[];
}
export interface ReadPayload {
  roomId: string;
  seq: number;
  threadRootId?: string;
}

/** Client → server events of the default namespace; every one is acknowledged. */
export interface ClientToServerEvents {
  'room.join': (payload: JoinPayload, ack: (result: Ack<JoinAck>) => void) => void;
  'room.leave': (payload: { roomId: string }, ack: (result: Ack) => void) => void;
  'message.send': (payload: SendPayload, ack: (result: Ack<{ message: MessageResponse }>) => void) => void;
  'message.edit': (
    payload: { messageId: string; body: string },
    ack: (result: Ack<{ message: MessageResponse }>) => void,
  ) => void;
  'message.delete': (payload: { messageId: string }, ack: (result: Ack<{ message: MessageResponse }>) => void) => void;
  'reaction.toggle': (
    payload: { messageId: string; emoji: string },
    ack: (result: Ack<{ message: MessageResponse }>) => void,
  ) => void;
  typing: (payload: { roomId: string }, ack: (result: Ack) => void) => void;
  'room.read': (payload: ReadPayload, ack: (result: Ack<{ unreadCount: number }>) => void) => void;
  /** `away` while the client is idle or hidden; a member is away when all their sockets are. */
  'presence.set': (payload: { status: 'online' | 'away' }, ack: (result: Ack) => void) => void;
}

/** Every client → server event, as a record so the compiler refuses one missing from or extra to the map. */
const CLIENT_EVENT_NAMES: Record<keyof ClientToServerEvents, true> = {
  'room.join': true,
  'room.leave': true,
  'message.send': true,
  'message.edit': true,
  'message.delete': true,
  'reaction.toggle': true,
  typing: true,
  'room.read': true,
  'presence.set': true,
};

/** The names of `ClientToServerEvents` at run time (tests walk every event; the map itself is only a type). */
export const CLIENT_EVENTS = Object.keys(CLIENT_EVENT_NAMES) as readonly (keyof ClientToServerEvents)[];

/** Server → client events; every payload about a room carries `roomId`. */
export interface ServerToClientEvents {
  'message.created': (message: MessageResponse) => void;
  'message.updated': (message: MessageResponse) => void;
  'message.deleted': (message: MessageResponse) => void;
  'reaction.updated': (payload: { roomId: string; messageId: string; reactions: ReactionSummary[] }) => void;
  /** A reply was added to a thread: its root's reply count and last reply time, for everyone in the room. */
  'thread.updated': (payload: ThreadUpdate) => void;
  typing: (payload: { roomId: string; memberId: string; displayName: string }) => void;
  presence: (payload: { memberId: string; status: PresenceStatus }) => void;
  /** For a thread marker, `threadRootId` is set and `unreadCount` counts that thread's unread replies. */
  'unread.updated': (payload: {
    roomId: string;
    unreadCount: number;
    lastReadSeq: number;
    threadRootId?: string;
  }) => void;
  'notification.created': (notification: NotificationResponse) => void;
  'meeting.updated': (payload: {
    meetingId: string;
    workingGroupId: string;
    change: 'scheduled' | 'updated' | 'cancelled';
  }) => void;
  /** To `member:<id>` of the group's active members: a poll's answers or state changed (fetch it again). */
  'poll.updated': (payload: { pollId: string; workingGroupId: string }) => void;
  /**
   * To `member:<id>`: the member is now in a room (a new direct message, a room they were added to or joined), as
   * they see it, unread count included. Send `room.join` with `sinceSeq: room.lastSeq` to hear its messages.
   */
  'room.added': (room: RoomResponse) => void;
  /** To `member:<id>`: the member left or was removed from a room; their sockets have left its channel. */
  'room.removed': (payload: { roomId: string }) => void;
  /**
   * A member's account changed (approved, suspended, reinstated, role): to every socket, since the directory shows
   * active members to everyone. A new or rejected registration goes to coordinators and admins only.
   */
  'member.changed': (payload: { memberId: string; status: MemberStatus; role: NetworkRole }) => void;
  /** To `member:<id>`: the member's notification level of a room changed (in another tab or device). */
  'room.notify-level': (payload: { roomId: string; notifyLevel: RoomNotifyLevel }) => void;
  /**
   * To `member:<id>` of each who decides on a group's join requests (its leads, coordinators, admins): the number
   * of requests now waiting, after one arrived, was approved, declined or withdrawn.
   */
  'group.requests.updated': (payload: { workingGroupId: string; pendingCount: number }) => void;
  /**
   * To `member:<id>` of each active member who may open the document: a version was added or restored
   * (`version_added`), or a version's text was read (`text_extracted`, its extraction status is final). Fetch the
   * document and its versions again.
   */
  'document.updated': (payload: { documentId: string; change: 'version_added' | 'text_extracted' }) => void;
}

/** Error codes of socket acks and handshake refusals. */
export enum RealtimeErrorCode {
  UNAUTHORIZED = 'UNAUTHORIZED',
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  ORIGIN_NOT_ALLOWED = 'ORIGIN_NOT_ALLOWED',
  RATE_LIMITED = 'RATE_LIMITED',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The session must choose a new password before anything else (the first admin's one-time password). */
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
}

/** A message found by search; `snippet` is HTML-escaped text with matches in `<b>`. */
export interface MessageSearchHit {
  messageId: string;
  roomId: string;
  roomName: string | null;
  /** `group`, `meeting`, `topic` or `direct` (a direct room has no name). */
  roomKind: string;
  seq: number;
  threadRootId: string | null;
  author: { id: string; displayName: string } | null;
  snippet: string;
  createdAt: string;
}
