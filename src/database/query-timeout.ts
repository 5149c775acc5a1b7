import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, EntitySubscriberInterface } from 'typeorm';
import { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { queryTimeoutConfig } from './query-timeout.config';

/** mysql2's error for a query that got no answer within its `timeout`. */
export const QUERY_TIMEOUT_CODE = 'PROTOCOL_SEQUENCE_TIMEOUT';

/**
 * The per-query timeout of MySQL/MariaDB, which TypeORM passes to mysql2 as each query's
 * `timeout` when the options have `enableQueryTimeout` and `maxQueryExecutionTime` (see
 * `queryTimeoutOptions`). Two gaps of that mechanism are closed here:
 *
 * - mysql2 rejects the timed-out query but keeps the connection, with the query still its
 *   current command: the pool would hand it out again and the next query (TypeORM's ROLLBACK,
 *   or another request's) would queue behind it with no timer of its own — the very hang the
 *   timeout should prevent. So a timed-out query's connection is destroyed (afterQuery hook).
 * - Boot-time migrations may legitimately run long (an index on a big table): the timeout is
 *   switched on only once they have run (onModuleInit comes after the DataSource initialised).
 */
@Injectable()
export class QueryTimeout implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(queryTimeoutConfig.KEY) private readonly config: ConfigType<typeof queryTimeoutConfig>,
  ) {}

  get applies(): boolean {
    return isMysql(this.dataSource.options) && this.config.ms > 0;
  }

  onModuleInit(): void {
    if (!this.applies) return;
    this.dataSource.subscribers.push(this);
    // The driver keeps its own copy of the options and reads this flag on every query.
    (this.dataSource.driver.options as { enableQueryTimeout?: boolean }).enableQueryTimeout = true;
  }

  afterQuery(event: AfterQueryEvent): void {
    if (event.success || !isQueryTimeout(event.error)) return;
    const connection = (event.queryRunner as { databaseConnection?: { destroy?: () => void } }).databaseConnection;
    connection?.destroy?.();
    this.logger.warn(`a query got no answer within ${this.config.ms} ms: its connection was dropped`);
  }
}

function isMysql(options: DataSourceOptions): boolean {
  return options.type === 'mysql' || options.type === 'mariadb';
}

export function isQueryTimeout(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } } | undefined;
  return (err?.code ?? err?.driverError?.code) === QUERY_TIMEOUT_CODE;
}

/**
 * DataSource options for the timeout: the bound, but not yet enforced (QueryTimeout turns it on
 * after the boot's migrations). `maxQueryExecutionTime` alone would only log slow queries.
 */
export function queryTimeoutOptions(url: string, ms: number): Partial<DataSourceOptions> {
  if (!/^(mysql|mariadb):/.test(url) || ms <= 0) return {};
  return { maxQueryExecutionTime: ms, enableQueryTimeout: false } as Partial<DataSourceOptions>;
}
