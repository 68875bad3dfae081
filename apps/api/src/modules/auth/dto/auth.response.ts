import { ApiProperty } from '@nestjs/swagger';
import type { SessionResponse, TokenPairResponse } from '@lcc/contracts';
import { MemberResponseDto } from '../../members/dto/member.response.js';

export class TokenPairResponseDto implements TokenPairResponse {
  @ApiProperty({ description: 'JWT; send as `Authorization: Bearer`' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; single use, rotated by /api/auth/refresh' }) refreshToken: string;
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: MemberResponseDto }) member: MemberResponseDto;
}

export class SessionResponseDto implements SessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'The session of this request' }) current: boolean;
}
