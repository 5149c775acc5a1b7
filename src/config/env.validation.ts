import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { commaList, LOG_LEVELS } from './http.config';
import { rpIdFits } from './webauthn.config';

/**
 * Every environment variable the service reads, validated once at boot so that a typo stops
 * the process with a message naming the variable instead of failing on first use.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional() @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  SMTP_URL?: string;

  @IsOptional() @IsString()
  MAIL_FROM?: string;

  @IsOptional() @IsString()
  ENCRYPTION_KEY?: string;

  @IsOptional() @IsString()
  PUBLIC_URL?: string;

  @IsOptional() @IsString()
  WEB_APP_URL?: string;

  /** WebAuthn relying-party id: the host of WEB_APP_URL or a parent domain of it. */
  @IsOptional() @IsString() @Matches(/^[a-z0-9.-]{1,253}$/i, { message: 'WEBAUTHN_RP_ID must be a domain name like example.com (no scheme, port or path)' })
  WEBAUTHN_RP_ID?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsInt() @Min(60)
  SESSION_TTL_SECONDS?: number;

  @IsOptional() @IsInt() @Min(1)
  LOGIN_FAILURES_PER_IP?: number;

  /** Comma-separated browser origins allowed by CORS (http(s)://host[:port]); unset: no CORS. */
  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  /** Kept a string: implicit conversion would turn "false" into true. */
  @IsOptional() @IsIn(['true', 'false', '1', '0'])
  GRAPHQL_INTROSPECTION?: string;

  @IsOptional() @IsInt() @Min(2) @Max(100)
  GRAPHQL_MAX_DEPTH?: number;

  /** Kept a string (see GRAPHQL_INTROSPECTION). Unset: false in production, true elsewhere. */
  @IsOptional() @IsIn(['true', 'false', '1', '0'])
  SSO_ALLOW_PRIVATE_ISSUERS?: string;

  @IsOptional() @IsInt() @Min(10) @Max(1_000_000)
  GRAPHQL_MAX_COMPLEXITY?: number;

  @IsOptional() @IsIn([...LOG_LEVELS])
  LOG_LEVEL?: string;

  @IsOptional() @IsString()
  LOG_FILE?: string;

  @IsOptional() @IsString()
  REDIS_URL?: string;

  @IsOptional() @IsString()
  REDIS_PREFIX?: string;

  @IsOptional() @IsInt() @Min(0)
  RATE_LIMIT_PER_MINUTE?: number;

  /** Express `trust proxy`: loopback, uniquelocal, a hop count or a comma list of addresses/CIDRs. */
  @IsOptional() @IsString() @Matches(/^[\w.:/,\s-]{1,200}$/, { message: 'TRUST_PROXY must be an Express trust proxy value (e.g. loopback, uniquelocal, 10.0.0.0/8)' })
  TRUST_PROXY?: string;

  /** Seconds between purges of ended codes, challenges, tickets, flows and sessions; 0: off. */
  @IsOptional() @IsInt() @Min(0) @Max(604_800)
  HOUSEKEEPING_INTERVAL_SECONDS?: number;

  /** MySQL/MariaDB: milliseconds a statement may go unanswered (then SERVICE_UNAVAILABLE); 0: no limit. */
  @IsOptional() @IsInt() @Min(0) @Max(600_000)
  DB_QUERY_TIMEOUT_MS?: number;
}

/** Nest ConfigModule `validate` hook: types, then the cross-field rules, each naming its variable. */
export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const messages = errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`),
  );
  const url = env.DATABASE_URL;
  if (url !== undefined && url !== '' && !/^(mysql|mariadb):\/\/.+|^sqlite:.+/.test(url)) {
    messages.push('DATABASE_URL must be mysql://user:pass@host:port/db, mariadb://… or sqlite:<path>');
  }
  if (env.SMTP_URL && !/^smtps?:\/\/.+/.test(env.SMTP_URL)) {
    messages.push('SMTP_URL must be smtp://[user:pass@]host:port or smtps://…');
  }
  if (env.REDIS_URL && !/^rediss?:\/\/.+/.test(env.REDIS_URL)) {
    messages.push('REDIS_URL must be redis://[user:pass@]host:port[/db] or rediss://…');
  }
  if (env.REDIS_PREFIX !== undefined && !/^[\w:.-]{0,64}$/.test(env.REDIS_PREFIX)) {
    messages.push('REDIS_PREFIX may hold only letters, digits and _ : . - (at most 64)');
  }
  for (const name of ['PUBLIC_URL', 'WEB_APP_URL'] as const) {
    const v = env[name];
    if (v && !/^https?:\/\/[^\s]+$/.test(v)) messages.push(`${name} must be an http(s) URL`);
  }
  if (env.WEBAUTHN_RP_ID && !messages.some((m) => /^(WEB|PUBLIC_URL)/.test(m))) {
    const host = new URL(env.WEB_APP_URL || env.PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`).hostname;
    if (!rpIdFits(env.WEBAUTHN_RP_ID, host)) {
      messages.push(`WEBAUTHN_RP_ID must be the host of WEB_APP_URL (${host}) or a parent domain of it`);
    }
  }
  for (const origin of commaList(env.CORS_ORIGINS)) {
    if (!/^https?:\/\/[^\s/]+\/?$/.test(origin)) {
      messages.push(`CORS_ORIGINS must be a comma-separated list of origins like https://app.example.com (got "${origin}")`);
    }
  }
  if (env.ENCRYPTION_KEY !== undefined && env.ENCRYPTION_KEY !== '') {
    if (Buffer.from(env.ENCRYPTION_KEY, 'base64').length !== 32) {
      messages.push('ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
    }
  } else if (env.NODE_ENV === 'production') {
    messages.push('ENCRYPTION_KEY is required when NODE_ENV=production (openssl rand -base64 32)');
  }
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    messages.push('BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (messages.length) {
    throw new Error(`Invalid configuration:\n  - ${messages.join('\n  - ')}`);
  }
  return raw;
}
