/**
 * Every error code the API can answer, HTTP and socket alike, gathered per feature. Each feature's exception table is
 * typed against these enums, and clients translate every code in `ERROR_CODES` (a test fails when one is missing).
 */
import { CommonErrorCode, PASSWORD_TOO_WEAK } from './errors.js';
import { RealtimeErrorCode } from './realtime.js';

export enum AnalysisErrorCode {
  NO_VALUE_FOR_YEAR = 'NO_VALUE_FOR_YEAR',
  CHANGE_NOT_COMPUTABLE = 'CHANGE_NOT_COMPUTABLE',
}

export enum AuthErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_PENDING = 'ACCOUNT_PENDING',
  ACCOUNT_SUSPENDED = 'ACCOUNT_SUSPENDED',
  ACCOUNT_REJECTED = 'ACCOUNT_REJECTED',
  INVALID_REFRESH_TOKEN = 'INVALID_REFRESH_TOKEN',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  PASSWORD_UNCHANGED = 'PASSWORD_UNCHANGED',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  RESET_TOKEN_INVALID = 'RESET_TOKEN_INVALID',
  CONFIRMATION_TOKEN_INVALID = 'CONFIRMATION_TOKEN_INVALID',
}

export enum CityErrorCode {
  CITY_NOT_FOUND = 'CITY_NOT_FOUND',
  CITY_NAME_TAKEN = 'CITY_NAME_TAKEN',
  CITY_EDIT_FORBIDDEN = 'CITY_EDIT_FORBIDDEN',
  CITY_MEMBER_NOT_FOUND = 'CITY_MEMBER_NOT_FOUND',
}

export enum DiscussionErrorCode {
  ROOM_NOT_FOUND = 'ROOM_NOT_FOUND',
  MESSAGE_NOT_FOUND = 'MESSAGE_NOT_FOUND',
  NOT_MESSAGE_AUTHOR = 'NOT_MESSAGE_AUTHOR',
  ROOM_ARCHIVED = 'ROOM_ARCHIVED',
  THREAD_ROOT_NOT_FOUND = 'THREAD_ROOT_NOT_FOUND',
  MESSAGE_DELETED = 'MESSAGE_DELETED',
  CLIENT_ID_REUSED = 'CLIENT_ID_REUSED',
  TOO_MANY_ROOM_MEMBERS = 'TOO_MANY_ROOM_MEMBERS',
  ROOM_MEMBER_NOT_FOUND = 'ROOM_MEMBER_NOT_FOUND',
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  NOT_A_MODERATOR = 'NOT_A_MODERATOR',
  ROOM_LEAVE_NOT_ALLOWED = 'ROOM_LEAVE_NOT_ALLOWED',
  ROOM_MEMBERSHIP_FIXED = 'ROOM_MEMBERSHIP_FIXED',
  NOT_IN_ROOM = 'NOT_IN_ROOM',
}

export enum DocumentErrorCode {
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  DOCUMENT_VERSION_NOT_FOUND = 'DOCUMENT_VERSION_NOT_FOUND',
  DOCUMENT_EDIT_FORBIDDEN = 'DOCUMENT_EDIT_FORBIDDEN',
  DOWNLOADS_FORBIDDEN = 'DOWNLOADS_FORBIDDEN',
  UPLOAD_FORBIDDEN = 'UPLOAD_FORBIDDEN',
  NOT_A_GROUP_MEMBER = 'NOT_A_GROUP_MEMBER',
  DOCUMENT_NOT_DELETED = 'DOCUMENT_NOT_DELETED',
  /** A new version (or a restore) whose bytes are those of the latest version already. */
  VERSION_UNCHANGED = 'VERSION_UNCHANGED',
  FOLDER_NOT_FOUND = 'FOLDER_NOT_FOUND',
  FOLDER_EDIT_FORBIDDEN = 'FOLDER_EDIT_FORBIDDEN',
  MULTIPART_REQUIRED = 'MULTIPART_REQUIRED',
  MALFORMED_MULTIPART = 'MALFORMED_MULTIPART',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  FILE_TYPE_MISMATCH = 'FILE_TYPE_MISMATCH',
  RANGE_NOT_SATISFIABLE = 'RANGE_NOT_SATISFIABLE',
}

export enum EcoLabelErrorCode {
  SCHEME_NOT_FOUND = 'SCHEME_NOT_FOUND',
  SCHEME_NAME_TAKEN = 'SCHEME_NAME_TAKEN',
  CATEGORY_NOT_FOUND = 'CATEGORY_NOT_FOUND',
  CATEGORY_CODE_TAKEN = 'CATEGORY_CODE_TAKEN',
  SCHEME_CATEGORY_NOT_FOUND = 'SCHEME_CATEGORY_NOT_FOUND',
  RECOGNITION_NOT_FOUND = 'RECOGNITION_NOT_FOUND',
  RECOGNITION_EXISTS = 'RECOGNITION_EXISTS',
  SAME_SCHEME = 'SAME_SCHEME',
}

