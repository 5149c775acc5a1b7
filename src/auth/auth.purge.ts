import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PurgeRegistry } from '../housekeeping/purge-registry';
import { LoginChallengeEntity } from './challenges/login-challenge.entity';
import { SessionEntity } from './sessions/session.entity';

/**
 * Login challenges that expired or were used, and sessions that ended (expired or revoked),
 * more than a day ago. A deleted session's token finds no row: UNAUTHENTICATED, as before.
 */
@Injectable()
export class AuthPurge implements OnModuleInit {
  constructor(
    @InjectRepository(LoginChallengeEntity) private readonly challenges: Repository<LoginChallengeEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly registry: PurgeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('login_challenges', (cutoff) => this.registry.deleteInBatches(this.challenges, 'expires_at < :cutoff OR consumed_at < :cutoff', cutoff));
    this.registry.register('sessions', (cutoff) => this.registry.deleteInBatches(this.sessions, 'expires_at < :cutoff OR revoked_at < :cutoff', cutoff));
  }
}
