import { DataSource } from 'typeorm';
import { databaseConfig } from './src/config/database.config';
import { dataSourceOptions } from './src/database/data-source';

/** The DataSource the TypeORM CLI uses (npm run migration:generate / migration:run). */
export default new DataSource(dataSourceOptions(databaseConfig().url));
