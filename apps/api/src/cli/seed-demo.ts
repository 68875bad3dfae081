import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Language, type MEMBER_STATES, MemberStatus, MemberType, NetworkRole } from '@lcc/contracts';
import { AppModule } from '../app.module.js';
import { type Env, validateEnv } from '../config/env.validation.js';
import { resolveDatabase } from '../database/connect.js';
import { MemberErrorCode, MemberException } from '../modules/members/members.exception.js';
import { MembersService, type NewMember } from '../modules/members/members.service.js';
import { seedInformationPlatform } from './seed-information-platform.js';

/**
 * `npm run seed:demo`: fills the database (`DATABASE_URL`, or the embedded server) with about thirty believable
 * demo members from the six member states, through `MembersService` so passwords are hashed and the directory
 * search works, then the information platform's demo content (cities, a strategy, inventories, indicator series,
 * the reported period changes of the network's report, eco-label schemes; see seed-information-platform.ts) as the
 * demo coordinator. Idempotent: e-mails that already exist are skipped. Every account shares one password,
 * `DEMO_PASSWORD` or a published default (refused with NODE_ENV=production, where DEMO_PASSWORD is required).
 */

const DEMO_DOMAIN = 'demo.lcc.example';
const DEFAULT_DEMO_PASSWORD = 'lcc-demo-Password-2027';

type MemberState = (typeof MEMBER_STATES)[number];

interface DemoCity {
  english: string;
  local: string;
  country: MemberState;
  /** IANA time zone (Khabarovsk keeps Vladivostok time). */
  timeZone: string;
}

const CITIES = {
  beijing: { english: 'Beijing', local: '北京', country: 'CN', timeZone: 'Asia/Shanghai' },
  tianjin: { english: 'Tianjin', local: '天津', country: 'CN', timeZone: 'Asia/Shanghai' },
  baoding: { english: 'Baoding', local: '保定', country: 'CN', timeZone: 'Asia/Shanghai' },
  pyongyang: { english: 'Pyongyang', local: '평양', country: 'KP', timeZone: 'Asia/Pyongyang' },
  tokyo: { english: 'Tokyo', local: '東京', country: 'JP', timeZone: 'Asia/Tokyo' },
  kitakyushu: { english: 'Kitakyushu', local: '北九州', country: 'JP', timeZone: 'Asia/Tokyo' },
  toyama: { english: 'Toyama', local: '富山', country: 'JP', timeZone: 'Asia/Tokyo' },
  yokohama: { english: 'Yokohama', local: '横浜', country: 'JP', timeZone: 'Asia/Tokyo' },
  ulaanbaatar: { english: 'Ulaanbaatar', local: 'Улаанбаатар', country: 'MN', timeZone: 'Asia/Ulaanbaatar' },
  darkhan: { english: 'Darkhan', local: 'Дархан', country: 'MN', timeZone: 'Asia/Ulaanbaatar' },
  incheon: { english: 'Incheon', local: '인천', country: 'KR', timeZone: 'Asia/Seoul' },
  changwon: { english: 'Changwon', local: '창원', country: 'KR', timeZone: 'Asia/Seoul' },
  suwon: { english: 'Suwon', local: '수원', country: 'KR', timeZone: 'Asia/Seoul' },
  sejong: { english: 'Sejong', local: '세종', country: 'KR', timeZone: 'Asia/Seoul' },
  vladivostok: { english: 'Vladivostok', local: 'Владивосток', country: 'RU', timeZone: 'Asia/Vladivostok' },
  khabarovsk: { english: 'Khabarovsk', local: 'Хабаровск', country: 'RU', timeZone: 'Asia/Vladivostok' },
} as const satisfies Record<string, DemoCity>;

interface DemoOrganisation {
  name: string;
  type: MemberType;
  city: keyof typeof CITIES;
}

