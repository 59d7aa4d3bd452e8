import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, redactUrl } from './config';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/custos', false);

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = load({});
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/custos/data',
      database: { kind: 'sqlite', file: path.join('/srv/custos/data', 'custos.db') },
      logLevel: 'info',
      logFormat: 'json',
      trustProxy: false,
      masterKey: null,
      maxUploadBytes: 50 * 1024 * 1024,
      baseUrl: 'http://localhost:8080',
      smtpUrl: null,
      smtpFrom: 'Custos <custos@localhost>',
      webhooksAllowPrivate: false,
    });
  });

  it('lets an operator allow webhooks to private addresses, and refuses other words', () => {
    expect(load({ CUSTOS_WEBHOOKS_ALLOW_PRIVATE: 'true' }).webhooksAllowPrivate).toBe(true);
    expect(load({ CUSTOS_WEBHOOKS_ALLOW_PRIVATE: 'false' }).webhooksAllowPrivate).toBe(false);
    expect(() => load({ CUSTOS_WEBHOOKS_ALLOW_PRIVATE: 'yes' })).toThrow(
      'Invalid configuration: CUSTOS_WEBHOOKS_ALLOW_PRIVATE must be true or false, got "yes"',
    );
  });

  it('takes an upload limit in whole megabytes, and refuses anything else', () => {
    expect(load({ CUSTOS_MAX_UPLOAD_MB: '200' }).maxUploadBytes).toBe(200 * 1024 * 1024);
    for (const wrong of ['0', '1.5', '10MB', '5000']) {
      expect(() => load({ CUSTOS_MAX_UPLOAD_MB: wrong })).toThrow(
        `Invalid configuration: CUSTOS_MAX_UPLOAD_MB must be a whole number of megabytes from 1 to 2000, got "${wrong}"`,
      );
    }
  });

  it('reads every variable', () => {
    const config = load({
      PORT: '9000',
      HOST: '0.0.0.0',
      CUSTOS_DATA_DIR: '/var/lib/custos',
      DATABASE_URL: 'postgres://custos:pw@db:5432/custos',
      LOG_LEVEL: 'warn',
      CUSTOS_TRUST_PROXY: 'true',
    });
    expect(config.port).toBe(9000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.dataDir).toBe('/var/lib/custos');
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://custos:pw@db:5432/custos',
    });
    expect(config.logLevel).toBe('warn');
    expect(load({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    // `true` means one proxy hop, never "believe every X-Forwarded-For entry".
    expect(config.trustProxy).toBe(1);
  });

  it('logs pretty lines at a terminal and JSON lines elsewhere, unless LOG_FORMAT says', () => {
    expect(loadConfig({}, '/srv', true).logFormat).toBe('pretty');
    expect(loadConfig({}, '/srv', false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, '/srv', true).logFormat).toBe('json');
    expect(() => load({ LOG_FORMAT: 'text' })).toThrow(
      'Invalid configuration: LOG_FORMAT must be one of json, pretty, got "text"',
    );
  });

  it('treats empty variables as unset', () => {
    expect(load({ PORT: '', DATABASE_URL: '' }).port).toBe(8080);
  });

  it.each([
    [
      'PORT',
      'abc',
      /^Invalid configuration: PORT must be a whole number from 1 to 65535, got "abc"$/,
    ],
    ['PORT', '0', /^Invalid configuration: PORT /],
    ['PORT', '70000', /^Invalid configuration: PORT /],
    ['PORT', '80.5', /^Invalid configuration: PORT /],
    ['LOG_LEVEL', 'loud', /^Invalid configuration: LOG_LEVEL must be one of fatal, error/],
    [
      'CUSTOS_TRUST_PROXY',
      'yes',
      /^Invalid configuration: CUSTOS_TRUST_PROXY must be false, the number of proxy hops/,
    ],
    ['HOST', 'a b', /^Invalid configuration: HOST /],
    ['DATABASE_URL', 'mysql://x', /^Invalid configuration: DATABASE_URL must be a postgres:\/\//],
    [
      'CUSTOS_MASTER_KEY',
      'c2hvcnQ=',
      /^Invalid configuration: CUSTOS_MASTER_KEY must be 32 random bytes in base64/,
    ],
  ])('refuses %s=%s with one line naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      load({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('never repeats a DATABASE_URL, which may hold a password', () => {
    expect(() => load({ DATABASE_URL: 'mysql://user:s3cret@host/db' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') as unknown }),
    );
  });
});

it('reads a 32-byte master key and never shows it', () => {
  const key = Buffer.alloc(32, 7).toString('base64');
  const config = load({ CUSTOS_MASTER_KEY: key });
  expect(config.masterKey?.length).toBe(32);
  expect(JSON.stringify(describeConfig(config))).not.toContain(key);
});

describe('describeConfig', () => {
  it('masks the database password', () => {
    const shown = describeConfig(load({ DATABASE_URL: 'postgres://custos:s3cret@db:5432/custos' }));
    expect(shown.DATABASE_URL).toBe('postgres://custos:***@db:5432/custos');
    expect(JSON.stringify(shown)).not.toContain('s3cret');
  });

  it('says when the embedded database is used', () => {
    expect(describeConfig(load({})).DATABASE_URL).toMatch(/embedded SQLite/);
  });

  it('redacts unparsable URLs whole', () => {
    expect(redactUrl('not a url')).toBe('***');
  });
});
