import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { OutboxMailStatus } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';

export const OUTBOX_STATUSES: OutboxMailStatus[] = ['queued', 'sending', 'sent', 'failed'];

export class ListOutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxMailStatus;
}
