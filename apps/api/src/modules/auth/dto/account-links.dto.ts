import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import { trimString } from '../../../common/validation/transforms.js';
import { IsNewPassword } from './password.decorator.js';

export class ForgotPasswordDto {
  @ApiProperty({ format: 'email' })
  @Transform(trimString)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token of the e-mailed reset link' })
  @IsString()
  @Length(16, 128)
  token: string;

  @IsNewPassword()
  newPassword: string;
}

export class ConfirmEmailDto {
  @ApiProperty({ description: 'The token of the e-mailed confirmation link' })
  @IsString()
  @Length(16, 128)
  token: string;
}
