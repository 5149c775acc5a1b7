import { registerAs } from '@nestjs/config';
import { dataDir } from './data-dir';

export const appConfig = registerAs('app', () => {
  const port = Number(process.env.PORT ?? 3000);
  const publicUrl = (process.env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    env: process.env.NODE_ENV ?? 'development',
    port,
    publicUrl,
    webAppUrl: (process.env.WEB_APP_URL || publicUrl).replace(/\/+$/, ''),
    /** Where development defaults live: the SQLite file, the outbox and the generated key. */
    dataDir: dataDir(),
    bootstrapAdmin: process.env.BOOTSTRAP_ADMIN_EMAIL
      ? { email: process.env.BOOTSTRAP_ADMIN_EMAIL, password: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? '' }
      : null,
  };
});
export type AppConfig = ReturnType<typeof appConfig>;
