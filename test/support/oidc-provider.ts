import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/** The claims of a test account; `sub` is also what its owner types into the provider's sign-in form. */
export interface TestAccountClaims {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  locale: string;
}

export interface TestOidcProvider {
  /** `http://localhost:<port>`: another site than the portal's `127.0.0.1`, as a real provider would be. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds an account that can sign in at the provider. */
  addAccount(claims: TestAccountClaims): void;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (so a test app's PUBLIC_URL, and the redirect URI, can be known before it starts). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) with one confidential client whose redirect URIs
 * are `redirectUris`. Its sign-in page is a one-field form (the account's `sub`, no password), and consent is
 * granted with the sign-in, as for a first-party client.
 */
export async function startOidcProvider(redirectUris: string[]): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccountClaims>();
  const clientId = 'lcc-portal';
  const clientSecret = 'test-client-secret-that-is-long-enough';
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
    response.statusCode = 503;
    response.end();
  };
  // Every interface (no host): `localhost` may resolve to ::1 or to 127.0.0.1.
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-key', use: 'sig', alg: 'RS256' } as JWK] },
    cookies: { keys: ['test-cookie-signing-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = accounts.get(id);
      return claims ? { accountId: id, claims: () => ({ ...claims }) } : undefined;
    },
  });
  const callback = provider.callback();

  handle = (request, response) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(request.url ?? '/', issuer).pathname);
    if (!match) return void callback(request, response);
    interaction(request, response, match[1], Boolean(match[2])).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  };

  async function interaction(request: IncomingMessage, response: ServerResponse, uid: string, submitted: boolean) {
    const details = await provider.interactionDetails(request, response);
    const login = submitted ? new URLSearchParams(await body(request)).get('login') : null;
    if (!login || !accounts.has(login)) {
      response.setHeader('Content-Type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html lang="en"><head><title>Test provider</title></head><body><main>` +
          `<h1>Test provider</h1>${login ? '<p role="alert">Unknown account</p>' : ''}` +
          `<form method="post" action="/interaction/${uid}/login">` +
          `<label for="login">Account</label><input id="login" name="login" autocomplete="off">` +
          `<button type="submit">Continue to the portal</button></form></main></body></html>`,
      );
      return;
    }
    const grant = new provider.Grant({ accountId: login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    issuer,
    clientId,
    clientSecret,
    addAccount(claims) {
      accounts.set(claims.sub, claims);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
