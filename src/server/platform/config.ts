import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['json', 'pretty'] as const;

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  logLevel: (typeof LOG_LEVELS)[number];
  /** JSON lines for machines; pretty lines for a person at a terminal (the default there). */
  logFormat: (typeof LOG_FORMATS)[number];
  /**
   * Which X-Forwarded-* entries to believe (164.312(b): the audit trail records the client's
   * address): false for none, a number of proxy hops in front of Custos, or the proxies' addresses.
   */
  trustProxy: false | number | string[];
  /** 32 bytes from CUSTOS_MASTER_KEY, or null to use the key file in the data directory. */
  masterKey: Buffer | null;
  /** The largest evidence file accepted, in bytes (CUSTOS_MAX_UPLOAD_MB, default 50). */
  maxUploadBytes: number;
  /** Address users reach Custos at, for links in emails. */
  baseUrl: string;
  /** smtp:// or smtps:// URL; null keeps messages in the in-app outbox. */
  smtpUrl: string | null;
  smtpFrom: string;
  /**
   * CUSTOS_WEBHOOKS_ALLOW_PRIVATE: webhooks may reach private, loopback and link-local addresses
   * and plain http:// (a receiver on the operator's own network). Off by default (SSRF).
   */
  webhooksAllowPrivate: boolean;
}

const IP_OR_CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(?:\/\d{1,3})?$/i;

/**
 * CUSTOS_TRUST_PROXY: `false`/`0` (no proxy), `true` (one proxy: the address it saw is the
 * client's; never "believe every hop", which lets a client choose its own address), a number of
 * hops, or a list of the proxies' addresses. Undefined when the value is none of these.
 */
export function parseTrustProxy(value: string): false | number | string[] | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === '0') {
    return false;
  }
  if (v === 'true') {
    return 1;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const list = v.split(',').map((s) => s.trim());
  return list.length > 0 && list.every((s) => IP_OR_CIDR.test(s)) ? list : undefined;
}

