import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PurgeRegistry } from '../housekeeping/purge-registry';
import { EmailCodeEntity } from './email-code.entity';

/** Emailed codes that expired or were used (or superseded, or died) more than a day ago. */
@Injectable()
export class EmailCodesPurge implements OnModuleInit {
  constructor(
    @InjectRepository(EmailCodeEntity) private readonly codes: Repository<EmailCodeEntity>,
    private readonly registry: PurgeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('email_codes', (cutoff) => this.registry.deleteInBatches(this.codes, 'expires_at < :cutoff OR consumed_at < :cutoff', cutoff));
  }
}
