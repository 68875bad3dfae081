import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthRateLimited } from '../../../common/decorators/auth-rate-limited.decorator.js';
import { Public } from '../../../common/decorators/public.decorator.js';
import { AppException } from '../../../common/errors/app.exception.js';
import { Client, type ClientInfo } from '../../../common/http/actor.js';
import { ApiErrors } from '../../../common/openapi/api-errors.decorator.js';
import type { Env } from '../../../config/env.validation.js';
import { publicUrl } from '../../../config/public-url.js';
import { setRefreshCookie } from '../refresh-cookie.js';
import { SsoStatusResponseDto } from './dto/sso-status.response.js';
import { clearStateCookie, setStateCookie, stateCookieFrom } from './oidc-state.js';
import { SsoErrorCode, SsoException } from './oidc.exception.js';
import { OidcService } from './oidc.service.js';

/**
 * Single sign-on. `start` and `callback` are browser navigations, so they answer with redirects: to the provider,
 * then to the portal's home (signed in through the refresh cookie) or to its sign-in page with `?ssoError=<code>`.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);
  private readonly secureCookie: boolean;

  constructor(
    private readonly oidc: OidcService,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.secureCookie = config.get('PUBLIC_URL', { infer: true })?.startsWith('https:') ?? false;
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Whether single sign-on is offered, and the name on its button' })
  @ApiOkResponse({ type: SsoStatusResponseDto })
  status() {
    return this.oidc.status();
  }

  @Get('start')
  @Public()
  @AuthRateLimited('login')
  @ApiOperation({ summary: 'Starts single sign-on: redirects to the identity provider' })
  @ApiErrors(404)
  @ApiFoundResponse({ description: "To the provider's authorization endpoint, or to /sign-in?ssoError=SSO_FAILED" })
  async start(@Res() response: FastifyReply) {
    if (!this.oidc.status().enabled) throw new SsoException(SsoErrorCode.SSO_NOT_CONFIGURED);
    try {
      const { url, flowToken } = await this.oidc.start();
      setStateCookie(response, flowToken, this.secureCookie);
      response.redirect(url, 302);
    } catch (error) {
      response.redirect(this.failure(error), 302);
    }
  }

  /** The query is checked by the OpenID client (state, issuer, code), not by a DTO: providers add their own fields. */
  @Get('callback')
  @Public()
  @AuthRateLimited('register')
  @ApiOperation({ summary: 'Completes single sign-on: starts a session and redirects to the portal' })
  @ApiFoundResponse({ description: 'To the portal (refresh cookie set), or to /sign-in?ssoError=<code>' })
  async callback(@Req() request: FastifyRequest, @Client() client: ClientInfo, @Res() response: FastifyReply) {
    const flowToken = stateCookieFrom(request);
    clearStateCookie(response, this.secureCookie);
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      const tokens = await this.oidc.finish(query, flowToken, client);
      setRefreshCookie(
        response,
        tokens.refreshToken,
        this.config.get('REFRESH_TOKEN_TTL_SECONDS', { infer: true }),
        this.secureCookie,
      );
      response.redirect(`${publicUrl(this.config)}/`, 302);
    } catch (error) {
      response.redirect(this.failure(error), 302);
    }
  }

  /** The sign-in page names the failure by its code; anything unexpected is SSO_FAILED (and is logged as such). */
  private failure(error: unknown): string {
    if (!(error instanceof AppException)) this.logger.error(error instanceof Error ? error : String(error));
    const code = error instanceof AppException ? error.code : SsoErrorCode.SSO_FAILED;
    return `${publicUrl(this.config)}/sign-in?ssoError=${encodeURIComponent(code)}`;
  }
}