export enum IndicatorErrorCode {
  INDICATOR_NOT_FOUND = 'INDICATOR_NOT_FOUND',
  INDICATOR_CODE_TAKEN = 'INDICATOR_CODE_TAKEN',
  INDICATOR_VALUE_NOT_FOUND = 'INDICATOR_VALUE_NOT_FOUND',
  INDICATOR_VALUE_EXISTS = 'INDICATOR_VALUE_EXISTS',
  REPORTED_CHANGE_NOT_FOUND = 'REPORTED_CHANGE_NOT_FOUND',
  COUNTRY_DATA_FORBIDDEN = 'COUNTRY_DATA_FORBIDDEN',
  IMPORT_FAILED = 'IMPORT_FAILED',
  CSV_REQUIRED = 'CSV_REQUIRED',
  CSV_TOO_LARGE = 'CSV_TOO_LARGE',
}

export enum InventoryErrorCode {
  INVENTORY_NOT_FOUND = 'INVENTORY_NOT_FOUND',
  INVENTORY_YEAR_TAKEN = 'INVENTORY_YEAR_TAKEN',
}

export enum InvitationErrorCode {
  INVITATION_INVALID = 'INVITATION_INVALID',
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  INVITATION_ALREADY_USED = 'INVITATION_ALREADY_USED',
  INVITATION_EMAIL_MISMATCH = 'INVITATION_EMAIL_MISMATCH',
  INVITATION_ROLE_NOT_ALLOWED = 'INVITATION_ROLE_NOT_ALLOWED',
  INVITEE_ALREADY_MEMBER = 'INVITEE_ALREADY_MEMBER',
  INVITATION_NOT_FOUND = 'INVITATION_NOT_FOUND',
  INVITATION_NOT_PENDING = 'INVITATION_NOT_PENDING',
}

export enum LinkedRecordErrorCode {
  DOCUMENT_NOT_LINKABLE = 'DOCUMENT_NOT_LINKABLE',
}

export enum MailErrorCode {
  OUTBOX_MAIL_NOT_FOUND = 'OUTBOX_MAIL_NOT_FOUND',
}

export enum MeetingErrorCode {
  MEETING_NOT_FOUND = 'MEETING_NOT_FOUND',
  NOT_INVITED = 'NOT_INVITED',
  NOT_MEETING_ORGANIZER = 'NOT_MEETING_ORGANIZER',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  INVALID_MEETING_TIME = 'INVALID_MEETING_TIME',
  INVITEE_NOT_FOUND = 'INVITEE_NOT_FOUND',
  TOO_MANY_INVITEES = 'TOO_MANY_INVITEES',
  CALENDAR_FEED_NOT_FOUND = 'CALENDAR_FEED_NOT_FOUND',
  POLL_NOT_FOUND = 'POLL_NOT_FOUND',
  DOCUMENT_NOT_FOUND = 'DOCUMENT_NOT_FOUND',
  POLL_CLOSED = 'POLL_CLOSED',
  POLL_OPTION_NOT_FOUND = 'POLL_OPTION_NOT_FOUND',
  NOT_A_VOTER = 'NOT_A_VOTER',
  INVALID_RANGE = 'INVALID_RANGE',
  ACTION_ITEM_NOT_FOUND = 'ACTION_ITEM_NOT_FOUND',
}

export enum MemberErrorCode {
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  MEMBER_NOT_PENDING = 'MEMBER_NOT_PENDING',
  MEMBER_NOT_SUSPENDED = 'MEMBER_NOT_SUSPENDED',
  MEMBER_ALREADY_SUSPENDED = 'MEMBER_ALREADY_SUSPENDED',
  CANNOT_ACT_ON_SELF = 'CANNOT_ACT_ON_SELF',
  INSUFFICIENT_ROLE = 'INSUFFICIENT_ROLE',
  /** The password given to confirm an account deletion is wrong. */
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  /** The last active admin cannot delete their account (nobody could run the network). */
  LAST_ADMIN = 'LAST_ADMIN',
}

export enum PrivacyErrorCode {
  DATA_EXPORT_NOT_FOUND = 'DATA_EXPORT_NOT_FOUND',
  /** A data export is being prepared already. */
  DATA_EXPORT_IN_PROGRESS = 'DATA_EXPORT_IN_PROGRESS',
}

export enum NotificationErrorCode {
  NOTIFICATION_NOT_FOUND = 'NOTIFICATION_NOT_FOUND',
  UNSUBSCRIBE_LINK_INVALID = 'UNSUBSCRIBE_LINK_INVALID',
}

