import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PurgeRegistry } from '../housekeeping/purge-registry';
import { SsoFlowEntity } from './sso-flow.entity';
import { SsoTicketEntity } from './sso-ticket.entity';

/** SSO tickets and flows (authorization requests) that expired or were used more than a day ago. */
@Injectable()
export class SsoPurge implements OnModuleInit {
  constructor(
    @InjectRepository(SsoTicketEntity) private readonly tickets: Repository<SsoTicketEntity>,
    @InjectRepository(SsoFlowEntity) private readonly flows: Repository<SsoFlowEntity>,
    private readonly registry: PurgeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('sso_tickets', (cutoff) => this.registry.deleteInBatches(this.tickets, 'expires_at < :cutoff OR consumed_at < :cutoff', cutoff));
    this.registry.register('sso_flows', (cutoff) => this.registry.deleteInBatches(this.flows, 'expires_at < :cutoff OR consumed_at < :cutoff', cutoff));
  }
}
