import { UsersService } from '../src/users/users.service';
import { SEED_ADMIN_EMAIL, SEED_PASSWORD, Seeder } from './seeder';

/**
 * npm run seed [-- COUNT]: fills the database of DATABASE_URL (default: the development SQLite in
 * DATA_DIR) with realistic agents in mixed security states, through the app's services (see
 * scripts/seeder.ts). Every seeded account's password is `seeded-agent-2026`; they are created
 * by the admin `seed.admin@cloudcx.example`. Running it again adds only the agents not there yet.
 */
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Iñigo', 'Jae', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoë'];
const LAST = ['Silva', 'Müller', 'Okafor', 'Nguyen', 'Kowalski', 'García', 'Haddad', 'Sato', 'Johansson', 'Mensah', 'Rossi', 'Dubois', 'Novak', 'Khan', 'Park'];
const TEAMS = ['billing', 'support', 'sales', 'retention', 'tier2'];

let state = 42;
const rnd = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];

async function main() {
  const count = Number(process.argv[2] ?? 300);
  if (!Number.isInteger(count) || count < 0) throw new Error('usage: npm run seed [-- COUNT]');
  if (process.env.NODE_ENV === 'production') throw new Error('npm run seed creates accounts with a known password: not with NODE_ENV=production');
  const seeder = await Seeder.open();
  const tally: Record<string, number> = {};
  try {
    await seeder.admin();
    const users = seeder.app.get(UsersService);
    for (let i = 0; i < count; i++) {
      // Drawn whether or not the agent exists, so a second run gives every agent the same state.
      const first = pick(FIRST);
      const last = pick(LAST);
      const email = `${first}.${last}.${i}@${pick(TEAMS)}.cloudcx.example`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      const r = rnd();
      const kind = r < 0.4 ? 'none' : r < 0.65 ? 'email' : r < 0.85 ? 'totp' : 'both';
      const used = rnd() < 0.3 ? Math.floor(rnd() * 10) : 0;
      const locked = rnd() < 0.05;
      if (await users.findByEmail(email)) continue;
      const factors = kind !== 'none';
      await seeder.agent({
        email,
        displayName: `${first} ${last}`,
        emailCode: kind === 'email' || kind === 'both',
        totp: kind === 'totp' || kind === 'both',
        usedBackupCodes: factors ? used : 0,
        locked: factors && locked,
      });
      tally[kind] = (tally[kind] ?? 0) + 1;
      if (factors && used) tally.usedBackupCodes = (tally.usedBackupCodes ?? 0) + 1;
      if (factors && locked) tally.locked = (tally.locked ?? 0) + 1;
    }
  } finally {
    await seeder.close();
  }
  const added = (tally.none ?? 0) + (tally.email ?? 0) + (tally.totp ?? 0) + (tally.both ?? 0);
  process.stdout.write(`seeded ${added} of ${count} agents: ${JSON.stringify(tally)} (password: ${SEED_PASSWORD}; created by ${SEED_ADMIN_EMAIL})\n`);
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
