import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { Db, TransactionHost } from './transactions';

type Job = () => Promise<void>;
const JOBS = Symbol('afterCommitJobs');
const logger = new Logger('AfterCommit');

function take(qr: QueryRunner): Job[] {
  const data = qr.data as Record<symbol, Job[] | undefined>;
  const jobs = data[JOBS] ?? [];
  delete data[JOBS];
  return jobs;
}

function start(jobs: Job[]): void {
  for (const job of jobs) {
    job().catch((e: Error) => logger.error(`after-commit job failed: ${e?.message ?? e}`));
  }
}

/**
 * Runs a job once the call's transaction has committed, and never if it rolls back: a
 * notification about a change must not go out for a change that did not happen. Outside a
 * transaction the job starts at once. Jobs are not awaited by the commit (a slow SMTP server
 * must not hold a database connection); failures are logged.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  constructor(
    private readonly tx: TransactionHost<Db>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  run(job: Job): void {
    const qr = this.tx.isTransactionActive() ? this.tx.tx.queryRunner : undefined;
    if (!qr?.isTransactionActive) return start([job]);
    const data = qr.data as Record<symbol, Job[] | undefined>;
    (data[JOBS] ??= []).push(job);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also "commits": wait for the outermost transaction.
    if (event.queryRunner.isTransactionActive) return;
    start(take(event.queryRunner));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    take(event.queryRunner);
  }
}
