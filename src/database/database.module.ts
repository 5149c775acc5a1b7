import { Global, Logger, Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { TypeOrmModule, TypeOrmModuleOptions } from '@nestjs/typeorm';
import { AbstractLogger, LogLevel, LogMessage } from 'typeorm';
import { databaseConfig } from '../config/database.config';
import { dataSourceOptions } from './data-source';
import { QueryCounter } from './query-counter';
import { TransactionRunner } from './transaction-runner';

/** Forwards SQL to the counter (tests measure statement counts); never logs parameters. */
class CountingLogger extends AbstractLogger {
  private readonly nestLogger = new Logger('Database');
  protected writeLog(level: LogLevel, message: LogMessage | string | number | (LogMessage | string | number)[]): void {
    for (const m of (Array.isArray(message) ? message : [message]) as LogMessage[]) {
      if (m.type === 'query') QueryCounter.record(String(m.message));
      else if (level === 'warn' || level === 'error') this.nestLogger.warn(String(m.type ?? level));
    }
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (db: ConfigType<typeof databaseConfig>): TypeOrmModuleOptions => ({
        ...dataSourceOptions(db.url),
        migrationsRun: true,
        // Migrations of one boot run in one transaction each, so a failed one leaves nothing behind.
        migrationsTransactionMode: 'each',
        logging: db.logging ? ['query'] : false,
        logger: db.logging ? new CountingLogger(['query']) : undefined,
      }) as TypeOrmModuleOptions,
    }),
  ],
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}