const ORGANISATIONS = {
  // China
  tianjinBureau: { name: '天津市生态环境局', type: MemberType.CityGovernment, city: 'tianjin' },
  baodingGovernment: { name: '保定市人民政府', type: MemberType.CityGovernment, city: 'baoding' },
  chinaMinistry: { name: '生态环境部 应对气候变化司', type: MemberType.NationalGovernment, city: 'beijing' },
  beijingInstitute: {
    name: 'Beijing Institute for Low-Carbon Urban Development',
    type: MemberType.ResearchAcademic,
    city: 'beijing',
  },
  binhaiEnergy: { name: 'Binhai Green Energy Co., Ltd.', type: MemberType.Business, city: 'tianjin' },
  // DPR Korea
  dprkMinistry: { name: '국토환경보호성', type: MemberType.NationalGovernment, city: 'pyongyang' },
  pyongyangCommittee: { name: '평양시인민위원회', type: MemberType.CityGovernment, city: 'pyongyang' },
  // Japan
  kitakyushuCity: { name: '北九州市 環境局', type: MemberType.CityGovernment, city: 'kitakyushu' },
  toyamaCity: { name: '富山市 環境部', type: MemberType.CityGovernment, city: 'toyama' },
  yokohamaCity: {
    name: 'City of Yokohama, Climate Change Policy Headquarters',
    type: MemberType.CityGovernment,
    city: 'yokohama',
  },
  japanMinistry: { name: '環境省 地球環境局', type: MemberType.NationalGovernment, city: 'tokyo' },
  kitakyushuCentre: { name: '北九州都市環境研究センター', type: MemberType.ResearchAcademic, city: 'kitakyushu' },
  // Mongolia
  ulaanbaatarOffice: {
    name: 'Нийслэлийн Засаг даргын Тамгын газар',
    type: MemberType.CityGovernment,
    city: 'ulaanbaatar',
  },
  darkhanOffice: {
    name: 'Дархан-Уул аймгийн Засаг даргын Тамгын газар',
    type: MemberType.CityGovernment,
    city: 'darkhan',
  },
  mongoliaMinistry: {
    name: 'Ministry of Environment and Climate Change of Mongolia',
    type: MemberType.NationalGovernment,
    city: 'ulaanbaatar',
  },
  energyEconomicsInstitute: {
    name: 'Эрчим хүчний эдийн засгийн хүрээлэн',
    type: MemberType.ResearchAcademic,
    city: 'ulaanbaatar',
  },
  cleanAirCoalition: { name: 'Clean Air Mongolia Coalition', type: MemberType.CivilSociety, city: 'ulaanbaatar' },
  // Republic of Korea
  incheonCity: { name: '인천광역시 환경국', type: MemberType.CityGovernment, city: 'incheon' },
  changwonCity: { name: '창원특례시 환경정책과', type: MemberType.CityGovernment, city: 'changwon' },
  suwonCity: {
    name: 'Suwon Special City, Climate and Air Quality Division',
    type: MemberType.CityGovernment,
    city: 'suwon',
  },
  koreaMinistry: { name: '환경부 기후탄소정책실', type: MemberType.NationalGovernment, city: 'sejong' },
  greenCitiesInstitute: {
    name: 'Korean Institute for Green Cities',
    type: MemberType.ResearchAcademic,
    city: 'sejong',
  },
  hanbitEnergy: { name: '한빛에너지솔루션(주)', type: MemberType.Business, city: 'suwon' },
  changwonCitizens: { name: '창원녹색시민연대', type: MemberType.CivilSociety, city: 'changwon' },
  // Russian Federation
  vladivostokAdministration: {
    name: 'Администрация города Владивостока',
    type: MemberType.CityGovernment,
    city: 'vladivostok',
  },
  khabarovskAdministration: {
    name: 'Администрация города Хабаровска',
    type: MemberType.CityGovernment,
    city: 'khabarovsk',
  },
  primorskyHydromet: {
    name: 'Приморское управление по гидрометеорологии и мониторингу окружающей среды',
    type: MemberType.NationalGovernment,
    city: 'vladivostok',
  },
  farEasternInstitute: {
    name: 'Far Eastern Institute for Environmental Economics',
    type: MemberType.ResearchAcademic,
    city: 'vladivostok',
  },
  amurInitiative: { name: 'Амурская зелёная инициатива', type: MemberType.CivilSociety, city: 'khabarovsk' },
  primoryeEnergy: { name: 'Приморский центр энергоэффективности', type: MemberType.Business, city: 'vladivostok' },
  // Network-wide
  urbanClimatePartnership: {
    name: 'Asia-Pacific Urban Climate Partnership',
    type: MemberType.InternationalOrganization,
    city: 'incheon',
  },
  secretariat: { name: 'LCC Network Secretariat', type: MemberType.Secretariat, city: 'incheon' },
} as const satisfies Record<string, DemoOrganisation>;

