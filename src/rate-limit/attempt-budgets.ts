import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { Db, TransactionHost } from '../database/transactions';
import { RateLimitStore } from './rate-limit.store';

/**
 * A counter column on one row: `attempts` of a challenge, an emailed code or a ticket, the
 * failure count of an account. `where` names the row and may add conditions that make it
 * unusable (`consumed_at IS NULL AND expires_at > :now`).
 */
export interface RowCounter<E extends ObjectLiteral> {
  entity: EntityTarget<E>;
  /** Entity property of the counter (TypeORM's `set` takes properties) and its column. */
  property: keyof E & string;
  column: string;
  limit: number;
  where: string;
  params: Record<string, unknown>;
}

export type WindowReservation = { ok: true; release(): Promise<void> } | { ok: false; retryAfterSeconds: number };

/**
 * The one place attempt limits are taken from. Every limit is *reserved before the check*:
 * a conditional `UPDATE … SET n = n + 1 WHERE … AND n < limit` on the row (or an atomic
 * reservation in the shared window store for per-address limits), and only a request that got
 * a reservation may look at the secret. Read-then-count would let a burst of concurrent guesses
 * all pass the read before any count lands (MariaDB shows it; SQLite's synchronous driver hides it).
 * A reservation is given back when the attempt turns out not to be a guess (nothing to check,
 * lost to a concurrent success) or where the contract says a success resets the count.
 */
@Injectable()
export class AttemptBudgets {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: RateLimitStore,
    private readonly tx: TransactionHost<Db>,
  ) {}

  private readonly inCallersTransaction = new AsyncLocalStorage<true>();

  /**
   * Row reservations made while `work` runs go into the caller's open transaction instead of
   * committing on their own. Only for a caller that COMMITS when the check fails (a wrong code
   * must stay counted) and rolls back only when the attempt was no guess: CodeVerifier, so a
   * second-factor check costs one commit. The row lock a reservation takes makes concurrent
   * checks of the same row wait for that commit, then re-read the count, so the limit holds.
   * Everywhere else a reservation commits at once, whatever transaction is open around it.
   */
  countInTransaction<T>(work: () => Promise<T>): Promise<T> {
    if (!this.tx.isTransactionActive()) throw new Error('countInTransaction needs an open transaction');
    return this.inCallersTransaction.run(true, work);
  }

  private manager(em?: EntityManager): EntityManager {
    return em ?? (this.inCallersTransaction.getStore() ? this.tx.tx : this.dataSource.manager);
  }

  /** Takes one attempt on the row; false when the row is at its limit, unusable or absent. */
  async reserve<E extends ObjectLiteral>(c: RowCounter<E>, em?: EntityManager): Promise<boolean> {
    const res = await this.manager(em)
      .createQueryBuilder()
      .update(c.entity)
      .set({ [c.property]: () => `${c.column} + 1` } as never)
      .where(`${c.where} AND ${c.column} < :attemptLimit`, { ...c.params, attemptLimit: c.limit })
      .execute();
    return res.affected === 1;
  }

  /** Gives one attempt back (never below zero). */
  async release<E extends ObjectLiteral>(c: Pick<RowCounter<E>, 'entity' | 'property' | 'column' | 'where' | 'params'>, em?: EntityManager): Promise<void> {
    await this.manager(em)
      .createQueryBuilder()
      .update(c.entity)
      .set({ [c.property]: () => `${c.column} - 1` } as never)
      .where(`${c.where} AND ${c.column} > 0`, c.params)
      .execute();
  }

  /** Per-key sliding window (failed logins per address): reserve one of `limit` slots. */
  async reserveWindow(key: string, limit: number, windowMs: number): Promise<WindowReservation> {
    const r = await this.store.reserve(key, windowMs, limit);
    if ('retryAtMs' in r) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((r.retryAtMs - Date.now()) / 1000)) };
    return { ok: true, release: () => this.store.release(key, r.id) };
  }
}
