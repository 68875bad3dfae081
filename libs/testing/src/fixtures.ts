import { randomBytes, randomUUID } from 'node:crypto';
import type request from 'supertest';
import type {
  DocumentKind,
  DocumentLanguage,
  DocumentResponse,
  DocumentVisibility,
  GroupRole,
  GroupVisibility,
  InvitationResponse,
  Language,
  MeetingResponse,
  MemberResponse,
  MemberType,
  MessageResponse,
  NetworkRole,
  RoomResponse,
  RoomVisibility,
  ThematicArea,
  TokenPairResponse,
  WorkingGroupResponse,
} from '@lcc/contracts';

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
  /** The interface language saved to the profile (applied at every sign-in). */
  language?: Loose<Language>;
  expertise?: string[];
}

export interface GroupOptions {
  name?: string;
  visibility?: Loose<GroupVisibility>;
  thematicArea?: Loose<ThematicArea>;
  description?: string;
  slug?: string;
}

/** A working group as its creator sees it, with the lead who created it (who approves and adds members). */
export type TestGroup = WorkingGroupResponse & { roomId: string; lead: TestMember };

export interface DocumentOptions {
  title?: string;
  kind?: Loose<DocumentKind>;
  /** Left out: the portal's default. */
  visibility?: Loose<DocumentVisibility>;
  groupId?: string;
  language?: Loose<DocumentLanguage>;
  /** The file's content as text (default: a line naming the title); `data` wins when both are given. */
  text?: string;
  data?: Buffer;
  filename?: string;
  contentType?: string;
}

export interface MeetingOptions {
  title?: string;
  /** Default: three days from now. */
  startsAt?: string;
  /** Default: an hour after `startsAt`. */
  endsAt?: string;
  timeZone?: string;
  description?: string;
  venue?: string;
  onlineUrl?: string;
  agenda?: { title: string; presenter?: string | null; durationMinutes?: number | null }[];
  inviteeIds?: string[];
}

export interface RoomOptions {
  kind?: 'topic' | 'direct';
  name?: string;
  topic?: string;
  visibility?: Loose<RoomVisibility>;
  memberIds?: string[];
}

type Http = () => ReturnType<typeof request>;
type Response = { status: number; body: unknown };

/** The body of a response with the expected status; anything else fails the setup, naming the call. */
function expectStatus<T>(what: string, response: Response, status: number): T {
  if (response.status !== status)
    throw new Error(`${what} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

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

  /** A working group created by `lead` (a coordinator or the admin), with its discussion room. */
  async group(lead: TestMember, options: GroupOptions = {}): Promise<TestGroup> {
    counter += 1;
    const response = await this.http()
      .post('/api/working-groups')
      .set('Authorization', lead.auth)
      .send({ name: `Working Group ${counter}`, thematicArea: 'other', ...options });
    const group = expectStatus<WorkingGroupResponse>('create working group', response, 201);
    if (!group.roomId) throw new Error(`working group ${group.id} has no room`);
    return { ...group, roomId: group.roomId, lead };
  }

  /**
   * `member` joins as a member does: a public group at once (200), a private one by request (202) that the group's
   * lead then approves.
   */
  async join(group: TestGroup, member: TestMember): Promise<void> {
    const pending = group.visibility === 'private';
    const response = await this.http().post(`/api/working-groups/${group.id}/join`).set('Authorization', member.auth);
    expectStatus('join working group', response, pending ? 202 : 200);
    if (!pending) return;
    const approval = await this.http()
      .post(`/api/working-groups/${group.id}/members/${member.id}/approve`)
      .set('Authorization', group.lead.auth);
    expectStatus('approve join request', approval, 200);
  }

  /** The group's lead adds `member` directly (no request), with a group role when given. */
  async addMember(group: TestGroup, member: TestMember, options: { role?: Loose<GroupRole> } = {}): Promise<void> {
    const response = await this.http()
      .post(`/api/working-groups/${group.id}/members`)
      .set('Authorization', group.lead.auth)
      .send({ memberId: member.id, ...options });
    expectStatus('add group member', response, 201);
  }

  /** A document uploaded by `uploader` as a multipart form, as the web client sends it. */
  async document(uploader: TestMember, options: DocumentOptions = {}): Promise<DocumentResponse> {
    counter += 1;
    const title = options.title ?? `Document ${counter}`;
    const request = this.http()
      .post('/api/documents')
      .set('Authorization', uploader.auth)
      .field('title', title)
      .field('kind', options.kind ?? 'report');
    if (options.visibility) request.field('visibility', options.visibility);
    if (options.groupId) request.field('workingGroupId', options.groupId);
    if (options.language) request.field('language', options.language);
    const data = options.data ?? Buffer.from(options.text ?? `${title}\n`);
    const response = await request.attach('file', data, {
      filename: options.filename ?? 'notes.txt',
      contentType: options.contentType ?? 'text/plain',
    });
    return expectStatus<DocumentResponse>('upload document', response, 201);
  }

  /** A meeting of a working group scheduled by `organizer`; an hour long unless told otherwise. */
  async meeting(organizer: TestMember, groupId: string, options: MeetingOptions = {}): Promise<MeetingResponse> {
    counter += 1;
    const startsAt = options.startsAt ?? new Date(Date.now() + 3 * 86_400_000).toISOString();
    const endsAt = options.endsAt ?? new Date(new Date(startsAt).getTime() + 3_600_000).toISOString();
    const response = await this.http()
      .post(`/api/working-groups/${groupId}/meetings`)
      .set('Authorization', organizer.auth)
      .send({ title: `Meeting ${counter}`, timeZone: 'UTC', ...options, startsAt, endsAt });
    return expectStatus<MeetingResponse>('schedule meeting', response, 201);
  }

  /** Opens a meeting's room (or returns it when open). */
  async meetingRoom(organizer: TestMember, meetingId: string): Promise<RoomResponse> {
    const response = await this.http().post(`/api/meetings/${meetingId}/room`).set('Authorization', organizer.auth);
    return expectStatus<RoomResponse>('open meeting room', response, 201);
  }

  /** A topic room (or, with `kind: 'direct'`, a direct one) created by `creator`. */
  async room(creator: TestMember, options: RoomOptions = {}): Promise<RoomResponse> {
    counter += 1;
    const kind = options.kind ?? 'topic';
    const response = await this.http()
      .post('/api/rooms')
      .set('Authorization', creator.auth)
      .send(kind === 'topic' ? { name: `Room ${counter}`, ...options, kind } : { ...options, kind });
    return expectStatus<RoomResponse>('create room', response, 201);
  }

  /** A message sent over REST by `author`. */
  async message(
    author: TestMember,
    roomId: string,
    body: string,
    options: { threadRootId?: string } = {},
  ): Promise<MessageResponse> {
    const response = await this.http()
      .post(`/api/rooms/${roomId}/messages`)
      .set('Authorization', author.auth)
      .send({ clientId: randomUUID(), body, ...options });
    return expectStatus<MessageResponse>('send message', response, 201);
  }
}
