import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PurgeRegistry } from '../housekeeping/purge-registry';
import { WebAuthnChallengeEntity } from './webauthn-challenge.entity';

/** Ceremonies that expired or were used more than a day ago. */
@Injectable()
export class WebAuthnChallengesPurge implements OnModuleInit {
  constructor(
    @InjectRepository(WebAuthnChallengeEntity) private readonly ceremonies: Repository<WebAuthnChallengeEntity>,
    private readonly registry: PurgeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('webauthn_challenges', (cutoff) => this.registry.deleteInBatches(this.ceremonies, 'expires_at < :cutoff OR consumed_at < :cutoff', cutoff));
  }
}
