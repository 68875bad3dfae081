import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTRY_CODES, Language, type MemberResponse, MemberStatus, MemberType, NetworkRole } from '@lcc/contracts';

/** OpenAPI description of `MemberResponse` (libs/contracts). */
export class MemberResponseDto implements MemberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Shown to the member, coordinators and admins' })
  email: string | null;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: MemberType, enumName: 'MemberType' }) memberType: MemberType;
  @ApiProperty({ enum: COUNTRY_CODES, enumName: 'Country' }) country: string;
  @ApiProperty({ type: String, nullable: true }) organization: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: [String] }) expertise: string[];
  @ApiProperty({ enum: Language, enumName: 'Language' }) language: Language;
  @ApiProperty({ example: 'Asia/Seoul' }) timeZone: string;
  @ApiProperty({ type: String, nullable: true }) bio: string | null;
  @ApiProperty({ enum: NetworkRole, enumName: 'NetworkRole' }) role: NetworkRole;
  @ApiProperty({ enum: MemberStatus, enumName: 'MemberStatus' }) status: MemberStatus;
  @ApiPropertyOptional({ description: 'Only on your own profile' }) mustChangePassword?: boolean;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why a rejected registration was turned down; only for coordinators and admins',
  })
  rejectionReason?: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MemberPageDto {
  @ApiProperty({ type: [MemberResponseDto] }) items: MemberResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
