import { registerAs } from '@nestjs/config';

export const DEFAULT_HOUSEKEEPING_INTERVAL_SECONDS = 3600;

/** HOUSEKEEPING_INTERVAL_SECONDS: how often ended rows are purged; 0 turns the schedule off. */
export const housekeepingConfig = registerAs('housekeeping', () => {
  const raw = process.env.HOUSEKEEPING_INTERVAL_SECONDS;
  return {
    intervalSeconds: raw === undefined || raw === '' ? DEFAULT_HOUSEKEEPING_INTERVAL_SECONDS : Number(raw),
    /** Rows are kept this long after they ended (expired, used, revoked): enough to look into an incident of the day. */
    retentionMs: 24 * 60 * 60 * 1000,
    /** Rows per DELETE, and DELETEs per table and pass: short statements, short locks; a backlog takes several passes. */
    batchSize: 500,
    maxBatchesPerPass: 200,
  };
});
export type HousekeepingConfig = ReturnType<typeof housekeepingConfig>;
