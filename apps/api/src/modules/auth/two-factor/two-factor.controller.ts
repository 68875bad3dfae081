import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { NetworkRole } from '@lcc/contracts';
import { AuthRateLimited } from '../../../common/decorators/auth-rate-limited.decorator.js';
import { Roles } from '../../../common/decorators/roles.decorator.js';
import { type Actor, CurrentActor } from '../../../common/http/actor.js';
import { ApiErrors } from '../../../common/openapi/api-errors.decorator.js';
import { ConfirmCodeDto, ConfirmIdentityDto, TwoFactorPolicyDto } from './dto/two-factor.dto.js';
import {
  RecoveryCodesResponseDto,
  TwoFactorEnrolmentResponseDto,
  TwoFactorPolicyResponseDto,
  TwoFactorStatusResponseDto,
} from './dto/two-factor.response.js';
import { TwoFactorService } from './two-factor.service.js';

/** The caller's own second factor, the admins' reset of a member's, and the admins' "required for staff" setting. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @Get('auth/two-factor')
  @ApiOperation({ summary: "The caller's two-factor sign-in: on or off, recovery codes left, required or not" })
  @ApiOkResponse({ type: TwoFactorStatusResponseDto })
  status(@CurrentActor() actor: Actor) {
    return this.twoFactor.status(actor);
  }

  @Post('auth/two-factor/enrolment')
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret and its QR code' })
  @ApiErrors(409)
  @ApiCreatedResponse({ type: TwoFactorEnrolmentResponseDto })
  startEnrolment(@CurrentActor() actor: Actor) {
    return this.twoFactor.startEnrolment(actor.id);
  }

  @Post('auth/two-factor/enrolment/confirm')
  @ApiOperation({ summary: 'Turn two-factor sign-in on with the first code; answers the recovery codes once' })
  @ApiErrors(409)
  @HttpCode(200)
  @AuthRateLimited('login')
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  confirmEnrolment(@CurrentActor() actor: Actor, @Body() dto: ConfirmCodeDto) {
    return this.twoFactor.confirmEnrolment(actor.id, dto.code);
  }

  @Post('auth/two-factor/recovery-codes')
  @ApiOperation({ summary: 'Replace the recovery codes (needs the password or a current code)' })
  @ApiErrors(409)
  @HttpCode(200)
  @AuthRateLimited('login')
  @ApiOkResponse({ type: RecoveryCodesResponseDto })
  regenerateRecoveryCodes(@CurrentActor() actor: Actor, @Body() dto: ConfirmIdentityDto) {
    return this.twoFactor.regenerateRecoveryCodes(actor, dto);
  }

  @Post('auth/two-factor/remove')
  @ApiOperation({ summary: 'Turn two-factor sign-in off (needs the password or a current code)' })
  @ApiErrors(409)
  @HttpCode(204)
  @AuthRateLimited('login')
  @ApiNoContentResponse({ description: 'The authenticator and the recovery codes are gone' })
  remove(@CurrentActor() actor: Actor, @Body() dto: ConfirmIdentityDto) {
    return this.twoFactor.remove(actor, dto);
  }

  @Get('auth/two-factor/policy')
  @ApiOperation({ summary: 'Whether staff must sign in with two factors (admins)' })
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: TwoFactorPolicyResponseDto })
  policy() {
    return this.twoFactor.policy();
  }

  @Put('auth/two-factor/policy')
  @ApiOperation({ summary: 'Require two factors for admins and coordinators, or not (admins; audited)' })
  @Roles(NetworkRole.Admin)
  @ApiOkResponse({ type: TwoFactorPolicyResponseDto })
  setPolicy(@CurrentActor() actor: Actor, @Body() dto: TwoFactorPolicyDto) {
    return this.twoFactor.setPolicy(actor, dto.requiredForStaff);
  }

  @Post('members/:id/two-factor/reset')
  @ApiOperation({ summary: "Remove a member's authenticator and recovery codes (admins; audited)" })
  @ApiErrors(409)
  @HttpCode(204)
  @Roles(NetworkRole.Admin)
  @ApiNoContentResponse({ description: 'The member signs in with the password alone until they enrol again' })
  reset(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.twoFactor.reset(actor, id);
  }
}
