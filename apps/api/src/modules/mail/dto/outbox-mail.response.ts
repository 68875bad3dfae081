import { ApiProperty } from '@nestjs/swagger';
import type { OutboxMailResponse, OutboxMailStatus } from '@lcc/contracts';
import { OUTBOX_STATUSES } from './list-outbox-query.dto.js';

export class OutboxMailResponseDto implements OutboxMailResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'invitation' }) kind: string;
  @ApiProperty({ format: 'email' }) to: string;
  @ApiProperty({ type: String, nullable: true }) toName: string | null;
  @ApiProperty({ example: 'en' }) language: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'The plain-text body (its links carry tokens)' }) text: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxMailStatus;
  @ApiProperty() attempts: number;
  @ApiProperty({ format: 'date-time' }) nextAttemptAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty() hasCalendar: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OutboxMailDetailDto extends OutboxMailResponseDto {
  @ApiProperty() html: string;
}

export class OutboxPageDto {
  @ApiProperty({ type: [OutboxMailResponseDto] }) items: OutboxMailResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
