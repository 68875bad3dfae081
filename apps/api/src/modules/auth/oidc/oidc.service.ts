import { createHmac } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import * as oidc from 'openid-client';
import type { SsoStatusResponse } from '@lcc/contracts';
import type { ClientInfo } from '../../../common/http/actor.js';
import type { Env } from '../../../config/env.validation.js';
import { publicUrl } from '../../../config/public-url.js';
import { assertMaySignIn } from '../sign-in-status.js';
import { JWT_SECRET } from '../jwt-secret.provider.js';
import { type IssuedTokens, SessionsService } from '../sessions.service.js';
import { OidcAccountsService, type ProviderIdentity } from './oidc-accounts.service.js';
import { type OidcFlow, OIDC_STATE_TTL_SECONDS } from './oidc-state.js';
import { SsoErrorCode, SsoException } from './oidc.exception.js';

const STATE_AUDIENCE = 'lcc-oidc-state';

/**
 * Single sign-on with OpenID Connect (authorization code with PKCE, state and nonce) through `openid-client`.
 * The provider's metadata is discovered on first use and kept; a failed discovery is tried again next time.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration: Promise<oidc.Configuration> | undefined;
  /** Signs the flow cookie; derived from the JWT secret so that neither token can pass for the other. */
  private readonly stateKey: Buffer;

  constructor(
    private readonly config: ConfigService<Env, true>,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
    private readonly accounts: OidcAccountsService,
    @Inject(JWT_SECRET) jwtSecret: string,
  ) {
    this.stateKey = createHmac('sha256', jwtSecret).update('lcc oidc flow cookie').digest();
  }

  status(): SsoStatusResponse {
    const issuer = this.config.get('OIDC_ISSUER', { infer: true });
    if (!issuer) return { enabled: false, displayName: null };
    return {
      enabled: true,
      displayName: this.config.get('OIDC_DISPLAY_NAME', { infer: true }) ?? new URL(issuer).hostname,
    };
  }

  /** The registered redirect URI: fixed by `PUBLIC_URL`, never taken from the request's Host header. */
  redirectUri(): string {
    return `${publicUrl(this.config)}/api/auth/oidc/callback`;
  }

  /** The provider's authorization URL and the signed flow the callback needs (kept by the browser in a cookie). */
  async start(): Promise<{ url: string; flowToken: string }> {
    const configuration = await this.discover();
    const flow: OidcFlow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: this.config.get('OIDC_SCOPES', { infer: true }),
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    });
    const flowToken = await this.jwt.signAsync(flow, {
      secret: this.stateKey,
      algorithm: 'HS256',
      audience: STATE_AUDIENCE,
      expiresIn: OIDC_STATE_TTL_SECONDS,
    });
    return { url: url.href, flowToken };
  }

  /**
   * Completes the sign-in the provider sent back (`query` is the callback's query string) and starts a portal
   * session, as a password sign-in does. Pending, suspended and rejected members are refused the same way.
   */
  async finish(query: string, flowToken: string | undefined, client: ClientInfo): Promise<IssuedTokens> {
    const flow = await this.readFlow(flowToken);
    const identity = await this.identify(query, flow);
    const member = await this.accounts.memberFor(identity);
    // The same refusals as the password form; a deleted account (its identities go just after the deletion
    // commits) is nobody to sign in as.
    assertMaySignIn(member.status);
    return this.sessions.start(member.id, client);
  }

  private async readFlow(flowToken: string | undefined): Promise<OidcFlow> {
    if (!flowToken)
      throw new SsoException(SsoErrorCode.SSO_FAILED, 'The sign-in was not started here, or took too long');
    try {
      const flow = await this.jwt.verifyAsync<OidcFlow>(flowToken, {
        secret: this.stateKey,
        algorithms: ['HS256'],
        audience: STATE_AUDIENCE,
      });
      return { state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier };
    } catch {
      throw new SsoException(SsoErrorCode.SSO_FAILED, 'The sign-in was not started here, or took too long');
    }
  }

  /** Exchanges the code (checking state, PKCE, the ID token's signature, issuer, audience and nonce). */
  private async identify(query: string, flow: OidcFlow): Promise<ProviderIdentity> {
    const configuration = await this.discover();
    try {
      const callbackUrl = new URL(this.redirectUri());
      callbackUrl.search = query;
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // Many providers put the profile (e-mail, name, locale) only in the UserInfo answer.
      const userInfo = configuration.serverMetadata().userinfo_endpoint
        ? await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
        : {};
      const claims: Record<string, unknown> = { ...idToken, ...userInfo };
      return {
        issuer: idToken.iss,
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        // Some providers send the flag as a string.
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: stringClaim(claims, this.config.get('OIDC_NAME_CLAIM', { infer: true })),
        locale: stringClaim(claims, this.config.get('OIDC_LANGUAGE_CLAIM', { infer: true })),
      };
    } catch (error) {
      // The provider's error and the library's check are logged; no token or code is.
      this.logger.warn(`single sign-on refused: ${describe(error)}`);
      throw new SsoException(SsoErrorCode.SSO_FAILED);
    }
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = this.config.get('OIDC_ISSUER', { infer: true });
    const clientId = this.config.get('OIDC_CLIENT_ID', { infer: true });
    const secret = this.config.get('OIDC_CLIENT_SECRET', { infer: true });
    if (!issuer || !clientId || !secret) return Promise.reject(new SsoException(SsoErrorCode.SSO_NOT_CONFIGURED));
    this.configuration ??= discoverProvider(new URL(issuer), clientId, secret).catch((error: unknown) => {
      this.configuration = undefined;
      this.logger.warn(`OpenID provider discovery failed: ${describe(error)}`);
      throw new SsoException(SsoErrorCode.SSO_FAILED);
    });
    return this.configuration;
  }
}

async function discoverProvider(issuer: URL, clientId: string, secret: string): Promise<oidc.Configuration> {
  // Plain http is accepted (by the configuration check) only for a provider on this machine.
  const insecure = issuer.protocol === 'http:';
  const discovered = await oidc.discovery(issuer, clientId, secret, undefined, {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
  const server = discovered.serverMetadata();
  // client_secret_basic is the default of OpenID Connect; a provider that lists only client_secret_post gets that.
  const methods = server.token_endpoint_auth_methods_supported;
  const authentication =
    !methods || methods.includes('client_secret_basic')
      ? oidc.ClientSecretBasic(secret)
      : oidc.ClientSecretPost(secret);
  const configuration = new oidc.Configuration(server, clientId, secret, authentication);
  configuration.timeout = 10;
  if (insecure) oidc.allowInsecureRequests(configuration);
  return configuration;
}

function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown; error?: unknown }).error ?? (error as { code?: unknown }).code;
  return `${error.name}${code ? ` ${String(code)}` : ''}: ${error.message}`.slice(0, 500);
}
