import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import JSZip from 'jszip';
import { Secret, TOTP } from 'otpauth';
import type { DataExportResponse, MemberResponse, MessageResponse, PollResponse } from '@lcc/contracts';
import { connectSocket, emitAck, type TestGroup, type TestMember, waitForEvent } from '@lcc/testing';
import { DataExportsService } from '../apps/api/src/modules/privacy/data-exports.service.js';
import { sql } from './support/db.js';
import { TestS3Server } from './support/s3.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Http = ReturnType<TestApp['http']>;

/** Reads a binary response body into a Buffer (supertest leaves unknown types unparsed otherwise). */
function binary(request: ReturnType<Http['get']>): ReturnType<Http['get']> {
  return request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

describe('privacy: directory visibility, download my data, account deletion', () => {
  let t: TestApp;
  let admin: TestMember;
  let alice: TestMember; // changes her visibility; shares group A with bob
  let bob: TestMember;
  let carol: TestMember; // in group B only
  let groupA: TestGroup;
  let groupB: TestGroup;

  beforeAll(async () => {
    t = await createTestApp({ env: { DATA_EXPORT_POLL_INTERVAL_MS: '0' } });
    admin = await t.fx.admin();
    alice = await t.fx.member({ displayName: 'Alice Privacy', organization: 'Ulaanbaatar Energy Office' });
    bob = await t.fx.member({ displayName: 'Bob Colleague' });
    carol = await t.fx.member({ displayName: 'Carol Elsewhere' });
    groupA = await t.fx.group(admin, { visibility: 'private' });
    groupB = await t.fx.group(admin);
    await t.fx.addMember(groupA, alice);
    await t.fx.addMember(groupA, bob);
    await t.fx.addMember(groupB, carol);
  });
  afterAll(async () => {
    await t.close();
  });

  const setPrivacy = (who: TestMember, body: Record<string, unknown>) =>
    t.http().patch('/api/members/me').set('Authorization', who.auth).send(body);

  /** Where `viewer` finds alice: directory, profile, header search, people picker (directory with q). */
  async function findsAlice(viewer: TestMember) {
    const directory = await t.http().get('/api/members?limit=100').set('Authorization', viewer.auth).expect(200);
    const profile = await t.http().get(`/api/members/${alice.id}`).set('Authorization', viewer.auth);
    const search = await t.http().get('/api/search?q=Alice%20Privacy').set('Authorization', viewer.auth).expect(200);
    const picker = await t.http().get('/api/members?q=alice&limit=8').set('Authorization', viewer.auth).expect(200);
    return {
      directory: (directory.body.items as MemberResponse[]).some((m) => m.id === alice.id),
      profile: profile.status,
      search: (search.body.members as MemberResponse[]).some((m) => m.id === alice.id),
      picker: (picker.body.items as MemberResponse[]).some((m) => m.id === alice.id),
    };
  }
  const everywhere = { directory: true, profile: 200, search: true, picker: true };
  const nowhere = { directory: false, profile: 404, search: false, picker: false };

  it('shows a member to the whole network by default, with organisation and city but not the e-mail', async () => {
    expect(await findsAlice(carol)).toEqual(everywhere);
    const seen = await t.http().get(`/api/members/${alice.id}`).set('Authorization', carol.auth).expect(200);
    expect(seen.body).toMatchObject({ email: null, organization: 'Ulaanbaatar Energy Office' });
    expect(seen.body.privacy).toBeUndefined();
    const mine = await t.http().get('/api/members/me').set('Authorization', alice.auth).expect(200);
    expect(mine.body.privacy).toEqual({ directoryVisibility: 'network', shownContactFields: ['organization', 'city'] });
  });

  it('"my groups only" shows the member to those who share a working group, and to staff', async () => {
    const changed = await setPrivacy(alice, { directoryVisibility: 'groups', shownContactFields: ['email'] }).expect(
      200,
    );
    expect(changed.body.privacy).toEqual({ directoryVisibility: 'groups', shownContactFields: ['email'] });
    expect(await findsAlice(bob)).toEqual(everywhere);
    expect(await findsAlice(carol)).toEqual(nowhere);
    expect(await findsAlice(admin)).toEqual(everywhere);
    expect(await findsAlice(alice)).toMatchObject({ directory: true, profile: 200 });

    // Bob sees what she chose to show: the e-mail, not the organisation (which is not searchable either).
    const seen = await t.http().get(`/api/members/${alice.id}`).set('Authorization', bob.auth).expect(200);
    expect(seen.body).toMatchObject({ email: alice.email, organization: null });
    const byOrganisation = await t
      .http()
      .get('/api/members?q=Energy%20Office')
      .set('Authorization', bob.auth)
      .expect(200);
    expect(byOrganisation.body.items).toEqual([]);

    // A request still pending does not count as sharing the group.
    await t.http().post(`/api/working-groups/${groupA.id}/join`).set('Authorization', carol.auth).expect(202);
    expect(await findsAlice(carol)).toEqual(nowhere);
  });

  it('"hidden" lists the member to nobody but staff; the profile answers 404, her messages keep her name', async () => {
    await setPrivacy(alice, { directoryVisibility: 'hidden' }).expect(200);
    expect(await findsAlice(bob)).toEqual(nowhere);
    expect(await findsAlice(carol)).toEqual(nowhere);
    expect(await findsAlice(admin)).toEqual(everywhere);

    const message = await t.fx.message(alice, groupA.roomId, 'Still signed by me');
    const history = await t
      .http()
      .get(`/api/rooms/${groupA.roomId}/messages`)
      .set('Authorization', bob.auth)
      .expect(200);
    const seen = (history.body.items as MessageResponse[]).find((m) => m.id === message.id);
    expect(seen?.author).toEqual({ id: alice.id, displayName: 'Alice Privacy' });
  });

  it('refuses bad privacy input with field details and changes nothing', async () => {
    const bad = await setPrivacy(alice, {
      directoryVisibility: 'everyone',
      shownContactFields: ['email', 'phone'],
    }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['directoryVisibility', 'shownContactFields']),
    );
    const nulls = await setPrivacy(alice, { directoryVisibility: null }).expect(400);
    expect(nulls.body.details[0].field).toBe('directoryVisibility');
    const mine = await t.http().get('/api/members/me').set('Authorization', alice.auth).expect(200);
    expect(mine.body.privacy.directoryVisibility).toBe('hidden');
    await setPrivacy(alice, { directoryVisibility: 'network', shownContactFields: ['organization', 'city'] }).expect(
      200,
    );
  });

  describe('download my data', () => {
    let dana: TestMember;

    beforeAll(async () => {
      dana = await t.fx.member({ displayName: 'Dana Exporter', city: 'Darkhan' });
      await t.fx.addMember(groupA, dana, { role: 'lead' });
    });

    async function waitUntilFinished(who: TestMember, id: string): Promise<DataExportResponse> {
      for (;;) {
        const response = await t.http().get(`/api/data-exports/${id}`).set('Authorization', who.auth).expect(200);
        if (response.body.status !== 'requested') return response.body as DataExportResponse;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    it('prepares a ZIP with every part, escapes formula-looking cells, and holds no one else’s data', async () => {
      await t.fx.message(dana, groupA.roomId, '=HYPERLINK("http://evil.example","click")');
      await t.fx.message(dana, groupA.roomId, 'Second, with "quotes", commas\nand a new line');
      await t.fx.message(bob, groupA.roomId, 'Bob private remark 7f3a');
      const doc = await t.fx.document(dana, {
        title: '../../Strategy 2030',
        filename: '..\\evil\u202Egnp.txt',
        text: 'strategy bytes',
        groupId: groupA.id,
        visibility: 'group',
      });
      await t
        .http()
        .post(`/api/documents/${doc.id}/versions`)
        .set('Authorization', dana.auth)
        .attach('file', Buffer.from('strategy bytes v2'), { filename: 'plan.txt', contentType: 'text/plain' })
        .expect(201);
      await t.fx.document(bob, { title: 'Bob only document', groupId: groupA.id, visibility: 'group' });
      const meeting = await t.fx.meeting(dana, groupA.id, { inviteeIds: [bob.id] });
      await t
        .http()
        .put(`/api/meetings/${meeting.id}/rsvp`)
        .set('Authorization', bob.auth)
        .send({ response: 'declined' });
      const poll = (
        await t
          .http()
          .post(`/api/working-groups/${groupA.id}/polls`)
          .set('Authorization', dana.auth)
          .send({
            title: 'When to meet',
            timeZone: 'UTC',
            options: [{ startsAt: '2027-09-01T01:00:00Z', endsAt: '2027-09-01T03:00:00Z' }],
          })
          .expect(201)
      ).body as PollResponse;
      await t
        .http()
        .put(`/api/polls/${poll.id}/votes`)
        .set('Authorization', dana.auth)
        .send({ votes: [{ optionId: poll.options[0]!.id, answer: 'if_need_be' }] })
        .expect(200);

      // An audit entry about her (a role change and back).
      for (const role of ['observer', 'member']) {
        await t
          .http()
          .patch(`/api/members/${dana.id}/role`)
          .set('Authorization', admin.auth)
          .send({ role })
          .expect(200);
      }
      const requested = await t.http().post('/api/data-exports').set('Authorization', dana.auth).expect(202);
      expect(requested.body).toMatchObject({ status: 'requested', expiresAt: null });
      const ready = await waitUntilFinished(dana, requested.body.id);
      expect(ready).toMatchObject({ status: 'ready', size: expect.any(Number) });
      expect(new Date(ready.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 86_400_000);

      const download = await binary(
        t.http().get(`/api/data-exports/${ready.id}/download`).set('Authorization', dana.auth),
      ).expect(200);
      expect(download.headers['content-type']).toBe('application/zip');
      expect(download.headers['content-disposition']).toMatch(
        /^attachment; filename="lcc-portal-data-\d{4}-\d\d-\d\d\.zip"$/,
      );
      const zip = await JSZip.loadAsync(download.body as Buffer);
      const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
      for (const part of ['profile.json', 'messages', 'documents', 'meetings', 'poll-votes', 'audit']) {
        if (part.endsWith('.json')) expect(names).toContain(part);
        else expect(names).toEqual(expect.arrayContaining([`${part}.json`, `${part}.csv`]));
      }
      // Entry names stay inside the archive, without control or direction characters.
      for (const name of names) {
        expect(name.split('/')).not.toContain('..');
        expect(name).not.toMatch(/^\/|\\|[\p{Cc}\u202e]/u);
      }
      const files = names.filter((name) => name.startsWith('files/'));
      expect(files).toHaveLength(2);
      const contents = await Promise.all(files.map((name) => zip.file(name)!.async('string')));
      expect(contents.sort()).toEqual(['strategy bytes', 'strategy bytes v2']);

      const profile = JSON.parse(await zip.file('profile.json')!.async('string'));
      expect(profile).toMatchObject({ id: dana.id, email: dana.email, display_name: 'Dana Exporter', city: 'Darkhan' });
      const csv = await zip.file('messages.csv')!.async('string');
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(csv).toContain('"Second, with ""quotes"", commas\nand a new line"');
      const meetings = JSON.parse(await zip.file('meetings.json')!.async('string'));
      expect(meetings).toEqual([expect.objectContaining({ meeting_id: meeting.id, organizer: true })]);
      const votes = await zip.file('poll-votes.csv')!.async('string');
      expect(votes).toContain('if_need_be');
      const audit = JSON.parse(await zip.file('audit.json')!.async('string')) as { action: string; by_me: boolean }[];
      expect(audit.filter((entry) => entry.action === 'member.role_changed')).toEqual([
        expect.objectContaining({ by_me: false }),
        expect.objectContaining({ by_me: false }),
      ]);

      const everything = (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n');
      expect(everything).not.toContain('Bob private remark 7f3a');
      expect(everything).not.toContain('Bob only document');
      expect(everything).not.toContain(bob.email);
      expect(everything).not.toContain('declined');
    });

    it('is the member’s alone: others get 404, a second request while one is prepared is 409', async () => {
      const [latest] = (await t.http().get('/api/data-exports').set('Authorization', dana.auth).expect(200))
        .body as DataExportResponse[];
      for (const other of [bob, admin]) {
        const notFound = await t
          .http()
          .get(`/api/data-exports/${latest!.id}/download`)
          .set('Authorization', other.auth);
        expect([notFound.status, notFound.body.code]).toEqual([404, 'DATA_EXPORT_NOT_FOUND']);
        await t.http().get(`/api/data-exports/${latest!.id}`).set('Authorization', other.auth).expect(404);
      }
      await t.http().get('/api/data-exports/not-a-uuid').set('Authorization', dana.auth).expect(400);
      await t.http().get('/api/data-exports').expect(401);

      // While one is being prepared (a worker holds it), another request is refused and nothing changes.
      const first = await t.http().post('/api/data-exports').set('Authorization', bob.auth).expect(202);
      await waitUntilFinished(bob, first.body.id);
      await sql(t.databaseUrl, `UPDATE data_exports SET status = 'requested', claimed_at = now() WHERE id = $1`, [
        first.body.id,
      ]);
      const second = await t.http().post('/api/data-exports').set('Authorization', bob.auth);
      expect([second.status, second.body.code]).toEqual([409, 'DATA_EXPORT_IN_PROGRESS']);
      const mine = await t.http().get('/api/data-exports').set('Authorization', bob.auth).expect(200);
      expect((mine.body as DataExportResponse[]).map((e) => e.id)).toEqual([first.body.id]);
    });

    it('deletes an archive once it has expired', async () => {
      const [latest] = (await t.http().get('/api/data-exports').set('Authorization', dana.auth).expect(200))
        .body as DataExportResponse[];
      await sql(t.databaseUrl, `UPDATE data_exports SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
        latest!.id,
      ]);
      await t.http().get(`/api/data-exports/${latest!.id}/download`).set('Authorization', dana.auth).expect(404);
      await t.app.get(DataExportsService).runDue();
      expect(await sql(t.databaseUrl, `SELECT id FROM data_exports WHERE id = $1`, [latest!.id])).toEqual([]);
    });
  });

  describe('account deletion', () => {
    it('refuses a wrong password, bad input and other people with the error shape, and changes nothing', async () => {
      const erin = await t.fx.member({ displayName: 'Erin Careful' });
      const wrong = await t
        .http()
        .post('/api/members/me/deletion')
        .set('Authorization', erin.auth)
        .send({ password: 'not-my-password' });
      expect([wrong.status, wrong.body.code, wrong.body.requestId]).toEqual([
        403,
        'WRONG_PASSWORD',
        expect.any(String),
      ]);
      const bad = await t
        .http()
        .post('/api/members/me/deletion')
        .set('Authorization', erin.auth)
        .send({ password: erin.password, messages: 'shred', extra: 1 })
        .expect(400);
      expect(new Set(bad.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['messages', 'extra']));
      await t.http().post('/api/members/me/deletion').set('Authorization', erin.auth).send({}).expect(400);
      // Only admins delete others; a coordinator cannot, nor can anyone delete an unknown or malformed id.
      const coordinator = await t.fx.member({ role: 'coordinator' });
      await t
        .http()
        .post(`/api/members/${erin.id}/deletion`)
        .set('Authorization', coordinator.auth)
        .send({})
        .expect(403);
      await t.http().post(`/api/members/${erin.id}/deletion`).set('Authorization', bob.auth).send({}).expect(403);
      await t
        .http()
        .post('/api/members/00000000-0000-4000-8000-000000000000/deletion')
        .set('Authorization', admin.auth)
        .send({})
        .expect(404);
      await t.http().post('/api/members/nope/deletion').set('Authorization', admin.auth).send({}).expect(400);
      // The last admin cannot delete their own account.
      const last = await t
        .http()
        .post('/api/members/me/deletion')
        .set('Authorization', admin.auth)
        .send({ password: (await t.fx.admin()).password });
      expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);

      const [row] = await sql(t.databaseUrl, `SELECT status, display_name FROM members WHERE id = $1`, [erin.id]);
      expect(row).toEqual({ status: 'active', display_name: 'Erin Careful' });
      await t.http().get('/api/members/me').set('Authorization', erin.auth).expect(200);
    });

    it('deletes my account: sessions and sockets end, sign-in is refused, messages stay as a former member', async () => {
      const frank = await t.fx.member({ displayName: 'Frank Leaving', organization: 'Frank Org', city: 'Erdenet' });
      await t.fx.addMember(groupA, frank);
      const message = await t.fx.message(frank, groupA.roomId, 'My last word');
      const doc = await t.fx.document(frank, { title: 'Frank group paper', groupId: groupA.id, visibility: 'group' });
      const ownDoc = await t.fx.document(frank, { title: 'Frank network note', visibility: 'network' });
      const readersBefore = await Promise.all(
        [bob, carol, admin].map(
          async (m) => (await t.http().get(`/api/documents/${doc.id}`).set('Authorization', m.auth)).status,
        ),
      );
      const city = await t
        .http()
        .post('/api/cities')
        .set('Authorization', admin.auth)
        .send({ nameEn: 'Erdenet', country: 'MN', visibility: 'network' })
        .expect(201);
      await t
        .http()
        .put(`/api/cities/${city.body.id}/members`)
        .set('Authorization', admin.auth)
        .send({ focalPointIds: [frank.id], organizationIds: [] })
        .expect(200);
      // A reset link (beside the invitation) waits in the outbox for the address (no SMTP server here).
      await t.http().post('/api/auth/password/forgot').send({ email: frank.email }).expect(202);
      const queued = `SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = $1 AND status = 'queued'`;
      const [waiting] = await sql<{ n: number }>(t.databaseUrl, queued, [frank.email]);
      expect(waiting!.n).toBeGreaterThan(0);
      // What Frank signs in with: an authenticator with its recovery codes, and a single sign-on identity.
      const enrolment = await t
        .http()
        .post('/api/auth/two-factor/enrolment')
        .set('Authorization', frank.auth)
        .expect(201);
      const totp = new TOTP({ secret: Secret.fromBase32(enrolment.body.secret as string), digits: 6, period: 30 });
      await t
        .http()
        .post('/api/auth/two-factor/enrolment/confirm')
        .set('Authorization', frank.auth)
        .send({ code: totp.generate() })
        .expect(200);
      await sql(
        t.databaseUrl,
        `INSERT INTO member_identities (member_id, issuer, subject, last_used_at)
         VALUES ($1, 'https://id.example.org', 'frank-1', now())`,
        [frank.id],
      );
      const signInRows = `SELECT (SELECT count(*) FROM member_second_factors WHERE member_id = $1)::int AS factors,
          (SELECT count(*) FROM member_recovery_codes WHERE member_id = $1)::int AS codes,
          (SELECT count(*) FROM member_identities WHERE member_id = $1)::int AS identities`;
      expect(await sql(t.databaseUrl, signInRows, [frank.id])).toEqual([{ factors: 1, codes: 10, identities: 1 }]);
      const socket = await connectSocket(t.url, frank.accessToken);
      const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));

      await t
        .http()
        .post('/api/members/me/deletion')
        .set('Authorization', frank.auth)
        .send({ password: frank.password, messages: 'keep' })
        .expect(204);
      await dropped;
      expect(socket.connected).toBe(false);
      await expect(connectSocket(t.url, frank.accessToken)).rejects.toThrow();

      const me = await t.http().get('/api/members/me').set('Authorization', frank.auth);
      expect(me.status).toBe(401);
      await t.http().post('/api/auth/refresh').send({ refreshToken: frank.refreshToken }).expect(401);
      const signIn = await t.http().post('/api/auth/login').send({ email: frank.email, password: frank.password });
      expect([signIn.status, signIn.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);

      const [row] = await sql<Record<string, unknown>>(
        t.databaseUrl,
        `SELECT status, display_name, email, organization, bio, city, expertise, search_text, deleted_at FROM members WHERE id = $1`,
        [frank.id],
      );
      expect(row).toMatchObject({
        status: 'deleted',
        display_name: 'Former member',
        email: `deleted-${frank.id}@deleted.invalid`,
        organization: null,
        bio: null,
        city: null,
        expertise: [],
        search_text: '',
      });
      expect(row!.deleted_at).toBeInstanceOf(Date);
      expect(
        await sql(
          t.databaseUrl,
          `SELECT count(*)::int AS n FROM auth_sessions WHERE member_id = $1 AND revoked_at IS NULL`,
          [frank.id],
        ),
      ).toEqual([{ n: 0 }]);
      expect(await sql(t.databaseUrl, queued, [frank.email])).toEqual([{ n: 0 }]);
      expect(await sql(t.databaseUrl, signInRows, [frank.id])).toEqual([{ factors: 0, codes: 0, identities: 0 }]);
      const cityAfter = await t.http().get(`/api/cities/${city.body.id}`).set('Authorization', bob.auth).expect(200);
      expect(cityAfter.body.focalPoints).toEqual([]);
      expect(
        await sql(t.databaseUrl, `SELECT count(*)::int AS n FROM working_group_members WHERE member_id = $1`, [
          frank.id,
        ]),
      ).toEqual([{ n: 0 }]);

      // Nowhere in the directory, not even for staff; the profile is 404 to members.
      for (const viewer of [bob, admin]) {
        const list = await t.http().get('/api/members?limit=100').set('Authorization', viewer.auth).expect(200);
        expect((list.body.items as MemberResponse[]).map((m) => m.id)).not.toContain(frank.id);
      }
      await t.http().get('/api/members?status=deleted').set('Authorization', admin.auth).expect(400);
      await t.http().get(`/api/members/${frank.id}`).set('Authorization', bob.auth).expect(404);

      const history = await t
        .http()
        .get(`/api/rooms/${groupA.roomId}/messages`)
        .set('Authorization', bob.auth)
        .expect(200);
      const kept = (history.body.items as MessageResponse[]).find((m) => m.id === message.id);
      expect(kept).toMatchObject({ body: 'My last word', author: { id: frank.id, displayName: 'Former member' } });

      // The documents stay readable by exactly the same people.
      const readersAfter = await Promise.all(
        [bob, carol, admin].map(
          async (m) => (await t.http().get(`/api/documents/${doc.id}`).set('Authorization', m.auth)).status,
        ),
      );
      expect(readersAfter).toEqual(readersBefore);
      expect(readersAfter).toEqual([200, 404, 200]);
      const network = await t.http().get(`/api/documents/${ownDoc.id}`).set('Authorization', carol.auth).expect(200);
      expect(network.body.uploadedBy).toMatchObject({ id: frank.id, displayName: 'Former member' });

      const audit = await sql(
        t.databaseUrl,
        `SELECT action, actor_id, details FROM audit_entries WHERE target_id = $1`,
        [frank.id],
      );
      expect(audit).toContainEqual({
        action: 'member.deleted',
        actor_id: frank.id,
        details: { by: 'self', messages: 'keep' },
      });

      // A second deletion of the same account finds nobody.
      await t.http().post(`/api/members/${frank.id}/deletion`).set('Authorization', admin.auth).send({}).expect(404);
    });

    it('an admin deletes a member who chose to remove their messages', async () => {
      const gina = await t.fx.member({ displayName: 'Gina Removed' });
      await t.fx.addMember(groupA, gina);
      const message = await t.fx.message(gina, groupA.roomId, 'Please forget this');
      const watcher = await connectSocket(t.url, bob.accessToken);
      await emitAck(watcher, 'room.join', { roomId: groupA.roomId });
      const heard = waitForEvent(watcher, 'message.deleted', (payload) => payload.id === message.id);
      await t
        .http()
        .post(`/api/members/${gina.id}/deletion`)
        .set('Authorization', admin.auth)
        .send({ messages: 'remove' })
        .expect(204);
      const history = await t
        .http()
        .get(`/api/rooms/${groupA.roomId}/messages`)
        .set('Authorization', bob.auth)
        .expect(200);
      const gone = (history.body.items as MessageResponse[]).find((m) => m.id === message.id);
      expect(gone).toMatchObject({ body: '', deletedAt: expect.any(String) });

      // An open room hears of it at once.
      await expect(heard).resolves.toMatchObject({ roomId: groupA.roomId, body: '' });
      watcher.close();
      const search = await t.http().get('/api/search?q=forget').set('Authorization', bob.auth).expect(200);
      expect(search.body.messages).toEqual([]);
      const audit = await sql(
        t.databaseUrl,
        `SELECT actor_id, details FROM audit_entries WHERE target_id = $1 AND action = 'member.deleted'`,
        [gina.id],
      );
      expect(audit).toEqual([{ actor_id: admin.id, details: { by: 'admin', messages: 'remove' } }]);
      await t.http().get('/api/members/me').set('Authorization', gina.auth).expect(401);
    });
  });
});

/** The archive streamed into an S3-compatible store (s3rver, a real S3-protocol server in this process). */
describe('privacy: data exports in S3', () => {
  let s3: TestS3Server;
  let t: TestApp;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await new TestS3Server().start();
    t = await createTestApp({ env: { DATA_EXPORT_POLL_INTERVAL_MS: '0', ...s3.env('lcc-exports') } });
    client = s3.client();
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await s3.close();
  });

  it('writes the archive to the bucket, serves it, and deletes the object when the account goes', async () => {
    const member = await t.fx.member({ displayName: 'S3 Exporter' });
    await t.fx.document(member, { title: 'Stored in S3', text: 'bytes kept in the bucket', visibility: 'network' });
    const requested = await t.http().post('/api/data-exports').set('Authorization', member.auth).expect(202);
    let status = 'requested';
    while (status === 'requested') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polled = await t.http().get(`/api/data-exports/${requested.body.id}`).set('Authorization', member.auth);
      status = polled.body.status;
    }
    expect(status).toBe('ready');
    const key = `files/data-export-${requested.body.id}.zip`;
    const head = await client.send(new HeadObjectCommand({ Bucket: 'lcc-exports', Key: key }));
    const download = await binary(
      t.http().get(`/api/data-exports/${requested.body.id}/download`).set('Authorization', member.auth),
    ).expect(200);
    expect((download.body as Buffer).length).toBe(head.ContentLength);
    const zip = await JSZip.loadAsync(download.body as Buffer);
    const file = Object.keys(zip.files).find((name) => name.startsWith('files/') && !zip.files[name]!.dir);
    await expect(zip.file(file!)!.async('string')).resolves.toBe('bytes kept in the bucket');

    await t
      .http()
      .post('/api/members/me/deletion')
      .set('Authorization', member.auth)
      .send({ password: member.password })
      .expect(204);
    await expect(client.send(new HeadObjectCommand({ Bucket: 'lcc-exports', Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    expect(await sql(t.databaseUrl, `SELECT id FROM data_exports WHERE member_id = $1`, [member.id])).toEqual([]);
  });
});
