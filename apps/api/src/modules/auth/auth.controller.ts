import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiExtraModels,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AllowPasswordChangePending } from '../../common/decorators/allow-password-change-pending.decorator.js';
import { AuthRateLimited } from '../../common/decorators/auth-rate-limited.decorator.js';
import { Public } from '../../common/decorators/public.decorator.js';
import { type Actor, Client, type ClientInfo, CurrentActor } from '../../common/http/actor.js';
import { ApiErrors } from '../../common/openapi/api-errors.decorator.js';
import { ConfigService } from '@nestjs/config';
import type { Env } from '../../config/env.validation.js';
import { MemberResponseDto } from '../members/dto/member.response.js';
import type { Member } from '../members/members.service.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthService } from './auth.service.js';
import { ConfirmEmailDto, ForgotPasswordDto, ResetPasswordDto } from './dto/account-links.dto.js';
import { SessionResponseDto, TokenPairResponseDto } from './dto/auth.response.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { LogoutDto, RefreshDto } from './dto/refresh.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { LocalAuthGuard } from './guards/local-auth.guard.js';
import { clearRefreshCookie, refreshTokenFrom, setRefreshCookie } from './refresh-cookie.js';
import { SessionsService } from './sessions.service.js';
import { SecondFactorChallengeResponseDto } from './two-factor/dto/two-factor.response.js';
import { SecondFactorSignInService } from './two-factor/second-factor-sign-in.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly secureCookie: boolean;

  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: ConfigService<Env, true>,
    private readonly accountLinks: AccountLinksService,
    private readonly secondFactor: SecondFactorSignInService,
  ) {
    this.secureCookie = config.get('PUBLIC_URL', { infer: true })?.startsWith('https:') ?? false;
  }

  @Post('register')
  @ApiOperation({ summary: 'Register a new member account' })
  @ApiErrors(403, 409)
  @Public()
  @AuthRateLimited('register')
  @ApiCreatedResponse({ type: MemberResponseDto })
  register(@Body() dto: RegisterDto) {
    return this.auth.register(dto);
  }

  @Post('login')
  @ApiOperation({ summary: 'Sign in with e-mail and password (a second-factor challenge when one must follow)' })
  @ApiErrors(401, 403)
  @HttpCode(200)
  @Public()
  @AuthRateLimited('login')
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiExtraModels(TokenPairResponseDto, SecondFactorChallengeResponseDto)
  @ApiOkResponse({
    schema: {
      oneOf: [{ $ref: getSchemaPath(TokenPairResponseDto) }, { $ref: getSchemaPath(SecondFactorChallengeResponseDto) }],
    },
  })
  async login(
    @Req() request: FastifyRequest & { user: Member },
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const challenge = await this.secondFactor.challengeFor(request.user);
    if (challenge) return challenge;
    const pair = await this.auth.login(request.user, client);
    setRefreshCookie(
      response,
      pair.refreshToken,
      this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }),
      this.secureCookie,
    );
    return pair;
  }

  @Post('refresh')
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @ApiErrors(401)
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairResponseDto })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: FastifyRequest,
    @Client() client: ClientInfo,
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    const pair = await this.auth.refresh(refreshTokenFrom(request, dto.refreshToken), client);
    setRefreshCookie(
      response,
      pair.refreshToken,
      this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }),
      this.secureCookie,
    );
    return pair;
  }

  @Post('logout')
  @ApiOperation({ summary: 'Sign out of the current session' })
  @HttpCode(204)
  @Public()
  @ApiNoContentResponse({ description: 'The session of the refresh token (or of the access token) has ended' })
  async logout(
    @Body() dto: LogoutDto,
    @Req() request: FastifyRequest & { user?: Actor },
    @Res({ passthrough: true }) response: FastifyReply,
  ) {
    await this.auth.logout(refreshTokenFrom(request, dto.refreshToken), request.user ?? null);
    clearRefreshCookie(response, this.secureCookie);
  }

  @Post('logout-all')
  @ApiOperation({ summary: 'Sign out of every session' })
  @HttpCode(204)
  @ApiBearerAuth()
  @AllowPasswordChangePending()
  @ApiNoContentResponse({ description: 'Every session of the member has ended' })
  async logoutEverywhere(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: FastifyReply) {
    await this.auth.logoutEverywhere(actor);
    clearRefreshCookie(response, this.secureCookie);
  }

  @Post('password')
  @ApiOperation({ summary: "Change the caller's password" })
  @HttpCode(204)
  @ApiBearerAuth()
  @AllowPasswordChangePending()
  @AuthRateLimited('login')
  @ApiNoContentResponse({ description: 'Changed; every other session has ended' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, dto);
  }

  @Post('password/forgot')
  @HttpCode(202)
  @Public()
  @AuthRateLimited('register')
  @ApiOperation({ summary: 'E-mails a password reset link; answers the same whether or not the address is known.' })
  @ApiAcceptedResponse({ description: 'If an account uses this address, a reset link is on its way' })
  async forgotPassword(@Body() dto: ForgotPasswordDto) {
    await this.accountLinks.forgotPassword(dto.email);
    return { status: 'accepted' };
  }

  @Post('password/reset')
  @HttpCode(204)
  @Public()
  @AuthRateLimited('register')
  @ApiOperation({ summary: 'Sets a new password with an e-mailed reset link and ends every session of the account.' })
  @ApiNoContentResponse({ description: 'Changed; every session of the account has ended' })
  resetPassword(@Body() dto: ResetPasswordDto) {
    return this.accountLinks.resetPassword(dto);
  }

  @Post('email/confirm')
  @HttpCode(204)
  @Public()
  @AuthRateLimited('register')
  @ApiOperation({ summary: 'Confirms the e-mail address of a registration with the e-mailed link.' })
  @ApiNoContentResponse({ description: 'The address is confirmed' })
  confirmEmail(@Body() dto: ConfirmEmailDto) {
    return this.accountLinks.confirmEmail(dto.token);
  }

  @Get('sessions')
  @ApiOperation({ summary: "List the caller's sessions" })
  @ApiBearerAuth()
  @ApiOkResponse({ type: [SessionResponseDto] })
  listSessions(@CurrentActor() actor: Actor) {
    return this.sessions.list(actor);
  }

  @Delete('sessions/:id')
  @ApiOperation({ summary: "End one of the caller's sessions" })
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  revokeSession(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.sessions.revokeOwn(actor, id);
  }
}