interface DemoMember {
  /** Local part; the address is `<local>@demo.lcc.example`. */
  email: string;
  displayName: string;
  organisation: keyof typeof ORGANISATIONS;
  language: Language;
  expertise: string[];
  bio: string;
  /** Default: member. */
  role?: NetworkRole;
  /** Default: active. */
  status?: MemberStatus;
}

const MEMBERS: readonly DemoMember[] = [
  // Secretariat and international partners
  {
    email: 'kang.sora',
    displayName: '강소라',
    organisation: 'secretariat',
    language: Language.Ko,
    expertise: ['city-to-city cooperation', 'urban governance', 'capacity building'],
    bio: 'Programme coordinator of the LCC Network Secretariat; runs the working groups and the annual city forum.',
    role: NetworkRole.Coordinator,
  },
  {
    email: 'tuya.batsaikhan',
    displayName: 'Tuya Batsaikhan',
    organisation: 'secretariat',
    language: Language.En,
    expertise: ['climate finance', 'GHG inventory', 'MRV'],
    bio: 'Knowledge-management coordinator; curates the document library and the city GHG inventory templates.',
    role: NetworkRole.Coordinator,
  },
  {
    email: 'marta.lindqvist',
    displayName: 'Marta Lindqvist',
    organisation: 'urbanClimatePartnership',
    language: Language.En,
    expertise: ['climate finance', 'public-private partnership', 'urban governance'],
    bio: 'Regional programme officer following the network on behalf of the partnership; links cities to funding windows.',
    role: NetworkRole.Observer,
  },
  // China
  {
    email: 'wang.lihua',
    displayName: '王丽华',
    organisation: 'tianjinBureau',
    language: Language.Zh,
    expertise: ['GHG inventory', 'low-carbon pilot cities', 'emissions trading'],
    bio: '负责天津市温室气体清单编制和低碳试点城市评估。',
  },
  {
    email: 'li.jianguo',
    displayName: '李建国',
    organisation: 'baodingGovernment',
    language: Language.Zh,
    expertise: ['urban transport', 'building energy efficiency', 'renewable energy'],
    bio: 'Deputy director for low-carbon development in Baoding, a pioneer of solar-powered city districts.',
  },
  {
    email: 'chen.xiaoyan',
    displayName: '陈晓燕',
    organisation: 'chinaMinistry',
    language: Language.Zh,
    expertise: ['eco-tax reform', 'climate policy', 'carbon footprint labelling'],
    bio: 'Policy officer working on national guidance for low-carbon city pilots.',
    status: MemberStatus.Pending,
  },
  {
    email: 'zhang.wei',
    displayName: 'Zhang Wei',
    organisation: 'beijingInstitute',
    language: Language.En,
    expertise: ['GHG inventory', 'MRV', 'urban energy modelling'],
    bio: 'Senior researcher building city-level energy and emissions scenarios for northern Chinese cities.',
  },
  {
    email: 'liu.yang',
    displayName: 'Liu Yang',
    organisation: 'binhaiEnergy',
    language: Language.En,
    expertise: ['energy efficiency', 'public-private partnership', 'district heating'],
    bio: 'Business development manager for energy-performance contracts in industrial parks.',
  },
  // DPR Korea
  {
    email: 'ri.chol-min',
    displayName: '리철민',
    organisation: 'dprkMinistry',
    language: Language.Ko,
    expertise: ['reforestation', 'renewable energy', 'climate adaptation'],
    bio: 'Engineer in the department of environmental planning; follows the reforestation and small-hydro exchanges.',
  },
  {
    email: 'kim.un-jong',
    displayName: '김은정',
    organisation: 'pyongyangCommittee',
    language: Language.Ko,
    expertise: ['waste management', 'district heating'],
    bio: 'Urban services officer interested in heat-network rehabilitation.',
    status: MemberStatus.Pending,
  },
  // Japan
  {
    email: 'sato.misaki',
    displayName: '佐藤 美咲',
    organisation: 'kitakyushuCity',
    language: Language.Ja,
    expertise: ['city-to-city cooperation', 'waste management', 'eco-town'],
    bio: '北九州市環境局でアジア諸都市との都市間協力を担当しています。',
  },
  {
    email: 'tanaka.kenichi',
    displayName: '田中 健一',
    organisation: 'toyamaCity',
    language: Language.Ja,
    expertise: ['compact city', 'urban transport', 'light rail'],
    bio: 'Planner behind the compact-city strategy built around the light-rail network.',
  },
  {
    email: 'hiroshi.yamamoto',
    displayName: 'Hiroshi Yamamoto',
    organisation: 'yokohamaCity',
    language: Language.En,
    expertise: ['smart city', 'building retrofit', 'public-private partnership'],
    bio: 'Manages smart-city demonstration projects and the city’s partnerships with private utilities.',
  },
  {
    email: 'suzuki.megumi',
    displayName: '鈴木 恵',
    organisation: 'japanMinistry',
    language: Language.Ja,
    expertise: ['carbon footprint labelling', 'eco-labelling', 'climate policy'],
    bio: 'Deputy director for international cooperation on decarbonised cities.',
  },
  {
    email: 'nakamura.daisuke',
    displayName: '中村 大輔',
    organisation: 'kitakyushuCentre',
    language: Language.Ja,
    expertise: ['GHG inventory', 'air quality', 'eco-labelling'],
    bio: 'Researcher comparing eco-labelling schemes across North-East Asia.',
  },
  // Mongolia
  {
    email: 'batbayar.dorj',
    displayName: 'Доржийн Батбаяр',
    organisation: 'ulaanbaatarOffice',
    language: Language.Mn,
    expertise: ['district heating', 'air quality', 'ger district redevelopment'],
    bio: 'Нийслэлийн дулаан хангамж, агаарын бохирдлыг бууруулах хөтөлбөрийг хариуцдаг.',
  },
  {
    email: 'oyunchimeg.enkhbaatar',
    displayName: 'Энхбаатарын Оюунчимэг',
    organisation: 'darkhanOffice',
    language: Language.Mn,
    expertise: ['energy efficiency', 'building retrofit', 'district heating'],
    bio: 'Leads the insulation programme for Soviet-era apartment blocks in Darkhan.',
  },
  {
    email: 'gantulga.bat-erdene',
    displayName: 'Gantulga Bat-Erdene',
    organisation: 'mongoliaMinistry',
    language: Language.En,
    expertise: ['eco-tax reform', 'climate finance', 'NDC implementation'],
    bio: 'Senior officer drafting the fuel and emissions tax reform and the urban chapter of the NDC.',
  },
  {
    email: 'sarantuya.ganbaatar',
    displayName: 'Ганбаатарын Сарантуяа',
    organisation: 'cleanAirCoalition',
    language: Language.Mn,
    expertise: ['air quality', 'public awareness', 'clean stoves'],
    bio: 'Coordinates citizen air-quality monitoring and clean-stove campaigns in the ger districts.',
  },
  {
    email: 'enkhjargal.tserendorj',
    displayName: 'Цэрэндоржийн Энхжаргал',
    organisation: 'energyEconomicsInstitute',
    language: Language.Mn,
    expertise: ['energy pricing', 'eco-tax reform', 'renewable energy'],
    bio: 'Economist studying heat and power tariffs and their social effects.',
  },
  // Republic of Korea
  {
    email: 'kim.minjun',
    displayName: '김민준',
    organisation: 'incheonCity',
    language: Language.Ko,
    expertise: ['GHG inventory', 'coastal adaptation', 'climate adaptation'],
    bio: '인천광역시 온실가스 감축 이행계획과 해안 기후적응 사업을 담당합니다.',
  },
  {
    email: 'lee.seoyeon',
    displayName: '이서연',
    organisation: 'changwonCity',
    language: Language.Ko,
    expertise: ['urban transport', 'public bicycles', 'eco-mobility'],
    bio: 'Runs the public bicycle sharing scheme and the city’s eco-mobility plan.',
  },
  {
    email: 'park.jihoon',
    displayName: 'Park Ji-hoon',
    organisation: 'suwonCity',
    language: Language.En,
    expertise: ['urban governance', 'eco-mobility', 'participatory budgeting'],
    bio: 'Works on car-free neighbourhood pilots and citizen participation in climate budgeting.',
  },
  {
    email: 'choi.yujin',
    displayName: '최유진',
    organisation: 'koreaMinistry',
    language: Language.Ko,
    expertise: ['emissions trading', 'eco-labelling', 'carbon footprint labelling'],
    bio: 'Deputy director for carbon labelling and green public procurement.',
  },
  {
    email: 'jung.haewon',
    displayName: '정해원',
    organisation: 'greenCitiesInstitute',
    language: Language.Ko,
    expertise: ['GHG inventory', 'urban heat island', 'spatial planning'],
    bio: 'Research fellow mapping urban heat and emissions with satellite and cadastral data.',
  },
  {
    email: 'han.sangwoo',
    displayName: '한상우',
    organisation: 'hanbitEnergy',
    language: Language.Ko,
    expertise: ['renewable energy', 'energy storage', 'public-private partnership'],
    bio: 'Follows the network for a supplier of rooftop solar and storage for public buildings.',
    role: NetworkRole.Observer,
  },
  {
    email: 'yoon.haneul',
    displayName: '윤하늘',
    organisation: 'changwonCitizens',
    language: Language.Ko,
    expertise: ['public awareness', 'waste management', 'eco-labelling'],
    bio: 'Activist running repair cafés and zero-waste market campaigns.',
  },
  // Russian Federation
  {
    email: 'anna.kuznetsova',
    displayName: 'Анна Кузнецова',
    organisation: 'vladivostokAdministration',
    language: Language.Ru,
    expertise: ['urban transport', 'waste management', 'air quality'],
    bio: 'Отвечает за экологическую политику города и обновление общественного транспорта.',
  },
  {
    email: 'dmitry.volkov',
    displayName: 'Дмитрий Волков',
    organisation: 'khabarovskAdministration',
    language: Language.Ru,
    expertise: ['district heating', 'energy efficiency', 'building retrofit'],
    bio: 'Engineer modernising the city heat network and metering in residential buildings.',
  },
  {
    email: 'sergey.morozov',
    displayName: 'Сергей Морозов',
    organisation: 'primorskyHydromet',
    language: Language.Ru,
    expertise: ['air quality', 'climate adaptation', 'environmental monitoring'],
    bio: 'Head of the air-quality monitoring network of Primorsky Krai.',
  },
  {
    email: 'elena.smirnova',
    displayName: 'Elena Smirnova',
    organisation: 'farEasternInstitute',
    language: Language.Ru,
    expertise: ['eco-tax reform', 'carbon pricing', 'GHG inventory'],
    bio: 'Environmental economist comparing carbon pricing instruments in the Russian Far East and its neighbours.',
  },
  {
    email: 'igor.petrov',
    displayName: 'Игорь Петров',
    organisation: 'amurInitiative',
    language: Language.Ru,
    expertise: ['public awareness', 'river basin management', 'waste management'],
    bio: 'Volunteer coordinator of clean-up and recycling campaigns along the Amur.',
    status: MemberStatus.Pending,
  },
  {
    email: 'olga.sokolova',
    displayName: 'Ольга Соколова',
    organisation: 'primoryeEnergy',
    language: Language.Ru,
    expertise: ['energy efficiency', 'energy audits', 'public-private partnership'],
    bio: 'Energy auditor for schools, hospitals and municipal buildings.',
  },
];

