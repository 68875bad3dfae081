import { randomBytes } from 'node:crypto';
import type request from 'supertest';
import type { InvitationResponse, MemberResponse, MemberType, NetworkRole, TokenPairResponse } from '@lcc/contracts';

export interface TestMember {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  profile: MemberResponse;
  /** `Authorization` header value. */
  auth: string;
}

/** An enum or its string value, so tests can write `'coordinator'`. */
type Loose<E extends string> = E | `${E}`;

export interface MemberOptions {
  role?: Loose<NetworkRole>;
  displayName?: string;
  memberType?: Loose<MemberType>;
  country?: string;
  organization?: string;
  city?: string;
  timeZone?: string;
  expertise?: string[];
}

type Http = () => ReturnType<typeof request>;

let counter = 0;

/** Builds data through the public API, exactly as clients do: invitations, registration, sign-in. */
export class Fixtures {
  private adminSession?: Promise<TestMember>;

  constructor(
    private readonly http: Http,
    private readonly adminCredentials: { email: string; password: string },
  ) {}

  /** A unique, valid e-mail address. */
  email(prefix = 'member'): string {
    counter += 1;
    return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@example.org`;
  }

  /** Signed-in bootstrap admin (cached per app). */
  admin(): Promise<TestMember> {
    this.adminSession ??= this.login(this.adminCredentials.email, this.adminCredentials.password);
    return this.adminSession;
  }

  async login(email: string, password: string): Promise<TestMember> {
    const response = await this.http().post('/api/auth/login').send({ email, password });
    if (response.status !== 200)
      throw new Error(`login ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    const pair = response.body as TokenPairResponse;
    return {
      id: pair.member.id,
      email,
      password,
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      profile: pair.member,
      auth: `Bearer ${pair.accessToken}`,
    };
  }

  /** An active, signed-in member with the given network role (invited by the admin). */
  async member(options: MemberOptions = {}): Promise<TestMember> {
    const admin = await this.admin();
    const email = this.email(options.role ?? 'member');
    const invitation = await this.http()
      .post('/api/invitations')
      .set('Authorization', admin.auth)
      .send({ email, role: options.role ?? 'member' });
    if (invitation.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invitation.body)}`);
    const password = `Pw-${randomBytes(8).toString('hex')}`;
    await this.register({
      ...options,
      email,
      password,
      invitationToken: (invitation.body as InvitationResponse).token,
    });
    return this.login(email, password);
  }

  /** Registers without an invitation: the member waits for approval. */
  async pendingMember(options: MemberOptions = {}): Promise<{ id: string; email: string; password: string }> {
    const email = this.email('pending');
    const password = `Pw-${randomBytes(8).toString('hex')}`;
    const profile = await this.register({ ...options, email, password });
    return { id: profile.id, email, password };
  }

  async register(
    body: MemberOptions & { email: string; password: string; invitationToken?: string },
  ): Promise<MemberResponse> {
    const { role: _role, ...rest } = body;
    const response = await this.http()
      .post('/api/auth/register')
      .send({
        displayName: `Test Member ${counter}`,
        memberType: 'city_government',
        country: 'MN',
        timeZone: 'Asia/Ulaanbaatar',
        ...rest,
      });
    if (response.status !== 201)
      throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as MemberResponse;
  }
}
