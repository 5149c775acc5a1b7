import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { AuthError } from './auth.errors';
import { LoginChallengeEntity } from './login-challenge.entity';
import { PendingAction } from './login-outcome';

const TTL_MS = 5 * 60 * 1000;
const MAX_TRIES = 5;

@Injectable()
export class LoginChallengesService {
  constructor(@InjectRepository(LoginChallengeEntity) private readonly challenges: Repository<LoginChallengeEntity>) {}

  async create(userId: string, event: string, eventDetail: string | null, pending: PendingAction | null): Promise<{ token: string; challenge: LoginChallengeEntity }> {
    const token = randomToken(32);
    const now = new Date();
    const challenge = this.challenges.create({
      id: randomUUID(),
      userId,
      tokenHash: sha256(token),
      event,
      eventDetail,
      pendingAction: pending ? JSON.stringify(pending) : null,
      attempts: 0,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TTL_MS),
      consumedAt: null,
    });
    await this.challenges.insert(challenge);
    return { token, challenge };
  }

  /** The live challenge a token names. Unknown: UNAUTHENTICATED; used, dead or expired: CODE_EXPIRED. */
  async live(token: string): Promise<LoginChallengeEntity> {
    const c = token && token.length <= 128 ? await this.challenges.findOneBy({ tokenHash: sha256(token) }) : null;
    if (!c) throw AuthError.challengeInvalid();
    if (c.consumedAt || c.expiresAt.getTime() <= Date.now()) throw AuthError.challengeExpired();
    return c;
  }

  /** A wrong code on this challenge; the 5th kills it. */
  async recordWrongTry(id: string): Promise<void> {
    await this.challenges.createQueryBuilder().update().set({ attempts: () => 'attempts + 1' }).where('id = :id', { id }).execute();
    await this.challenges
      .createQueryBuilder()
      .update()
      .set({ consumedAt: new Date() })
      .where('id = :id AND attempts >= :max AND consumed_at IS NULL', { id, max: MAX_TRIES })
      .execute();
  }

  /** Single use: one conditional UPDATE decides between concurrent successes. */
  async consume(id: string, em: EntityManager): Promise<void> {
    const res = await em.getRepository(LoginChallengeEntity).update({ id, consumedAt: IsNull() }, { consumedAt: new Date() });
    if (res.affected !== 1) throw AuthError.challengeExpired();
  }
}
