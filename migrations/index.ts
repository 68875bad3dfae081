import { Init1795896047293 } from './1795896047293-init.js';
import { RateLimits1795896495875 } from './1795896495875-rate-limits.js';
import { WorkingGroups1795898095911 } from './1795898095911-working-groups.js';
import { Meetings1795898334782 } from './1795898334782-meetings.js';
import { Polls1795898644101 } from './1795898644101-polls.js';
import { NotificationsAndReminders1795898811072 } from './1795898811072-notifications-and-reminders.js';
import { Discussions1795899359545 } from './1795899359545-discussions.js';
import { Documents1795899550074 } from './1795899550074-documents.js';
import { MessageSearch1795900842083 } from './1795900842083-message-search.js';
import { MessageAttachments1795901059717 } from './1795901059717-message-attachments.js';
import { MessagePins1795901379811 } from './1795901379811-message-pins.js';
import { MeetingDocuments1795901682540 } from './1795901682540-meeting-documents.js';
import { MeetingRooms1795902279094 } from './1795902279094-meeting-rooms.js';
import { ThreadReadMarkers1795902484156 } from './1795902484156-thread-read-markers.js';
import { InformationPlatform1795905508020 } from './1795905508020-information-platform.js';
import { ExtractionAttempts1795906200000 } from './1795906200000-extraction-attempts.js';
import { MeetingInviteesByName1796420000000 } from './1796420000000-meeting-invitees-by-name.js';
import { MailOutbox1796500000000 } from './1796500000000-mail-outbox.js';
import { AccountMail1796500100000 } from './1796500100000-account-mail.js';
import { NotificationMail1796500200000 } from './1796500200000-notification-mail.js';
import { RoomDirectory1796600000000 } from './1796600000000-room-directory.js';
import { NotificationParams1796611200000 } from './1796611200000-notification-params.js';
import { MyThreads1796652000000 } from './1796652000000-my-threads.js';
import { GroupArchive1796700000000 } from './1796700000000-group-archive.js';
import { SearchCandidates1796700100000 } from './1796700100000-search-candidates.js';
import { ActionItemReminders1796700200000 } from './1796700200000-action-item-reminders.js';
import { PollDeadlines1796700300000 } from './1796700300000-poll-deadlines.js';
import { MemberRejection1796703300000 } from './1796703300000-member-rejection.js';
import { DocumentVersionNotes1796710000000 } from './1796710000000-document-version-notes.js';
import { DocumentGroups1796710100000 } from './1796710100000-document-groups.js';
import { DocumentFolders1796710200000 } from './1796710200000-document-folders.js';
import { TwoFactor1796710300000 } from './1796710300000-two-factor.js';
import { MemberIdentities1796710400000 } from './1796710400000-member-identities.js';
import { MemberPrivacy1796710500000 } from './1796710500000-member-privacy.js';
import { RoomDocumentsGroupFolders1796710800000 } from './1796710800000-room-documents-group-folders.js';
import { MessageWords1796710900000 } from './1796710900000-message-words.js';

/** Every migration, in order. `npm run migration:generate <Name>` writes a new file here: add its class below. */
export const MIGRATIONS = [
  Init1795896047293,
  RateLimits1795896495875,
  WorkingGroups1795898095911,
  Meetings1795898334782,
  Polls1795898644101,
  NotificationsAndReminders1795898811072,
  Discussions1795899359545,
  Documents1795899550074,
  MessageSearch1795900842083,
  MessageAttachments1795901059717,
  MessagePins1795901379811,
  MeetingDocuments1795901682540,
  MeetingRooms1795902279094,
  ThreadReadMarkers1795902484156,
  InformationPlatform1795905508020,
  ExtractionAttempts1795906200000,
  MeetingInviteesByName1796420000000,
  MailOutbox1796500000000,
  AccountMail1796500100000,
  NotificationMail1796500200000,
  RoomDirectory1796600000000,
  NotificationParams1796611200000,
  MyThreads1796652000000,
  GroupArchive1796700000000,
  SearchCandidates1796700100000,
  ActionItemReminders1796700200000,
  PollDeadlines1796700300000,
  MemberRejection1796703300000,
  DocumentVersionNotes1796710000000,
  DocumentGroups1796710100000,
  DocumentFolders1796710200000,
  TwoFactor1796710300000,
  MemberIdentities1796710400000,
  MemberPrivacy1796710500000,
  RoomDocumentsGroupFolders1796710800000,
  MessageWords1796710900000,
];
