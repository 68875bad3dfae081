import { ApiProperty } from '@nestjs/swagger';
import { type InvitationResponse, NetworkRole } from '@lcc/contracts';

export class InvitationResponseDto implements InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: NetworkRole, enumName: 'NetworkRole' }) role: NetworkRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) workingGroupId: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) token: string;
  @ApiProperty({ description: 'Registration link carrying the token' }) url: string;
}
