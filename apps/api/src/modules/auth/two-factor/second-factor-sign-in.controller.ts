import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { TokenPairResponse } from '@lcc/contracts';
import { AuthRateLimited } from '../../../common/decorators/auth-rate-limited.decorator.js';
import { Public } from '../../../common/decorators/public.decorator.js';
import { Client, type ClientInfo } from '../../../common/http/actor.js';
import { ApiErrors } from '../../../common/openapi/api-errors.decorator.js';
import type { Env } from '../../../config/env.validation.js';
import { TokenPairResponseDto } from '../dto/auth.response.js';
import { setRefreshCookie } from '../refresh-cookie.js';
import { ChallengeDto, ConfirmEnrolmentDuringSignInDto, SecondFactorDto } from './dto/two-factor.dto.js';
import { EnrolledTokenPairResponseDto, TwoFactorEnrolmentResponseDto } from './dto/two-factor.response.js';
import { type OnLimited, SecondFactorSignInService } from './second-factor-sign-in.service.js';

/** The second step of signing in: a challenge from the password step, exchanged for the token pair and cookie. */
@ApiTags('auth')
@Controller('auth/login/second-factor')
export class SecondFactorSignInController {
  private readonly secureCookie: boolean;

  constructor(
    private readonly signIn: SecondFactorSignInService,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.secureCookie = config.get('PUBLIC_URL', { infer: true })?.startsWith('https:') ?? false;
  }

  @Post()
  @ApiOperation({ summary: 'Finish signing in with an authenticator code or a recovery code' })
  @ApiErrors(401)
  @HttpCode(200)
  @Public()
  @AuthRateLimited('login')
  @ApiOkResponse({ type: TokenPairResponseDto })
  async complete(
    @Body() dto: SecondFactorDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    return this.withCookie(response, await this.signIn.complete(dto, client, retryAfter(response)));
  }

  @Post('enrolment')
  @ApiOperation({ summary: 'Start the authenticator set-up that a sign-in requires (staff)' })
  @ApiErrors(401, 409)
  @HttpCode(200)
  @Public()
  @AuthRateLimited('login')
  @ApiOkResponse({ type: TwoFactorEnrolmentResponseDto })
  startEnrolment(@Body() dto: ChallengeDto) {
    return this.signIn.startEnrolment(dto.challengeToken);
  }

  @Post('enrolment/confirm')
  @ApiOperation({ summary: 'Confirm the new authenticator with its first code and finish signing in' })
  @ApiErrors(401, 409)
  @HttpCode(200)
  @Public()
  @AuthRateLimited('login')
  @ApiOkResponse({ type: EnrolledTokenPairResponseDto })
  async confirmEnrolment(
    @Body() dto: ConfirmEnrolmentDuringSignInDto,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const pair = await this.signIn.confirmEnrolment(dto.challengeToken, dto.code, client, retryAfter(response));
    return this.withCookie(response, pair);
  }

  private withCookie<T extends TokenPairResponse>(response: FastifyReply, pair: T): T {
    setRefreshCookie(
      response,
      pair.refreshToken,
      this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }),
      this.secureCookie,
    );
    return pair;
  }
}

function retryAfter(response: FastifyReply): OnLimited {
  return (seconds) => void response.header('Retry-After', String(seconds));
}