const LATIN = /^[\p{Script=Latin}\p{Zs}\p{P}]+$/u;

/** The registration record of a demo member; names written in Latin letters get the English city name. */
function toNewMember(demo: DemoMember, password: string): NewMember {
  const organisation: DemoOrganisation = ORGANISATIONS[demo.organisation];
  const city: DemoCity = CITIES[organisation.city];
  return {
    email: `${demo.email}@${DEMO_DOMAIN}`,
    password,
    displayName: demo.displayName,
    memberType: organisation.type,
    country: city.country,
    organization: organisation.name,
    city: LATIN.test(demo.displayName) ? city.english : city.local,
    language: demo.language,
    timeZone: city.timeZone,
    expertise: demo.expertise,
    bio: demo.bio,
    role: demo.role ?? NetworkRole.Member,
    status: demo.status ?? MemberStatus.Active,
  };
}

/** DEMO_PASSWORD or the default (not in production); same rule as a new password at registration. */
function demoPassword(env: Env): string {
  const fromEnv = process.env.DEMO_PASSWORD?.trim();
  if (!fromEnv && env.NODE_ENV === 'production') {
    throw new Error('NODE_ENV=production: set DEMO_PASSWORD, the published default password is refused');
  }
  const password = fromEnv || DEFAULT_DEMO_PASSWORD;
  if (password.length < 12 || password.length > 128 || !/^(?=.*\p{L})(?=.*[^\p{L}]).*$/su.test(password)) {
    throw new Error('DEMO_PASSWORD must be 12 to 128 characters and mix letters with a digit, symbol or space');
  }
  return password;
}

