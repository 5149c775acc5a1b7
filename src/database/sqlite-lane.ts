import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver has ONE query runner for everything, so on SQLite (1)
 * transactions run one at a time (two would nest into each other's savepoints) and (2) while one
 * is open, a query of any other call waits until it ends: otherwise that query would run inside
 * the open transaction and vanish with its rollback — e.g. an attempt counted by one request
 * undone by another request's wrong code. The transaction's own queries are told apart by an
 * AsyncLocalStorage mark set around its work. MySQL/MariaDB need none of this (a pooled
 * connection per transaction).
 */
export class SqliteLane {
  private static readonly lanes = new WeakMap<DataSource, SqliteLane>();
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTx = new AsyncLocalStorage<symbol>();
  private owner: symbol | null = null;
  private ended: Promise<void> = Promise.resolve();

  /** The lane of a SQLite data source (made once), or null for other databases. */
  static of(dataSource: DataSource): SqliteLane | null {
    if (dataSource.options.type !== 'better-sqlite3') return null;
    let lane = SqliteLane.lanes.get(dataSource);
    if (!lane) {
      lane = new SqliteLane(dataSource.createQueryRunner());
      SqliteLane.lanes.set(dataSource, lane);
    }
    return lane;
  }

  private constructor(runner: QueryRunner) {
    const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    (runner as { query: unknown }).query = async (...args: unknown[]) => {
      while (this.owner && this.inTx.getStore() !== this.owner) await this.ended;
      return query(...args);
    };
  }

  /** Runs `transaction` (which opens and ends one transaction) after the ones before it. */
  run<T>(transaction: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => this.exclusive(transaction));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async exclusive<T>(transaction: () => Promise<T>): Promise<T> {
    const mark = Symbol('tx');
    let end!: () => void;
    this.ended = new Promise<void>((resolve) => (end = resolve));
    this.owner = mark;
    try {
      return await this.inTx.run(mark, transaction);
    } finally {
      this.owner = null;
      end();
    }
  }
}
