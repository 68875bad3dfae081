import { ApiProperty } from '@nestjs/swagger';
import {
  type LocalTimes,
  type MeetingConflictResponse,
  type MeetingInviteeResponse,
  type MeetingResponse,
  MeetingStatus,
  type MyActionItemResponse,
  RsvpResponse,
} from '@lcc/contracts';

export class LocalTimesDto implements LocalTimes {
  @ApiProperty({ example: '2027-03-10T19:00:00+12:00' }) startsAt: string;
  @ApiProperty({ example: '2027-03-10T21:00:00+12:00' }) endsAt: string;
  @ApiProperty({ example: 'Asia/Kamchatka' }) timeZone: string;
}

export class AgendaItemResponseDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) presenter: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMinutes: number | null;
}

export class ActionItemResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty() done: boolean;
}

export class ActionItemMeetingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty() groupName: string;
}

export class MyActionItemResponseDto implements MyActionItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty() done: boolean;
  @ApiProperty({ description: "Open and due before today in the caller's time zone" }) overdue: boolean;
  @ApiProperty({ type: ActionItemMeetingDto }) meeting: ActionItemMeetingDto;
}

export class LinkedDocumentDto {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null for viewers who may not open the document' })
  title: string | null;
}

export class MeetingInviteeResponseDto implements MeetingInviteeResponse {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: RsvpResponse, enumName: 'RsvpResponse' }) response: RsvpResponse;
}

export class MeetingConflictResponseDto implements MeetingConflictResponse {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
}

export class OrganizerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class MeetingResponseDto implements MeetingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) endsAt: string;
  @ApiProperty({ description: "The organiser's IANA time zone" }) timeZone: string;
  @ApiProperty({ type: LocalTimesDto, description: "Start and end in the viewer's time zone" }) local: LocalTimesDto;
  @ApiProperty({ type: String, nullable: true }) venue: string | null;
  @ApiProperty({ type: String, nullable: true }) onlineUrl: string | null;
  @ApiProperty({ type: [AgendaItemResponseDto] }) agenda: AgendaItemResponseDto[];
  @ApiProperty({ enum: MeetingStatus, enumName: 'MeetingStatus' }) status: MeetingStatus;
  @ApiProperty({ description: 'iCalendar SEQUENCE' }) sequence: number;
  @ApiProperty({ type: OrganizerDto, nullable: true }) organizer: OrganizerDto | null;
  @ApiProperty({ type: [MeetingInviteeResponseDto] }) invitees: MeetingInviteeResponseDto[];
  @ApiProperty({ enum: RsvpResponse, enumName: 'RsvpResponse', nullable: true }) myResponse: RsvpResponse | null;
  @ApiProperty({ type: String, nullable: true }) minutes: string | null;
  @ApiProperty({ type: [ActionItemResponseDto] }) actionItems: ActionItemResponseDto[];
  @ApiProperty({ type: [LinkedDocumentDto] }) documents: LinkedDocumentDto[];
  @ApiProperty({ type: [MeetingConflictResponseDto], description: 'Shown to organisers only' })
  conflicts: MeetingConflictResponseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MeetingPageDto {
  @ApiProperty({ type: [MeetingResponseDto] }) items: MeetingResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CalendarFeedUrlDto {
  @ApiProperty({ example: 'https://portal.example/api/calendar/feeds/abc.def.ics' }) url: string;
}
