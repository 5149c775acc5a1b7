import { Logger } from '@nestjs/common';
import { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

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
 * Runs `job` once the transaction of `em` has committed, and never if it rolls back: a
 * notification about a change must not go out for a change that did not happen. Outside a
 * transaction the job starts at once. Jobs are not awaited by the commit (a slow SMTP server
 * must not hold a database connection); failures are logged.
 */
export function afterCommit(em: EntityManager, job: Job): void {
  const qr = em.queryRunner;
  if (!qr?.isTransactionActive) return start([job]);
  const data = qr.data as Record<symbol, Job[] | undefined>;
  (data[JOBS] ??= []).push(job);
}

/** Registered on the DataSource by SsoModule. */
export class AfterCommitSubscriber implements EntitySubscriberInterface {
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
