import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source';

/** The DataSource the TypeORM CLI uses (npm run migration:generate / migration:run). */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL || `sqlite:${join(process.env.DATA_DIR || 'data', 'app.sqlite')}`),
);