/** Creates the missing demo members one by one; returns how many were created and skipped. */
async function seed(members: MembersService, password: string): Promise<{ created: number; skipped: number }> {
  let created = 0;
  let skipped = 0;
  for (const demo of MEMBERS) {
    const input = toNewMember(demo, password);
    if (await members.emailExists(input.email)) {
      skipped += 1;
      continue;
    }
    try {
      await members.create(input);
      created += 1;
    } catch (error) {
      // Created by someone else between the check and the insert.
      if (error instanceof MemberException && error.code === MemberErrorCode.EMAIL_TAKEN) skipped += 1;
      else throw new Error(`could not create ${input.email}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return { created, skipped };
}

/** Seeds the information platform as the demo coordinator, linking demo members as focal points. */
async function seedPlatform(
  members: MembersService,
  context: Parameters<typeof seedInformationPlatform>[0],
): Promise<Awaited<ReturnType<typeof seedInformationPlatform>>> {
  const coordinator = (await members.findForLogin(`kang.sora@${DEMO_DOMAIN}`))?.member;
  if (!coordinator) throw new Error('the demo coordinator kang.sora is missing');
  const actor = {
    id: coordinator.id,
    role: coordinator.role,
    status: coordinator.status,
    displayName: coordinator.displayName,
    timeZone: coordinator.timeZone,
    sessionId: 'seed-demo',
    mustChangePassword: false,
  };
  return seedInformationPlatform(context, actor, async (local) => {
    const found = (await members.findForLogin(`${local}@${DEMO_DOMAIN}`))?.member;
    return found?.status === MemberStatus.Active ? found.id : null;
  });
}

function summary(password: string): string {
  const lines = [`Password of every demo account: ${password}`];
  for (const [role, title] of [
    [NetworkRole.Coordinator, 'Coordinators'],
    [NetworkRole.Member, 'Members'],
    [NetworkRole.Observer, 'Observers'],
  ] as const) {
    lines.push(`${title}:`);
    for (const demo of MEMBERS.filter((m) => (m.role ?? NetworkRole.Member) === role)) {
      const pending = demo.status === MemberStatus.Pending ? '  (pending approval)' : '';
      lines.push(`  ${demo.email}@${DEMO_DOMAIN}${pending}`);
    }
  }
  return lines.join('\n');
}

const announce = (text: string): void => void process.stdout.write(`${text}\n`);

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv(process.env);
  const password = demoPassword(env);
  const database = await resolveDatabase(env, (line) => console.error(line));
  try {
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ env, databaseUrl: database.url, embeddedDatabase: database.embedded !== null, announce }),
      { logger: ['error', 'warn'], abortOnError: false },
    );
    try {
      const { created, skipped } = await seed(context.get(MembersService), password);
      announce(`Demo members: ${created} created, ${skipped} skipped (e-mail already present).`);
      const platform = await seedPlatform(context.get(MembersService), context);
      announce(
        `Information platform: ${platform.cities} cities, ${platform.reportedChanges} reported period changes, ` +
          `${platform.schemes} eco-label schemes added.`,
      );
      announce(summary(password));
    } finally {
      await context.close();
    }
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`seed:demo failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
