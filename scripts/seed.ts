import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { BackupCodesService } from '../src/backup-codes/backup-codes.service';
import { validateEnv } from '../src/config/env.validation';
import { TransactionRunner } from '../src/database/transaction-runner';
import { SecurityEventsService } from '../src/security-events/security-events.service';
import { SecurityEventType } from '../src/security-events/security-event-type';
import { timeStep } from '../src/two-factor/totp';
import { TwoFactorService } from '../src/two-factor/two-factor.service';
import { UsersService } from '../src/users/users.service';

/**
 * npm run seed [-- COUNT]: fills the database of DATABASE_URL (default: the development SQLite)
 * with realistic agents in mixed security states, through the services, so secrets are sealed
 * exactly as in real use. Every seeded agent's password is `seeded-agent-2026`.
 */
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Iñigo', 'Jae', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoë'];
const LAST = ['Silva', 'Müller', 'Okafor', 'Nguyen', 'Kowalski', 'García', 'Haddad', 'Sato', 'Johansson', 'Mensah', 'Rossi', 'Dubois', 'Novak', 'Khan', 'Park'];
const TEAMS = ['billing', 'support', 'sales', 'retention', 'tier2'];

let state = 42;
const rnd = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];

async function main() {
  const count = Number(process.argv[2] ?? 300);
  validateEnv(process.env);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const users = app.get(UsersService);
  const twoFactor = app.get(TwoFactorService);
  const backup = app.get(BackupCodesService);
  const events = app.get(SecurityEventsService);
  const tx = app.get(TransactionRunner);
  const meta = { ip: '10.0.0.1', userAgent: 'seed' };
  const tally: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first}.${last}.${i}@${pick(TEAMS)}.cloudcx.example`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (await users.findByEmail(email)) continue;
    const user = await users.create({ email, displayName: `${first} ${last}`, password: 'seeded-agent-2026' });
    await events.record({ userId: user.id, type: SecurityEventType.USER_CREATED, meta });
    const r = rnd();
    const kind = r < 0.4 ? 'none' : r < 0.65 ? 'email' : r < 0.85 ? 'totp' : 'both';
    tally[kind] = (tally[kind] ?? 0) + 1;
    if (kind === 'none') continue;
    if (kind === 'totp' || kind === 'both') await twoFactor.beginTotpSetup(user);
    await tx.run(async (em) => {
      if (kind === 'email' || kind === 'both') await twoFactor.enableEmail(user.id, em);
      if (kind === 'totp' || kind === 'both') await twoFactor.enableTotp(user.id, timeStep() - 100, em);
      await backup.generate(user.id, em);
    });
    if (kind !== 'totp') await events.record({ userId: user.id, type: SecurityEventType.EMAIL_2FA_ENABLED, meta });
    if (kind !== 'email') await events.record({ userId: user.id, type: SecurityEventType.TOTP_ENABLED, meta });
    const used = rnd() < 0.3 ? Math.floor(rnd() * 10) : 0;
    if (used) {
      const codes = await backup.list(user.id);
      for (const c of codes.slice(0, used)) await backup.redeem(user.id, c.code);
      await events.record({ userId: user.id, type: SecurityEventType.BACKUP_CODE_USED, meta, detail: `${10 - used} remaining` });
    }
    if (rnd() < 0.05) {
      for (let k = 0; k < 10; k++) await twoFactor.recordFailure(user.id, meta, 'seeded wrong code');
      tally.locked = (tally.locked ?? 0) + 1;
    }
  }
  await app.close();
  process.stdout.write(`seeded ${count} agents: ${JSON.stringify(tally)} (password: seeded-agent-2026)\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.message ?? e}\n`);
  process.exit(1);
});
