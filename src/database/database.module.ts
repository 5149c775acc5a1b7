import { Global, Logger, Module } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { ClsModule } from 'nestjs-cls';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import { dataSourceOptions } from './data-source';
import { QueryCounter } from './query-counter';
import { QueryTimeout, queryTimeoutOptions } from './query-timeout';
import { queryTimeoutConfig } from './query-timeout.config';
import { AfterCommit } from './after-commit';
import { SerializedTypeOrmAdapter } from './transactions';

/**
 * TypeORM's log output, always through the app's logger: never SQL parameters (they hold hashes
 * and secrets), never TypeORM's own console output (slow queries would print parameters there).
 * With DB_LOG=1 statements are counted (tests bound N+1 queries).
 */
class DatabaseLogger extends AbstractLogger {
  private readonly nestLogger = new Logger('Database');
  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    for (const m of (Array.isArray(message) ? message : [message]) as LogMessage[]) {
      if (m.type === 'query') QueryCounter.record(String(m.message));
      else if (m.type === 'query-slow') this.nestLogger.warn(`slow query: ${Number(m.additionalInfo?.time)} ms`);
      else if (m.type === 'migration') this.nestLogger.log(String(m.message));
      else if (level === 'warn' || level === 'error') this.nestLogger.warn(String(m.type ?? level));
    }
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(queryTimeoutConfig)],
      inject: [databaseConfig.KEY, queryTimeoutConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>, timeout: ConfigType<typeof queryTimeoutConfig>): TypeOrmModuleOptions => ({
        ...dataSourceOptions(db.url, queryTimeoutOptions(db.url, timeout.ms)),
        migrationsRun: true,
        // Migrations of one boot run in one transaction each, so a failed one leaves nothing behind.
        migrationsTransactionMode: 'each',
        logging: db.logging ? ['query'] : false,
        logger: new DatabaseLogger(db.logging ? ['query'] : false),
      }) as TypeOrmModuleOptions,
    }),
    ConfigModule.forFeature(queryTimeoutConfig),
    // Transactions bound to the call: TransactionHost<Db> anywhere, @Transactional() on orchestrators.
    ClsModule.forRoot({
      global: true,
      plugins: [new ClsPluginTransactional({ adapter: new SerializedTypeOrmAdapter({ dataSourceToken: getDataSourceToken() }) })],
    }),
  ],
  providers: [QueryTimeout, AfterCommit],
  exports: [AfterCommit],
})
export class DatabaseModule {}
