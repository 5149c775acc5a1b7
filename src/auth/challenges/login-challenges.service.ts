import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Db, TransactionHost } from '../../database/transactions';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { AttemptBudgets, RowCounter } from '../../rate-limit/attempt-budgets';
import { AuthError, ChallengeEnd } from '../auth.errors';
import { LoginChallengeEntity } from './login-challenge.entity';
import { PendingAction } from '../login/login-outcome';

const TTL_MS = 5 * 60 * 1000;
/** Wrong codes a challenge takes; the next answer is CODE_EXPIRED (reason TOO_MANY_TRIES). */
export const CHALLENGE_MAX_TRIES = 5;
const MAX_TRIES = CHALLENGE_MAX_TRIES;

@Injectable()
export class LoginChallengesService {
  constructor(
    @InjectRepository(LoginChallengeEntity) private readonly challenges: Repository<LoginChallengeEntity>,
    private readonly budgets: AttemptBudgets,
    private readonly tx: TransactionHost<Db>,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, event: string, eventDetail: string | null, pending: PendingAction | null, methods: readonly string[]): Promise<{ token: string; challenge: LoginChallengeEntity }> {
    const token = randomToken(32);
    const now = this.clock.now();
    const challenge = this.challenges.create({
      id: randomUUID(),
      userId,
      tokenHash: sha256(token),
      event,
      eventDetail,
      pendingAction: pending ? JSON.stringify(pending) : null,
      attempts: 0,
      methods: methods.join(','),
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
    const end = this.endOf(c);
    if (end) throw AuthError.challengeExpired(end);
    return c;
  }

  /** Why a challenge can't be answered any more, or null while it can. */
  private endOf(c: LoginChallengeEntity): ChallengeEnd | null {
    if (c.consumedAt) return ChallengeEnd.SIGN_IN_ENDED;
    if (c.attempts >= MAX_TRIES) return ChallengeEnd.TOO_MANY_TRIES;
    if (c.expiresAt.getTime() <= this.clock.ms()) return ChallengeEnd.SIGN_IN_EXPIRED;
    return null;
  }

  /** The wrong codes the challenge still takes (a read: tries in flight count as taken). */
  async triesLeft(id: string): Promise<number> {
    const c = await this.challenges.findOneBy({ id });
    return c && !this.endOf(c) ? MAX_TRIES - c.attempts : 0;
  }

  private tries(id: string): RowCounter<LoginChallengeEntity> {
    return { entity: LoginChallengeEntity, property: 'attempts', column: 'attempts', limit: MAX_TRIES, where: 'id = :id AND consumed_at IS NULL AND expires_at > :now', params: { id, now: this.clock.now() } };
  }

  /** Whether the challenge offers `method` (a reset challenge never offers EMAIL). */
  offers(challenge: LoginChallengeEntity, method: string): boolean {
    return challenge.methods === null || challenge.methods.split(',').includes(method);
  }

  /**
   * Takes one of the challenge's 5 tries before the code is looked at; none left (or used,
   * expired): CODE_EXPIRED. A wrong code keeps it, so the challenge is dead after 5.
   */
  async reserveTry(id: string): Promise<void> {
    if (await this.budgets.reserve(this.tries(id))) return;
    // Why not: told apart after the fact (the reservation already decided); read in the caller's
    // transaction when there is one (CodeVerifier's reservation runs nothing outside it).
    const c = await this.tx.tx.getRepository(LoginChallengeEntity).findOneBy({ id });
    throw AuthError.challengeExpired((c && this.endOf(c)) ?? ChallengeEnd.TOO_MANY_TRIES);
  }

  /** The try was no guess (locked account, lost to a concurrent success): give it back. */
  async releaseTry(id: string): Promise<void> {
    await this.budgets.release({ ...this.tries(id), where: 'id = :id', params: { id } });
  }

  /** Password change or reset, admin reset: no pending challenge of the account survives. */
  async voidAllForUser(userId: string): Promise<void> {
    await this.tx.tx.getRepository(LoginChallengeEntity).update({ userId, consumedAt: IsNull() }, { consumedAt: this.clock.now() });
  }

  /** Single use: one conditional UPDATE decides between concurrent successes. */
  async consume(id: string): Promise<void> {
    const res = await this.tx.tx.getRepository(LoginChallengeEntity).update({ id, consumedAt: IsNull() }, { consumedAt: this.clock.now() });
    if (res.affected !== 1) throw AuthError.challengeExpired(ChallengeEnd.SIGN_IN_ENDED);
  }
}
