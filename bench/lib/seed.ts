import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import argon2 from 'argon2';
import { databaseUrl, withClient } from './db.js';
import { startPortal } from './processes.js';

/** How much data the template database holds. */
export interface SeedSizes {
  /** Members with a live session each; the first `socketRooms * 20` are spread over rooms of 20. */
  members: number;
  /** Rooms of 20 members for the socket scenarios. */
  socketRooms: number;
  /** Rooms holding the large history, `messagesPerRoom` messages each; member 0 reads all of them. */
  historyRooms: number;
  messagesPerRoom: number;
  /** Documents with extracted text, visible to the network. */
  documents: number;
}

export const ROOM_SIZE = 20;
/** Members 1..20 write the large history. */
const HISTORY_AUTHORS = 20;

/** A version-4-shaped uuid derived from a name, the same in SQL (`uid`) and here, so nothing needs reading back. */
export function seededId(name: string): string {
  const md5 = createHash('md5').update(name).digest('hex');
  const hex = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** SQL for `seededId(<expression>)`. */
const uid = (expression: string) =>
  `overlay(overlay(md5(${expression}) placing '4' from 13) placing '8' from 17)::uuid`;

export const memberId = (i: number) => seededId(`member-${i}`);
export const sessionId = (i: number) => seededId(`session-${i}`);
export const socketRoomId = (r: number) => seededId(`room-${r}`);
export const historyRoomId = (h: number) => seededId(`history-${h}`);

export const ENGLISH = (
  'city carbon energy transport building heating cooling emission inventory target action plan indicator policy ' +
  'budget finance bond grant tariff label scheme criteria product category certification audit report review ' +
  'meeting agenda minutes workshop expert group partner network secretariat member country region district ' +
  'housing retrofit insulation solar wind hydrogen battery grid storage metro bus tram bicycle walking parking ' +
  'road traffic freight logistics port airport waste recycling compost landfill water sewage river forest park ' +
  'tree green roof street lighting lamp efficiency standard baseline scenario forecast monitoring verification ' +
  'data survey census statistics model pathway roadmap strategy vision mayor council ministry agency institute ' +
  'university research study pilot project demonstration investment procurement contract tender supplier market ' +
  'price tax reform subsidy incentive penalty regulation law decree guideline manual training capacity outreach ' +
  'citizen community school hospital office factory industry steel cement chemical textile electronics food ' +
  'agriculture tourism culture heritage climate adaptation resilience flood heatwave drought typhoon winter summer ' +
  'spring autumn north east south west coast mountain valley harbour island bridge tunnel station terminal'
).split(' ');

export const CJK = (
  '城市 低碳 能源 交通 建筑 排放 清单 目标 行动 计划 指标 政策 预算 资金 标签 标准 认证 产品 类别 会议 议程 专家 ' +
  '伙伴 网络 秘书处 成员 国家 地区 住房 改造 太阳能 风能 氢能 电池 电网 地铁 公交 自行车 步行 停车 道路 物流 港口 ' +
  '废物 回收 供水 森林 公园 绿色 屋顶 照明 效率 基准 情景 监测 核查 数据 调查 统计 模型 路径 战略 市长 议会 部门'
).split(' ');

/**
 * Each Chinese word as the portal indexes it: the words `Intl.Segmenter` finds in it (the portal's segmenter),
 * spaced (`低碳` is indexed as `低 碳`, and a search for it is the phrase `低 <-> 碳`).
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
export const CJK_INDEXED = CJK.map((word) =>
  [...segmenter.segment(word)]
    .filter((part) => part.isWordLike)
    .map((part) => part.segment)
    .join(' '),
);

/** Russian words, several in more than one case form (prefix queries find them all). */
export const RUSSIAN = (
  'город города городе городской углерод углерода углеродный энергия энергии транспорт транспорта транспортом ' +
  'здание здания отопление отопления выбросы выбросов инвентаризация цель цели план плана показатель политика ' +
  'бюджет финансы тариф маркировка схема критерии продукция сертификация аудит отчёт отчёта совещание повестка ' +
  'эксперт эксперты группа партнёр сеть секретариат страна регион район жильё ремонт утепление солнечный ' +
  'солнечная солнечные ветер водород батарея сеть хранение метро автобус автобусы трамвай велосипед парковка ' +
  'дорога движение грузы порт аэропорт отходы отходов переработка свалка вода река лес парк дерево зелёный ' +
  'крыша освещение эффективность стандарт сценарий прогноз мониторинг данные модель стратегия мэр совет министерство'
).split(' ');

/** Name of the template database for these sizes, the migrations and this seed: rebuilt only when one changes. */
export function templateName(sizes: SeedSizes): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(sizes));
  hash.update(readFileSync(new URL(import.meta.url), 'utf8'));
  for (const file of readdirSync('migrations').sort()) hash.update(file).update(readFileSync(`migrations/${file}`));
  return `bench_tpl_${hash.digest('hex').slice(0, 12)}`;
}

