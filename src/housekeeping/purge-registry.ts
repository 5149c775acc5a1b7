import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ObjectLiteral, Repository } from 'typeorm';
import { housekeepingConfig } from './housekeeping.config';

/** Deletes the rows of one table that ended before `cutoff`; returns how many it deleted. */
export type Purge = (cutoff: Date) => Promise<number>;

/**
 * Where each feature declares how to purge the tables it owns. Housekeeping knows no feature:
 * a feature's `*.purge.ts` provider registers itself here on module init, and the
 * HousekeepingService runs whatever is registered.
 */
@Injectable()
export class PurgeRegistry {
  private readonly purges = new Map<string, Purge>();

  constructor(@Inject(housekeepingConfig.KEY) private readonly config: ConfigType<typeof housekeepingConfig>) {}

  register(name: string, purge: Purge): void {
    if (this.purges.has(name)) throw new Error(`purge "${name}" is registered twice`);
    this.purges.set(name, purge);
  }

  entries(): Array<[string, Purge]> {
    return [...this.purges.entries()];
  }

  /**
   * The shared way to delete: `where` (raw column names, `:cutoff` bound) selects rows that
   * are over for good, so deleting them is idempotent and never races a request (no request
   * touches a row that ended a day ago) nor another instance doing the same (the second DELETE
   * finds nothing). Bounded batches: a SELECT of ids, then a DELETE of those ids that re-checks
   * `where`; each statement is short and locks only the rows it deletes (by primary key), so a
   * backlog never holds a long lock. (`DELETE … LIMIT` is not portable: SQLite lacks it.)
   */
  async deleteInBatches<T extends ObjectLiteral>(repo: Repository<T>, where: string, cutoff: Date): Promise<number> {
    const { batchSize, maxBatchesPerPass } = this.config;
    let deleted = 0;
    for (let batch = 0; batch < maxBatchesPerPass; batch++) {
      const rows = await repo.createQueryBuilder('t').select('t.id', 'id').where(`(${where})`, { cutoff }).limit(batchSize).getRawMany<{ id: string }>();
      if (rows.length === 0) break;
      const result = await repo
        .createQueryBuilder()
        .delete()
        .where('id IN (:...ids)', { ids: rows.map((r) => r.id) })
        .andWhere(`(${where})`, { cutoff })
        .execute();
      deleted += result.affected ?? 0;
      if (rows.length < batchSize) break;
    }
    return deleted;
  }
}
