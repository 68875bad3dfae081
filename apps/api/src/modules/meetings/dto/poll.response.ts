import { ApiProperty } from '@nestjs/swagger';
import {
  PollAnswer,
  type PollOptionResponse,
  type PollParticipantSlot,
  type PollResponse,
  PollStatus,
  type PollSummaryResponse,
  type SlotSuggestionResponse,
} from '@lcc/contracts';
import { LocalTimesDto } from './meeting.response.js';

export class HolidayDto {
  @ApiProperty({ example: 'Naadam' }) name: string;
}

export class PollParticipantSlotDto implements PollParticipantSlot {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() country: string;
  @ApiProperty({ enum: PollAnswer, enumName: 'PollAnswer', nullable: true }) answer: PollAnswer | null;
  @ApiProperty({ type: LocalTimesDto }) local: LocalTimesDto;
  @ApiProperty({ description: 'Any part outside 08:00–19:00 local' }) offHours: boolean;
  @ApiProperty() weekend: boolean;
  @ApiProperty({ type: HolidayDto, nullable: true }) holiday: HolidayDto | null;
}

export class PollCountsDto {
  @ApiProperty() yes: number;
  @ApiProperty() if_need_be: number;
  @ApiProperty() no: number;
}

export class PollOptionResponseDto implements PollOptionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: LocalTimesDto }) local: LocalTimesDto;
  @ApiProperty({ type: PollCountsDto }) counts: Record<PollAnswer, number>;
  @ApiProperty({ type: [PollParticipantSlotDto] }) participants: PollParticipantSlotDto[];
}

export class PollMemberDto {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty() displayName: string;
}

export class MyVoteDto {
  @ApiProperty({ format: 'uuid' }) optionId: string;
  @ApiProperty({ enum: PollAnswer, enumName: 'PollAnswer' }) answer: PollAnswer;
}

export class PollResponseDto implements PollResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty() title: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ enum: PollStatus, enumName: 'PollStatus' }) status: PollStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty({ type: [PollOptionResponseDto] }) options: PollOptionResponseDto[];
  @ApiProperty({ type: [MyVoteDto] }) myVotes: MyVoteDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
  @ApiProperty({ description: 'Open and before the deadline' }) votingOpen: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The slot most participants can make' })
  bestOptionId: string | null;
  @ApiProperty({ type: [PollMemberDto], description: 'Active group members who have answered no slot yet' })
  notAnswered: PollMemberDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SlotSuggestionResponseDto implements SlotSuggestionResponse {
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() conflicts: number;
  @ApiProperty() participantsOk: number;
}

export class PollSummaryResponseDto implements PollSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: PollStatus, enumName: 'PollStatus' }) status: PollStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) meetingId: string | null;
  @ApiProperty() optionCount: number;
  @ApiProperty() answeredByMe: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadline: string | null;
  @ApiProperty() groupName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PollSummaryPageDto {
  @ApiProperty({ type: [PollSummaryResponseDto] }) items: PollSummaryResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