const READY = 'lcc bench template';

/**
 * The cached template database: migrated by the portal itself, then seeded with plain SQL (one precomputed
 * password hash for every member, indexes built after the bulk insert). Returns its name.
 */
export async function ensureTemplate(adminUrl: string, sizes: SeedSizes, log: (line: string) => void): Promise<string> {
  const name = templateName(sizes);
  const state = await withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    return rows[0] ? (rows[0].comment === READY ? 'ready' : 'partial') : 'missing';
  });
  if (state === 'ready') return name;
  const started = performance.now();
  log(`building template database ${name} (cached for later runs)`);
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name}`);
  });
  const url = databaseUrl(adminUrl, name);
  const migrator = await startPortal(url, { DB_MIGRATIONS_RUN: 'true' });
  await migrator.stop();
  await withClient(url, (c) => seed(c, sizes, log));
  await withClient(adminUrl, (c) => c.query(`COMMENT ON DATABASE ${name} IS '${READY}'`));
  log(`template ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return name;
}

async function seed(c: import('pg').Client, sizes: SeedSizes, log: (line: string) => void): Promise<void> {
  const passwordHash = await argon2.hash('bench-Password-1234');
  // Bulk load: no foreign-key triggers while inserting rows that are consistent by construction.
  await c.query(`SET session_replication_role = replica`);
  await c.query(
    `INSERT INTO members (id, email, password_hash, display_name, member_type, country, role, status, approved_at, search_text)
     SELECT ${uid("'member-' || i")}, 'bench-' || i || '@lcc.example', $1, 'Bench Member ' || i, 'city_government',
            'JP', 'member', 'active', now(), 'bench member ' || i
       FROM generate_series(0, $2 - 1) i`,
    [passwordHash, sizes.members],
  );
  await c.query(
    `INSERT INTO auth_sessions (id, member_id, user_agent, ip, last_used_at, expires_at)
     SELECT ${uid("'session-' || i")}, ${uid("'member-' || i")}, 'bench', '127.0.0.1', now(), now() + interval '365 days'
       FROM generate_series(0, $1 - 1) i`,
    [sizes.members],
  );
  await c.query(
    `INSERT INTO rooms (id, kind, name, visibility, created_by_id)
     SELECT ${uid("'room-' || r")}, 'topic', 'Bench room ' || r, 'private', ${uid(`'member-' || (r * ${ROOM_SIZE})`)}
       FROM generate_series(0, $1 - 1) r`,
    [sizes.socketRooms],
  );
  await c.query(
    `INSERT INTO room_members (room_id, member_id)
     SELECT ${uid(`'room-' || (i / ${ROOM_SIZE})`)}, ${uid("'member-' || i")} FROM generate_series(0, $1 - 1) i`,
    [sizes.socketRooms * ROOM_SIZE],
  );
  await c.query(
    `INSERT INTO rooms (id, kind, name, visibility, created_by_id, last_seq, last_message_at)
     SELECT ${uid("'history-' || h")}, 'topic', 'History ' || h, 'private', ${uid("'member-0'")}, $2, now()
       FROM generate_series(0, $1 - 1) h`,
    [sizes.historyRooms, sizes.messagesPerRoom],
  );
  await c.query(
    `INSERT INTO room_members (room_id, member_id, last_read_seq)
     SELECT ${uid("'history-' || h")}, ${uid("'member-' || a")}, $2
       FROM generate_series(0, $1 - 1) h, generate_series(0, ${HISTORY_AUTHORS}) a
     ON CONFLICT DO NOTHING`,
    [sizes.historyRooms, sizes.messagesPerRoom],
  );

  // Messages: drop the secondary indexes, load, build them again (much faster than maintaining them per row).
  const { rows: indexes } = await c.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'messages' AND indexname NOT LIKE 'PK_%'`,
  );
  for (const index of indexes) await c.query(`DROP INDEX "${index.indexname}"`);
  const batch = Math.max(1, Math.floor(200_000 / sizes.messagesPerRoom));
  for (let from = 0; from < sizes.historyRooms; from += batch) {
    const to = Math.min(sizes.historyRooms, from + batch) - 1;
    // One message in five is Chinese (written without spaces; indexed as the words the portal's segmenter finds),
    // one in ten Russian, the rest English.
    await c.query(
      `INSERT INTO messages (room_id, seq, client_id, author_id, body, search_vector, created_at, updated_at)
       SELECT ${uid("'history-' || h")}, s, gen_random_uuid(), ${uid(`'member-' || (1 + s % ${HISTORY_AUTHORS})`)},
              CASE WHEN w.cjk THEN array_to_string(w.words, '') ELSE array_to_string(w.words, ' ') END,
              to_tsvector('simple', CASE WHEN w.cjk
                THEN array_to_string(ARRAY(SELECT ($10::text[])[array_position($5::text[], x)] FROM unnest(w.words) x), ' ')
                ELSE array_to_string(w.words, ' ') END),
              now() - ($4 - s) * interval '1 minute', now() - ($4 - s) * interval '1 minute'
         FROM generate_series($1::int, $2::int) h, generate_series(1, $4::int) s,
         LATERAL (SELECT (h + s) % 5 = 0 AS cjk, (h + s) % 10 = 1 AS ru) k,
         LATERAL (SELECT k.cjk, ARRAY(
                   SELECT (CASE WHEN k.cjk THEN $5::text[] WHEN k.ru THEN $8::text[] ELSE $3::text[] END)
                            [1 + floor(random() * CASE WHEN k.cjk THEN $6::int WHEN k.ru THEN $9::int ELSE $7::int END)::int]
                     FROM generate_series(1, 6 + (s + h) % 10)) AS words) w`,
      [from, to, ENGLISH, sizes.messagesPerRoom, CJK, CJK.length, ENGLISH.length, RUSSIAN, RUSSIAN.length, CJK_INDEXED],
    );
    log(`  messages: rooms ${to + 1}/${sizes.historyRooms}`);
  }
  for (const index of indexes) await c.query(index.indexdef);

  await c.query(
    `INSERT INTO documents (id, title, kind, language, country, visibility, uploaded_by_id, search_vector,
                            title_vector, search_text, created_at, updated_at)
     SELECT ${uid("'document-' || d")}, t.title, 'report',
            CASE WHEN t.cjk THEN 'zh' WHEN t.ru THEN 'ru' ELSE 'en' END, 'JP', 'network', ${uid("'member-0'")},
            setweight(to_tsvector('simple', t.title), 'A') || setweight(to_tsvector('simple', CASE WHEN t.cjk
              THEN array_to_string(ARRAY(SELECT ($8::text[])[array_position($2::text[], x)] FROM unnest(t.words) x), ' ')
              ELSE array_to_string(t.words, ' ') END), 'C'),
            setweight(to_tsvector('simple', t.title), 'A'), t.text,
            now() - ($1 - d) * interval '1 minute', now() - ($1 - d) * interval '1 minute'
       FROM generate_series(0, $1 - 1) d,
       LATERAL (SELECT d % 5 = 0 AS cjk, d % 10 = 1 AS ru) k,
       LATERAL (SELECT k.cjk, k.ru, w.words, 'document ' || d || ' ' || array_to_string(ARRAY(
                 SELECT CASE WHEN k.cjk THEN ($8::text[])[array_position($2::text[], x)] ELSE x END
                   FROM unnest(w.words[1:2]) x), ' ') AS title, CASE WHEN k.cjk THEN array_to_string(w.words, '') ELSE array_to_string(w.words, ' ') END AS text
                  FROM (SELECT ARRAY(
                          SELECT (CASE WHEN k.cjk THEN $2::text[] WHEN k.ru THEN $6::text[] ELSE $3::text[] END)
                                   [1 + floor(random() * CASE WHEN k.cjk THEN $4::int WHEN k.ru THEN $7::int ELSE $5::int END)::int]
                            FROM generate_series(1, 300 + d % 400)) AS words) w) t`,
    [sizes.documents, CJK, ENGLISH, CJK.length, ENGLISH.length, RUSSIAN, RUSSIAN.length, CJK_INDEXED],
  );
  await c.query(
    `INSERT INTO document_versions (document_id, number, file_name, mime_type, size, sha256, uploaded_by_id,
                                    extraction_status, extracted_text)
     SELECT id, 1, 'document.pdf', 'application/pdf', length(search_text), encode(sha256(id::text::bytea), 'hex'),
            uploaded_by_id, 'done', search_text
       FROM documents`,
  );
  log(`  documents: ${sizes.documents}`);
  await c.query(`SET session_replication_role = DEFAULT`);
  await c.query('VACUUM ANALYZE');
}
