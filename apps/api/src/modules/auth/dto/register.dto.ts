import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MemberProfileDto } from '../../members/dto/member-profile.dto.js';
import { IsNewPassword } from './password.decorator.js';
import { trimString } from '../../../common/validation/transforms.js';

export class RegisterDto extends MemberProfileDto {
  @ApiProperty({ format: 'email' })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsNewPassword()
  password: string;

  @ApiPropertyOptional({ description: 'From an invitation link: the account is active at once' })
  @IsOptional()
  @IsString()
  @Length(16, 128)
  invitationToken?: string;
}
