import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MailFrequency, type NotificationPreferencesResponse } from '@lcc/contracts';
import { CLOCK } from '../notification-mail-schedule.js';

const FREQUENCY = { enum: MailFrequency, enumName: 'MailFrequency' } as const;
const CLOCK_MESSAGE = (field: string) => `${field} must be a local time HH:MM (00:00–23:59) or null`;

/** `PUT /api/members/me/notification-preferences`: fields left out keep their value. */
export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ ...FREQUENCY, description: 'Mentions in discussions' })
  @IsOptional()
  @IsEnum(MailFrequency)
  mentions?: MailFrequency;

  @ApiPropertyOptional({ ...FREQUENCY, description: 'Direct messages' })
  @IsOptional()
  @IsEnum(MailFrequency)
  directMessages?: MailFrequency;

  @ApiPropertyOptional({ ...FREQUENCY, description: 'Meeting invitations, changes and cancellations' })
  @IsOptional()
  @IsEnum(MailFrequency)
  meetings?: MailFrequency;

  @ApiPropertyOptional({ ...FREQUENCY, description: 'Requests to join a group you lead, and admissions' })
  @IsOptional()
  @IsEnum(MailFrequency)
  groupRequests?: MailFrequency;

  @ApiPropertyOptional({ ...FREQUENCY, description: 'Documents' })
  @IsOptional()
  @IsEnum(MailFrequency)
  documents?: MailFrequency;

  @ApiPropertyOptional({ minimum: 0, maximum: 23, description: 'Local hour of the daily digest' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '22:00', description: 'Start of quiet hours, local' })
  @IsOptional()
  @Matches(CLOCK, { message: CLOCK_MESSAGE('quietHoursStart') })
  quietHoursStart?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '07:00', description: 'End of quiet hours, local' })
  @IsOptional()
  @Matches(CLOCK, { message: CLOCK_MESSAGE('quietHoursEnd') })
  quietHoursEnd?: string | null;
}

export class NotificationPreferencesResponseDto implements NotificationPreferencesResponse {
  @ApiProperty(FREQUENCY) mentions: MailFrequency;
  @ApiProperty(FREQUENCY) directMessages: MailFrequency;
  @ApiProperty(FREQUENCY) meetings: MailFrequency;
  @ApiProperty(FREQUENCY) groupRequests: MailFrequency;
  @ApiProperty(FREQUENCY) documents: MailFrequency;
  @ApiProperty({ minimum: 0, maximum: 23 }) digestHour: number;
  @ApiProperty({ type: String, nullable: true }) quietHoursStart: string | null;
  @ApiProperty({ type: String, nullable: true }) quietHoursEnd: string | null;
  @ApiProperty({ description: "The member's IANA time zone, in which the hours are read" }) timeZone: string;
}

export class UnsubscribeResponseDto {
  @ApiProperty({ description: 'The kind now set to never, or `digest` for every daily kind' }) kind: string;
  @ApiProperty(FREQUENCY) frequency: MailFrequency;
}
