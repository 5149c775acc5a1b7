import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { AdminService } from '../src/admin/admin.service';
import { AppModule } from '../src/app.module';
import { AuthService } from '../src/auth/login/auth.service';
import type { RequestMeta } from '../src/common/auth/request-context';
import { validateEnv } from '../src/config/env.validation';
import { Mail, MailService } from '../src/mailer/mail.service';
import { SecurityEventType } from '../src/security-events/security-event-type';
import { SecuritySettingsService } from '../src/security-settings/security-settings.service';
import { AccountLock, TwoFactorMethod } from '../src/two-factor';
import { TOTP_PERIOD, totpCode } from '../src/two-factor/totp';
import { Role } from '../src/users/role.enum';
import { UserEntity } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';

/**
 * Seeding through the application's own services, shared by `npm run seed` and `npm run bench`:
 * accounts are created, factors turned on, backup codes used and accounts locked by the same
 * calls the API makes, so secrets are sealed, codes hashed and events recorded exactly as in
 * real use, and a change of format or of the enable-a-method rules needs no change here.
 *
 * The seeder is its agents' mailbox: every mail the flows send (setup codes, notifications) is
 * kept in memory instead of being delivered, and the emailed setup code is read from there.
 */
export const SEED_PASSWORD = 'seeded-agent-2026';
export const SEED_ADMIN_EMAIL = 'seed.admin@cloudcx.example';
export const SEED_META: RequestMeta = { ip: '10.0.0.1', userAgent: 'seed' };

export interface AgentSpec {
  email: string;
  displayName: string;
  /** Turn on two-factor authentication by email. */
  emailCode?: boolean;
  /** Turn on an authenticator app. */
  totp?: boolean;
  /** Sign in this many times with a backup code (needs a method on). */
  usedBackupCodes?: number;
  /** Ten wrong codes in a row: the account ends up locked. */
  locked?: boolean;
}

export interface SeededAgent {
  user: UserEntity;
  /** The authenticator secret, when TOTP is on. */
  totpSecret: string | null;
  /** The backup codes still unused (empty without a method). */
  backupCodes: string[];
}

export class Seeder {
  private readonly mails: Mail[] = [];
  private actorId: string | null = null;

  private constructor(readonly app: INestApplicationContext) {
    // The mailbox: see the class comment.
    const mail = app.get(MailService);
    mail.send = async (m: Mail) => {
      this.mails.push(m);
      if (this.mails.length > 1000) this.mails.splice(0, this.mails.length - 1000);
    };
  }

