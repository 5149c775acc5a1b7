import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { housekeepingConfig } from './housekeeping.config';
import { HousekeepingService } from './housekeeping.service';
import { PurgeRegistry } from './purge-registry';

/**
 * Periodic purge of rows that ended (codes, challenges, tickets, flows, sessions). Global, like
 * the database, so each feature can register the purge of its own tables without importing
 * this module; it imports no feature.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(housekeepingConfig)],
  providers: [PurgeRegistry, HousekeepingService],
  exports: [PurgeRegistry, HousekeepingService],
})
export class HousekeepingModule {}
