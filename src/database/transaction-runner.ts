import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * `dataSource.transaction` for every database. MySQL/MariaDB get a pooled connection per
 * transaction as usual. TypeORM's better-sqlite3 driver has ONE query runner for everything, so
 * on SQLite (1) transactions run one at a time (two would nest into each other's savepoints) and
 * (2) while one is open, a query of any other request waits until it ends: otherwise that query
 * would run inside the open transaction and vanish with its rollback — e.g. an attempt counted
 * by one request undone by another request's wrong code. The transaction's own queries are told
 * apart by an AsyncLocalStorage mark set around its work.
 */
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;
  private readonly inTx = new AsyncLocalStorage<symbol>();
  private owner: symbol | null = null;
  private ended: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type === 'better-sqlite3';
    if (this.serial) this.guardSharedRunner(dataSource.createQueryRunner());
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.exclusive(work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async exclusive<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const mark = Symbol('tx');
    let end!: () => void;
    this.ended = new Promise<void>((resolve) => (end = resolve));
    this.owner = mark;
    try {
      return await this.inTx.run(mark, () => this.dataSource.transaction(work));
    } finally {
      this.owner = null;
      end();
    }
  }

  /** Queries from outside the open transaction wait for its end (SQLite only). */
  private guardSharedRunner(runner: QueryRunner): void {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as { query: unknown }).query = async (...args: unknown[]) => {
      while (this.owner && this.inTx.getStore() !== this.owner) await this.ended;
      return query(...args);
    };
  }
}