/** Single sign-on (OpenID Connect): the sign-in page shows these, passed back in `?ssoError=`. */
export enum SsoErrorCode {
  SSO_NOT_CONFIGURED = 'SSO_NOT_CONFIGURED',
  SSO_FAILED = 'SSO_FAILED',
  SSO_EMAIL_UNVERIFIED = 'SSO_EMAIL_UNVERIFIED',
  SSO_DOMAIN_NOT_ALLOWED = 'SSO_DOMAIN_NOT_ALLOWED',
}

export enum StrategyErrorCode {
  STRATEGY_NOT_FOUND = 'STRATEGY_NOT_FOUND',
  TARGET_NOT_FOUND = 'TARGET_NOT_FOUND',
  ACTION_NOT_FOUND = 'ACTION_NOT_FOUND',
}

/** Two-factor sign-in (TOTP and recovery codes). */
export enum TwoFactorErrorCode {
  TWO_FACTOR_CHALLENGE_INVALID = 'TWO_FACTOR_CHALLENGE_INVALID',
  TWO_FACTOR_CODE_INVALID = 'TWO_FACTOR_CODE_INVALID',
  TWO_FACTOR_CODE_REUSED = 'TWO_FACTOR_CODE_REUSED',
  TWO_FACTOR_CODE_WRONG = 'TWO_FACTOR_CODE_WRONG',
  TWO_FACTOR_ALREADY_ENABLED = 'TWO_FACTOR_ALREADY_ENABLED',
  TWO_FACTOR_NOT_ENABLED = 'TWO_FACTOR_NOT_ENABLED',
  TWO_FACTOR_ENROLMENT_NOT_STARTED = 'TWO_FACTOR_ENROLMENT_NOT_STARTED',
}

export enum WorkingGroupErrorCode {
  WORKING_GROUP_NOT_FOUND = 'WORKING_GROUP_NOT_FOUND',
  SLUG_TAKEN = 'SLUG_TAKEN',
  NOT_A_GROUP_MEMBER = 'NOT_A_GROUP_MEMBER',
  NOT_A_GROUP_LEAD = 'NOT_A_GROUP_LEAD',
  ALREADY_A_MEMBER = 'ALREADY_A_MEMBER',
  LAST_LEAD = 'LAST_LEAD',
  REQUEST_NOT_PENDING = 'REQUEST_NOT_PENDING',
  GROUP_MEMBER_NOT_FOUND = 'GROUP_MEMBER_NOT_FOUND',
  MEMBER_NOT_ACTIVE = 'MEMBER_NOT_ACTIVE',
  GROUP_ARCHIVED = 'GROUP_ARCHIVED',
}

/** Any code of the contract: what `ErrorResponse.code`, an ack's `error.code` or a detail's `code` may hold. */
export type ErrorCode =
  | CommonErrorCode
  | RealtimeErrorCode
  | AnalysisErrorCode
  | AuthErrorCode
  | CityErrorCode
  | DiscussionErrorCode
  | DocumentErrorCode
  | EcoLabelErrorCode
  | IndicatorErrorCode
  | InventoryErrorCode
  | InvitationErrorCode
  | LinkedRecordErrorCode
  | MailErrorCode
  | MeetingErrorCode
  | MemberErrorCode
  | NotificationErrorCode
  | SsoErrorCode
  | PrivacyErrorCode
  | StrategyErrorCode
  | TwoFactorErrorCode
  | WorkingGroupErrorCode
  | typeof PASSWORD_TOO_WEAK;

/** Every code of the contract, once each (a code shared by two features is listed once). */
// Marked pure so that a bundle importing something else from the contracts leaves the list out.
export const ERROR_CODES: readonly ErrorCode[] = /* @__PURE__ */ listErrorCodes();

function listErrorCodes(): ErrorCode[] {
  return [
    ...new Set<ErrorCode>([
      ...Object.values(CommonErrorCode),
      ...Object.values(RealtimeErrorCode),
      ...Object.values(AnalysisErrorCode),
      ...Object.values(AuthErrorCode),
      ...Object.values(CityErrorCode),
      ...Object.values(DiscussionErrorCode),
      ...Object.values(DocumentErrorCode),
      ...Object.values(EcoLabelErrorCode),
      ...Object.values(IndicatorErrorCode),
      ...Object.values(InventoryErrorCode),
      ...Object.values(InvitationErrorCode),
      ...Object.values(LinkedRecordErrorCode),
      ...Object.values(MailErrorCode),
      ...Object.values(MeetingErrorCode),
      ...Object.values(MemberErrorCode),
      ...Object.values(NotificationErrorCode),
      ...Object.values(SsoErrorCode),
      ...Object.values(PrivacyErrorCode),
      ...Object.values(StrategyErrorCode),
      ...Object.values(TwoFactorErrorCode),
      ...Object.values(WorkingGroupErrorCode),
      PASSWORD_TOO_WEAK,
    ]),
  ].sort();
}

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
