import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { housekeepingConfig } from './housekeeping.config';
import { PurgeRegistry } from './purge-registry';

export interface PurgeReport {
  cutoff: Date;
  /** Rows deleted per registered purge; a purge that failed is absent (and logged). */
  deleted: Record<string, number>;
  failed: string[];
}

/**
 * Runs the registered purges every HOUSEKEEPING_INTERVAL_SECONDS (0: never; `runOnce` still
 * works). A plain timer owned by this service, not @nestjs/schedule: one interval, set from
 * config at boot, needs no cron machinery or extra dependency.
 *
 * Several instances: each runs its own timer, with no lease. The purges are idempotent,
 * bounded DELETEs of rows that ended a day ago (see PurgeRegistry.deleteInBatches), so two
 * instances purging at once only repeat a cheap SELECT; the first pass of each instance is
 * delayed by a random part of the interval, so instances started together spread out.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PurgeReport> | null = null;
  private stopping = false;

  constructor(
    private readonly registry: PurgeRegistry,
    @Inject(housekeepingConfig.KEY) private readonly config: ConfigType<typeof housekeepingConfig>,
  ) {}

  /** After every module's onModuleInit, so every purge has registered before the first pass. */
  onApplicationBootstrap(): void {
    const intervalMs = this.config.intervalSeconds * 1000;
    if (intervalMs <= 0) return;
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.runOnce().finally(() => !this.stopping && tick());
      }, intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(() => {
      void this.runOnce().finally(() => !this.stopping && tick());
    }, Math.floor(Math.random() * intervalMs));
    this.timer.unref();
  }

  /** Before the database pool closes (onApplicationShutdown): no new pass, the current one ends. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One pass over every registered purge; a pass already running is joined, not doubled. */
  runOnce(now = new Date()): Promise<PurgeReport> {
    this.running ??= this.pass(now).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(now: Date): Promise<PurgeReport> {
    const cutoff = new Date(now.getTime() - this.config.retentionMs);
    const report: PurgeReport = { cutoff, deleted: {}, failed: [] };
    for (const [name, purge] of this.registry.entries()) {
      if (this.stopping) break;
      try {
        report.deleted[name] = await purge(cutoff);
      } catch (e) {
        // The next pass retries; the message only (a driver error's first line, never parameters).
        report.failed.push(name);
        this.logger.warn(`purge of ${name} failed: ${(e as Error)?.message?.split('\n')[0]?.slice(0, 200)}`);
      }
    }
    const total = Object.values(report.deleted).reduce((a, b) => a + b, 0);
    if (total > 0) this.logger.log(`purged ${total} ended rows: ${JSON.stringify(report.deleted)}`);
    return report;
  }
}
