import 'reflect-metadata';
import { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../../src/app.module';
import { Clock } from '../../../src/common/clock/clock';
import { RequestMeta } from '../../../src/common/auth/request-context';
import { DomainError } from '../../../src/common/errors/domain-error';
import { validateEnv } from '../../../src/config/env.validation';
import { Mail, MailService } from '../../../src/mailer/mail.service';

/** A clock the test moves: services decide expiries, locks and windows by it. */
export class FakeClock extends Clock {
  private t = Date.now();
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Mail as the services send it (the transport is not under test here; the e2e suites use a real SMTP server). */
export class MailRecorder {
  readonly sent: Mail[] = [];
  async send(mail: Mail): Promise<void> {
    this.sent.push(mail);
  }
  /** The code of the newest mail to `to`. */
  lastCode(to: string): string {
    const mail = [...this.sent].reverse().find((m) => m.to === to && m.context && 'code' in m.context);
    if (!mail) throw new Error(`no code mailed to ${to}`);
    return String((mail.context as { code: string }).code);
  }
}

export interface Medium {
  app: INestApplication;
  clock: FakeClock;
  mail: MailRecorder;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export const META: RequestMeta = { ip: '192.0.2.10', userAgent: 'service-test' };

/**
 * The real services (the whole app module) on a fresh SQLite file, without HTTP: the service tier
 * tests rules directly, with the clock under the test's control (after immich's medium tests).
 */
export async function startServices(): Promise<Medium> {
  const dir = mkdtempSync(join(tmpdir(), 'acctsec-svc-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dir, 'test.sqlite')}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: dir,
    HOUSEKEEPING_INTERVAL_SECONDS: '0',
    LOG_LEVEL: 'silent',
  };
  for (const k of ['SMTP_URL', 'REDIS_URL', 'BOOTSTRAP_ADMIN_EMAIL', 'BOOTSTRAP_ADMIN_PASSWORD', 'ENCRYPTION_KEYS_PREVIOUS']) delete process.env[k];
  Object.assign(process.env, env);
  validateEnv(process.env);
  const clock = new FakeClock();
  const mail = new MailRecorder();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .overrideProvider(MailService)
    .useValue(mail)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return {
    app,
    clock,
    mail,
    get: (type) => app.get(type),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API code a rejected service call carries (`'OK'` when it succeeded). */
export async function apiCodeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.apiCode;
    throw e;
  }
  return 'OK';
}
