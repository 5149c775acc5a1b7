import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap';
import { printAppSchema } from '../src/schema-file';

/** npm run schema: writes schema.gql from the code (no server, throwaway database). */
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'acctsec-schema-'));
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = `sqlite:${join(dir, 'schema.sqlite')}`;
  delete process.env.SMTP_URL;
  const app = await createApp({ logger: ['error'] });
  await app.init();
  writeFileSync(join(__dirname, '..', 'schema.gql'), printAppSchema(app));
  await app.close();
}
main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
