import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsJWT, IsString, Length, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

const SIX_DIGITS = /^\d{6}$/;
const codeMessage = { message: 'code must be the six digits the authenticator app shows' };

/** Refuses a second proof beside the first one (`other` is the field that must then be absent). */
function Without(other: string) {
  return ValidateBy({
    name: 'without',
    constraints: [other],
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: (args) => `send either ${args?.property} or ${other}, not both`,
    },
  });
}

export class ConfirmCodeDto {
  @ApiProperty({ example: '123456', description: 'The six digits the authenticator app shows now' })
  @Matches(SIX_DIGITS, codeMessage)
  code: string;
}

/** `POST /api/auth/login/second-factor`: the challenge and either a TOTP code or a recovery code. */
export class SecondFactorDto {
  @ApiProperty({ description: 'The `challengeToken` the password step answered' })
  @IsJWT()
  @MaxLength(2000)
  challengeToken: string;

  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((dto: SecondFactorDto) => dto.recoveryCode === undefined || dto.code !== undefined)
  @Matches(SIX_DIGITS, codeMessage)
  code?: string;

  @ApiPropertyOptional({ example: 'abcd-efgh-jkmn-pqrs', description: 'One of the recovery codes (single use)' })
  @ValidateIf((dto: SecondFactorDto) => dto.recoveryCode !== undefined)
  @IsString()
  @Length(16, 40)
  @Without('code')
  recoveryCode?: string;
}

export class ChallengeDto {
  @ApiProperty({ description: 'The `challengeToken` (kind `enrolment`) the password step answered' })
  @IsJWT()
  @MaxLength(2000)
  challengeToken: string;
}

export class ConfirmEnrolmentDuringSignInDto extends ChallengeDto {
  @ApiProperty({ example: '123456' })
  @Matches(SIX_DIGITS, codeMessage)
  code: string;
}

/** The current password or a current code: what removing the second factor or new recovery codes need. */
export class ConfirmIdentityDto {
  @ApiPropertyOptional({ format: 'password' })
  @ValidateIf((dto: ConfirmIdentityDto) => dto.code === undefined || dto.password !== undefined)
  @IsString()
  @Length(1, 128)
  password?: string;

  @ApiPropertyOptional({ example: '123456' })
  @ValidateIf((dto: ConfirmIdentityDto) => dto.code !== undefined)
  @Matches(SIX_DIGITS, codeMessage)
  @Without('password')
  code?: string;
}

export class TwoFactorPolicyDto {
  @ApiProperty({ description: 'Admins and coordinators must sign in with two factors' })
  @IsBoolean()
  requiredForStaff: boolean;
}
