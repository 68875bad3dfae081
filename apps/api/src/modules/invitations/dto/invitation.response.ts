import { ApiProperty } from '@nestjs/swagger';
import {
  type InvitationListItem,
  type InvitationResponse,
  type InvitationState,
  Language,
  NetworkRole,
} from '@lcc/contracts';
import { INVITATION_STATES } from './list-invitations-query.dto.js';

export class InvitationResponseDto implements InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: NetworkRole, enumName: 'NetworkRole' }) role: NetworkRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workingGroupId: string | null;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) token: string;
  @ApiProperty({ description: 'Registration link carrying the token' }) url: string;
}

class InviterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class InvitationListItemDto implements InvitationListItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: NetworkRole, enumName: 'NetworkRole' }) role: NetworkRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workingGroupId: string | null;
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiProperty({ enum: INVITATION_STATES }) state: InvitationState;
  @ApiProperty({ type: InviterDto, nullable: true }) invitedBy: InviterDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acceptedMemberId: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationListItemDto] }) items: InvitationListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