  /** The whole app without its HTTP server, on the database of DATABASE_URL (migrations run). */
  static async open(): Promise<Seeder> {
    validateEnv(process.env);
    return new Seeder(await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] }));
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** The admin the seeded accounts are created by (created once, with the seed password). */
  async admin(): Promise<UserEntity> {
    const users = this.app.get(UsersService);
    const found = await users.findByEmail(SEED_ADMIN_EMAIL);
    if (found && found.role !== Role.ADMIN) throw new Error(`${SEED_ADMIN_EMAIL} exists and is not an admin`);
    const admin = found ?? (await users.create({ email: SEED_ADMIN_EMAIL, displayName: 'Seed Administrator', password: SEED_PASSWORD, role: Role.ADMIN }));
    this.actorId = admin.id;
    return admin;
  }

  /** One agent in the state `spec` asks for, through the admin console's and the profile's services. */
  async agent(spec: AgentSpec): Promise<SeededAgent> {
    const actorId = this.actorId ?? (await this.admin()).id;
    const user = await this.app.get(AdminService).createUser(actorId, { email: spec.email, displayName: spec.displayName, password: SEED_PASSWORD }, SEED_META);
    const settings = this.app.get(SecuritySettingsService);
    let totpSecret: string | null = null;
    let backupCodes: string[] = [];
    if (spec.emailCode) {
      await settings.setupEmail(user.id);
      const enabled = await settings.confirmEmail(user.id, this.lastCode(user.email), SEED_META);
      backupCodes = enabled.backupCodes ?? backupCodes;
    }
    if (spec.totp) {
      const { secret } = await settings.beginTotp(user.id);
      // The previous step's code (accepted: one step of drift either way), so that a sign-in in
      // the same 30 s, as the bench does at once, is not refused as a replay of this one.
      const enabled = await settings.confirmTotp(user.id, totpCode(secret, Date.now() - TOTP_PERIOD * 1000), SEED_META);
      backupCodes = enabled.backupCodes ?? backupCodes;
      totpSecret = secret;
    }
    for (let i = 0; i < (spec.usedBackupCodes ?? 0) && backupCodes.length; i++) {
      await this.signInWithBackupCode(user, backupCodes.shift()!);
    }
    if (spec.locked) {
      const lock = this.app.get(AccountLock);
      for (let k = 0; k < 10; k++) await lock.recordFailure(user.id, SEED_META, 'seeded wrong code');
    }
    return { user, totpSecret, backupCodes };
  }

  /**
   * A login challenge for an account whose password step passed, as `login` makes it (no
   * argon2 here: the bench needs thousands). Returns the challenge token.
   */
  async challenge(user: UserEntity): Promise<string> {
    const outcome = await this.app.get(AuthService).completeFirstFactor(user, SEED_META, { event: SecurityEventType.LOGIN, requireSecondFactor: true });
    if (outcome.kind !== 'challenge') throw new Error(`${user.email} has no second factor: no challenge`);
    return outcome.challengeToken;
  }

  /**
   * Volume for the bench: `count` more accounts that are copies of `template` (an account made
   * by `agent`) in every table that holds per-account rows, under new ids and the emails
   * `emailOf(i)`. The copies are never signed in to (their sealed values are bound to the
   * template's id); they only give the tables a realistic size at a fraction of the cost of
   * `agent` (one argon2 hash and a dozen statements each). Found from the entity metadata, so
   * a table added later is copied too.
   */
  async copies(template: UserEntity, count: number, emailOf: (i: number) => string): Promise<void> {
    const ds = this.app.get(DataSource);
    const perAccount: Array<{ meta: EntityMetadata; rows: ObjectLiteral[] }> = [];
    for (const meta of ds.entityMetadatas) {
      if (meta.target === UserEntity || !meta.findColumnWithPropertyName('userId')) continue;
      const rows = await ds.getRepository(meta.target).findBy({ userId: template.id });
      if (!rows.length) continue;
      const uniqueElsewhere = [...meta.indices.filter((i) => i.isUnique), ...meta.uniques].some((i) => !i.columns.some((c) => c.propertyName === 'userId'));
      if (uniqueElsewhere) throw new Error(`cannot copy ${meta.tableName}: a unique index there does not include user_id`);
      perAccount.push({ meta, rows });
    }
    const batch = 500;
    for (let start = 0; start < count; start += batch) {
      const users = Array.from({ length: Math.min(batch, count - start) }, (_, k) => {
        const email = emailOf(start + k);
        return { ...template, id: randomUUID(), email, emailLower: email.toLowerCase(), displayName: `Copy ${start + k}`, createdAt: new Date(template.createdAt.getTime() + start + k + 1) };
      });
      await insertAll(ds, UserEntity, users);
      for (const { meta, rows } of perAccount) {
        const generatedId = meta.primaryColumns.length === 1 && meta.primaryColumns[0].propertyName === 'id';
        const copies = users.flatMap((u) => rows.map((r) => ({ ...r, userId: u.id, ...(generatedId ? { id: randomUUID() } : {}) })));
        await insertAll(ds, meta.target, copies);
      }
    }
  }

  private async signInWithBackupCode(user: UserEntity, code: string): Promise<void> {
    await this.app.get(AuthService).verifyCode(await this.challenge(user), TwoFactorMethod.BACKUP_CODE, code, SEED_META);
  }

  /** The code of the latest mail to `to` that carries one. */
  private lastCode(to: string): string {
    const mail = [...this.mails].reverse().find((m) => m.to === to && typeof m.context.code === 'string');
    if (!mail) throw new Error(`no code was mailed to ${to}`);
    return mail.context.code as string;
  }
}

/** INSERTs in statements of at most ~60,000 parameters (MySQL's limit is 65,535). */
async function insertAll(ds: DataSource, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  const per = Math.max(1, Math.floor(60_000 / ds.getMetadata(target).columns.length));
  for (let i = 0; i < rows.length; i += per) await ds.getRepository(target).insert(rows.slice(i, i + per));
}

/** Runs `work` over `items`, at most `concurrency` at a time, in order of start. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}
