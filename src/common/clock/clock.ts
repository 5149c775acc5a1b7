import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The time services decide by (expiries, locks, windows). Injected, so the service tests can
 * move it instead of writing old timestamps into the tables.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  ms(): number {
    return this.now().getTime();
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
