import { ApiProperty } from '@nestjs/swagger';
import type {
  EnrolledTokenPairResponse,
  RecoveryCodesResponse,
  SecondFactorChallengeResponse,
  TwoFactorEnrolmentResponse,
  TwoFactorPolicyResponse,
  TwoFactorStatusResponse,
} from '@lcc/contracts';
import { TokenPairResponseDto } from '../../dto/auth.response.js';

export class SecondFactorChallengeResponseDto implements SecondFactorChallengeResponse {
  @ApiProperty({
    enum: ['code', 'enrolment'],
    enumName: 'SecondFactorStep',
    description: '`code`: send a code to /api/auth/login/second-factor; `enrolment`: set up an authenticator first',
  })
  secondFactor: 'code' | 'enrolment';
  @ApiProperty({ description: 'Short-lived; good only for the second-factor routes' }) challengeToken: string;
  @ApiProperty({ description: 'Lifetime of the challenge in seconds' }) expiresIn: number;
}

export class TwoFactorStatusResponseDto implements TwoFactorStatusResponse {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) enabledAt: string | null;
  @ApiProperty({ description: 'Unused recovery codes' }) recoveryCodesLeft: number;
  @ApiProperty({ description: "The member's role must sign in with two factors" }) required: boolean;
}

export class TwoFactorEnrolmentResponseDto implements TwoFactorEnrolmentResponse {
  @ApiProperty({ description: 'Base32 secret, for typing into an authenticator app' }) secret: string;
  @ApiProperty({ example: 'otpauth://totp/...' }) otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as an SVG QR code (data URL)' }) qrCodeDataUrl: string;
}

export class RecoveryCodesResponseDto implements RecoveryCodesResponse {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once' }) recoveryCodes: string[];
}

export class EnrolledTokenPairResponseDto extends TokenPairResponseDto implements EnrolledTokenPairResponse {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once' }) recoveryCodes: string[];
}

export class TwoFactorPolicyResponseDto implements TwoFactorPolicyResponse {
  @ApiProperty() requiredForStaff: boolean;
}
