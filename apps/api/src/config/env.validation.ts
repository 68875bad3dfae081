import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { COUNTRY_CODES } from '@lcc/contracts';

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? ({ true: true, '1': true, false: false, '0': false }[value.toLowerCase()] ?? value)
    : value;
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Every environment variable the portal reads. Defaults live here; `.env.example` documents each one. */
export class Env {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString()
  @MinLength(1)
  DATA_DIR = './data';

  /** Where `npm run backup` writes its `lcc-<time>/` folders when no folder is given on the command line. */
  @IsString()
  @MinLength(1)
  BACKUP_DIR = './backups';

  /** The built web portal, served at `/` when its index.html exists. */
  @IsString()
  @MinLength(1)
  WEB_DIR = './dist/web';

  @Transform(toBoolean)
  @IsBoolean()
  DB_MIGRATIONS_RUN = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  /** Names the socket.io stream and channels in Redis, so several portals (or test runs) can share one server. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.-]{1,64}$/, {
    message: 'REDIS_PREFIX must be 1 to 64 letters, digits, dots, dashes or underscores',
  })
  REDIS_PREFIX: string = 'lcc';

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /** Comma-separated browser origins allowed by CORS and the socket handshake. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsString()
  @MinLength(32)
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(31_536_000)
  REFRESH_TOKEN_TTL_SECONDS = 2_592_000;

  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(31_536_000)
  INVITATION_TTL_SECONDS = 1_209_600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  UPLOAD_MAX_BYTES = 104_857_600;

  /** Text extraction: parses running at once on this instance, each in its own child process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  EXTRACTION_CONCURRENCY = 1;
  /** Wall-clock limit of one parse; the worker process is killed when it passes. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  EXTRACTION_TIMEOUT_MS = 120_000;
  /** Resident memory of one parse in MB; the worker process is killed above it. */
  @Transform(toInt)
  @IsInt()
  @Min(128)
  EXTRACTION_MEMORY_MB = 512;
  /** Parses started for one version before it is marked failed (a parse that ends the process counts). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  EXTRACTION_MAX_ATTEMPTS = 2;
  /** Files larger than this are not parsed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_FILE_BYTES = 67_108_864;
  /** Bytes the parsed parts of one file may decompress to (XML of a zip, non-image streams of a PDF). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_UNZIPPED_BYTES = 67_108_864;
  /** Largest compression ratio of one zip entry over 1 MiB. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  EXTRACTION_MAX_ZIP_RATIO = 100;
  /** Entries of one zip-based file. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_ZIP_ENTRIES = 10_000;
  /** Element nesting of any XML part. */
  @Transform(toInt)
  @IsInt()
  @Min(8)
  EXTRACTION_MAX_XML_DEPTH = 512;
  /** Pages of a PDF read for text (the rest are ignored). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_PDF_PAGES = 2000;
  /** Streams of one PDF. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_PDF_STREAMS = 100_000;
  /** Characters of text kept per version. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EXTRACTION_MAX_CHARS = 1_000_000;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  S3_ENDPOINT?: string;
  @IsOptional()
  @IsString()
  S3_REGION?: string;
  @IsOptional()
  @IsString()
  S3_BUCKET?: string;
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;
  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE?: boolean;

  /** Window of every rate limit, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RATE_LIMIT_TTL_MS = 60_000;
  /** Requests per window and client IP across the API. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_DEFAULT = 1000;
  /** Login and registration attempts per window and client IP. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_IP = 20;
  /** Failed sign-ins (and registrations) per `RATE_LIMIT_TTL_MS` window, account (the e-mail tried) and client IP. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_ACCOUNT_CLIENT = 10;
  /** Failed sign-ins (and registrations) per `RATE_LIMIT_AUTH_ACCOUNT_TTL_MS` window and account, from any client. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_AUTH_ACCOUNT = 100;
  /** Window of the account-wide ceiling, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  RATE_LIMIT_AUTH_ACCOUNT_TTL_MS = 3_600_000;

  /** Socket events per second per connection (token bucket refill). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SOCKET_PER_SECOND = 20;
  /** Socket events a connection may send in one burst. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_SOCKET_BURST = 50;

  /** How often each instance looks for due meeting reminders; 0 turns the job off on this instance. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  REMINDER_POLL_INTERVAL_MS = 60_000;

  /** How often each instance looks for "download my data" requests to prepare and expired archives; 0 turns it off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DATA_EXPORT_POLL_INTERVAL_MS = 30_000;

  /** How long a prepared data export can be downloaded before it is deleted (hours). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  DATA_EXPORT_TTL_HOURS = 168;

  /** How often each instance sends waiting notification e-mail (digests, quiet hours ended); 0 turns it off here. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  NOTIFICATION_MAIL_POLL_INTERVAL_MS = 60_000;

  /** SMTP server: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://...:465` (TLS). */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of every e-mail, e.g. `"LCC Portal" <portal@example.org>`; unset: no-reply@ the PUBLIC_URL host. */
  @IsOptional()
  @Matches(/^[^\r\n]+$/, { message: 'MAIL_FROM must be one line' })
  MAIL_FROM?: string;