/** A configuration problem, already phrased as the one line an operator reads. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const shown = (value: unknown): string => JSON.stringify(String(value).slice(0, 40));

// Empty variables count as unset, as in most shells' `VAR= command` idiom.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const EnvSchema = z.object({
  PORT: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, {
        error: (i) => `must be a whole number from 1 to 65535, got ${shown(i.input)}`,
      })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 65535, {
        error: (i) => `must be a whole number from 1 to 65535, got ${shown(i.input)}`,
      }),
  ),
  HOST: optional(z.string().regex(/^[^\s/]+$/, { error: 'must be a host name or IP address' })),
  CUSTOS_DATA_DIR: optional(z.string()),
  // The value may hold a password: messages never repeat it.
  DATABASE_URL: optional(
    z.string().refine((v) => /^postgres(ql)?:\/\/./.test(v) && URL.canParse(v), {
      error:
        'must be a postgres:// or postgresql:// URL (leave it unset for the embedded SQLite database)',
    }),
  ),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, {
      error: (i) => `must be one of ${LOG_LEVELS.join(', ')}, got ${shown(i.input)}`,
    }),
  ),
  LOG_FORMAT: optional(
    z.enum(LOG_FORMATS, {
      error: (i) => `must be one of ${LOG_FORMATS.join(', ')}, got ${shown(i.input)}`,
    }),
  ),
  // Never repeated in messages: it is the key to every encrypted secret.
  CUSTOS_MASTER_KEY: optional(
    z
      .string()
      .refine((v) => /^[A-Za-z0-9+/]{43}=$/.test(v.trim()), {
        error:
          'must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`',
      })
      .transform((v) => Buffer.from(v.trim(), 'base64')),
  ),
  CUSTOS_MAX_UPLOAD_MB: optional(
    z
      .string()
      .refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 2000, {
        error: (i) => `must be a whole number of megabytes from 1 to 2000, got ${shown(i.input)}`,
      })
      .transform(Number),
  ),
  CUSTOS_BASE_URL: optional(
    z.string().refine((v) => /^https?:\/\/[^/]/.test(v) && URL.canParse(v), {
      error: 'must be an http:// or https:// URL, e.g. https://custos.example.org',
    }),
  ),
  // May hold a password: messages never repeat it.
  SMTP_URL: optional(
    z.string().refine((v) => /^smtps?:\/\/[^/]/.test(v) && URL.canParse(v), {
      error: 'must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.org:465',
    }),
  ),
  SMTP_FROM: optional(z.string().min(3).max(200)),
  CUSTOS_WEBHOOKS_ALLOW_PRIVATE: optional(
    z.enum(['true', 'false'], {
      error: (i) => `must be true or false, got ${shown(i.input)}`,
    }),
  ),
  CUSTOS_TRUST_PROXY: optional(
    z.string().transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `must be false, the number of proxy hops in front of Custos (1–10), or a comma-separated list of proxy IP addresses or CIDR ranges, got ${shown(value)}`,
        });
        return z.NEVER;
      }
      return parsed;
    }),
  ),
});

/**
 * Reads the configuration from environment variables. Throws ConfigError naming the first
 * wrong variable and what is wrong with it. Logs are pretty by default when `terminal` (standard
 * output is a TTY), JSON lines otherwise.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  terminal = process.stdout.isTTY,
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.CUSTOS_DATA_DIR ?? './data');
  return {
    port: e.PORT ?? 8080,
    host: e.HOST ?? '127.0.0.1',
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'custos.db') },
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT ?? (terminal ? 'pretty' : 'json'),
    trustProxy: e.CUSTOS_TRUST_PROXY ?? false,
    masterKey: e.CUSTOS_MASTER_KEY ?? null,
    maxUploadBytes: (e.CUSTOS_MAX_UPLOAD_MB ?? 50) * 1024 * 1024,
    baseUrl: (e.CUSTOS_BASE_URL ?? `http://localhost:${e.PORT ?? 8080}`).replace(/\/+$/, ''),
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? 'Custos <custos@localhost>',
    webhooksAllowPrivate: e.CUSTOS_WEBHOOKS_ALLOW_PRIVATE === 'true',
  };
}

/** The configuration as an operator may see it: the database password is masked. */
export function describeConfig(config: Config): Record<string, string> {
  return {
    PORT: String(config.port),
    HOST: config.host,
    CUSTOS_DATA_DIR: config.dataDir,
    DATABASE_URL:
      config.database.kind === 'postgres'
        ? redactUrl(config.database.url)
        : '(unset: embedded SQLite)',
    LOG_LEVEL: config.logLevel,
    LOG_FORMAT: config.logFormat,
    CUSTOS_TRUST_PROXY:
      config.trustProxy === false
        ? 'false'
        : typeof config.trustProxy === 'number'
          ? `${config.trustProxy} proxy hop${config.trustProxy === 1 ? '' : 's'}`
          : config.trustProxy.join(','),
    CUSTOS_BASE_URL: config.baseUrl,
    SMTP_URL: config.smtpUrl
      ? redactUrl(config.smtpUrl)
      : '(unset: messages go to the in-app outbox)',
    SMTP_FROM: config.smtpFrom,
    CUSTOS_WEBHOOKS_ALLOW_PRIVATE: config.webhooksAllowPrivate
      ? 'true (webhooks may reach private addresses and plain http)'
      : 'false',
    CUSTOS_MAX_UPLOAD_MB: String(config.maxUploadBytes / (1024 * 1024)),
    CUSTOS_MASTER_KEY: config.masterKey
      ? '(set, hidden)'
      : `(unset: ${path.join(config.dataDir, 'master.key')})`,
  };
}

/** A URL with its password replaced by `***`. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) {
      url.password = '***';
    }
    return url.toString();
  } catch {
    return '***';
  }
}
