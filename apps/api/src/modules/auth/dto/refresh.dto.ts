import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** The refresh token comes in the body (API clients) or in the httpOnly cookie (browsers). */
export class RefreshDto {
  @ApiPropertyOptional({ description: 'Omit when the browser sends the refresh cookie' })
  @IsOptional()
  @IsString()
  @Length(16, 256)
  refreshToken?: string;
}

export class LogoutDto extends RefreshDto {}
