import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { InvitationState } from '@lcc/contracts';
import { PageQueryDto } from '../../../common/pagination/cursor.js';

export const INVITATION_STATES: InvitationState[] = ['pending', 'accepted', 'expired', 'revoked'];

export class ListInvitationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATES })
  @IsOptional()
  @IsIn(INVITATION_STATES)
  state?: InvitationState;
}
