import { registerAs } from '@nestjs/config';
import { join } from 'node:path';

export const databaseConfig = registerAs('database', () => ({
  url: process.env.DATABASE_URL || `sqlite:${join(process.env.DATA_DIR || 'data', 'app.sqlite')}`,
  /** Tests count statements through this hook; off otherwise. */
  logging: process.env.DB_LOG === '1',
}));
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