  /** How often each instance looks for mail to send; 0 turns delivery off on this instance. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MAIL_POLL_INTERVAL_MS = 5000;

  /** Delivery attempts of one e-mail before it is marked failed (a 5xx reply fails it at once). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 10;

  /** Wait after the first failed attempt; doubled after each further one. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MAIL_RETRY_BASE_MS = 30_000;

  /** Longest wait between two attempts. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MAIL_RETRY_MAX_MS = 21_600_000;

  /** How long a claimed e-mail is reserved for the instance sending it; SMTP timeouts are a quarter of it. */
  @Transform(toInt)
  @IsInt()
  @Min(4000)
  MAIL_LEASE_MS = 300_000;

  /** Lifetime of a password reset link. */
  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(86_400)
  PASSWORD_RESET_TTL_SECONDS = 3600;

  /** Lifetime of an e-mail confirmation link. */
  @Transform(toInt)
  @IsInt()
  @Min(3600)
  @Max(2_592_000)
  EMAIL_CONFIRMATION_TTL_SECONDS = 604_800;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Bearer token the Prometheus scraper sends to `/metrics`; unset, `/metrics` answers 404. */
  @IsOptional()
  @IsString()
  @MinLength(16)
  METRICS_TOKEN?: string;

  /** Trust X-Forwarded-For from this many proxies (the compose file has one). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS = 0;

  /**
   * Single sign-on (OpenID Connect, docs/sso.md): the provider's issuer URL; unset, SSO is off. https, or http on
   * this machine only (development and tests).
   */
  @IsOptional()
  @Matches(/^(https:\/\/[^\s/]|http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$))\S*$/, {
    message: 'OIDC_ISSUER must be an https:// URL (http:// only for localhost)',
  })
  OIDC_ISSUER?: string;
  @ValidateIf((env: Env) => Boolean(env.OIDC_ISSUER))
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_ID is required with OIDC_ISSUER' })
  OIDC_CLIENT_ID?: string;
  @ValidateIf((env: Env) => Boolean(env.OIDC_ISSUER))
  @IsString()
  @MinLength(1, { message: 'OIDC_CLIENT_SECRET is required with OIDC_ISSUER' })
  OIDC_CLIENT_SECRET?: string;
  /** Comma-separated e-mail domains whose first sign-in creates an active member (others wait for approval). */
  @IsOptional()
  @Matches(/^\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*(,\s*[A-Za-z0-9.-]+\.[A-Za-z]{2,}\s*)*$/, {
    message: 'OIDC_ALLOWED_DOMAINS must be comma-separated e-mail domains such as example.org',
  })
  OIDC_ALLOWED_DOMAINS?: string;
  /** A first sign-in from any other domain: `pending` creates a member awaiting approval, `refuse` turns it away. */
  @IsIn(['pending', 'refuse'])
  OIDC_OTHER_DOMAINS: 'pending' | 'refuse' = 'pending';
  /** Country of members created by a first sign-in when the language claim names no region (they can change it). */
  @ValidateIf((env: Env) => Boolean(env.OIDC_ISSUER) || env.OIDC_DEFAULT_COUNTRY !== undefined)
  @IsIn(COUNTRY_CODES, {
    message: 'OIDC_DEFAULT_COUNTRY must be an ISO 3166-1 alpha-2 code such as MN (required with OIDC_ISSUER)',
  })
  OIDC_DEFAULT_COUNTRY?: string;
  /** Scopes asked for; `openid` and `email` are needed. */
  @Matches(/^(?=.*\bopenid\b)(?=.*\bemail\b)[\w:. -]+$/, { message: 'OIDC_SCOPES must include openid and email' })
  OIDC_SCOPES = 'openid email profile';
  /** The claim holding a new member's display name. */
  @Matches(/^[\w.:-]{1,100}$/, { message: 'OIDC_NAME_CLAIM must be a claim name' })
  OIDC_NAME_CLAIM = 'name';
  /** The claim holding a new member's language (a BCP 47 tag such as ja-JP). */
  @Matches(/^[\w.:-]{1,100}$/, { message: 'OIDC_LANGUAGE_CLAIM must be a claim name' })
  OIDC_LANGUAGE_CLAIM = 'locale';
  /** The provider's name on the sign-in button ("Sign in with …"); unset, the issuer's host name. */
  @IsOptional()
  @Matches(/^[^\r\n]{1,60}$/, { message: 'OIDC_DISPLAY_NAME must be one line of at most 60 characters' })
  OIDC_DISPLAY_NAME?: string;
}

/** Validates `process.env`; throws one error naming every offending variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(Env, cleaned, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => `  ${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return env;
}
