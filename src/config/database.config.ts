import { registerAs } from '@nestjs/config';
import { inDataDir } from './data-dir';

export const databaseConfig = registerAs('database', () => ({
  /** DATABASE_URL, else the development SQLite file in DATA_DIR. */
  url: process.env.DATABASE_URL || `sqlite:${inDataDir('app.sqlite')}`,
  /** Tests count statements through this hook; off otherwise. */
  logging: process.env.DB_LOG === '1',
}));
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
