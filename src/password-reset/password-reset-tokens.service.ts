import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { randomToken, sha256 } from '../common/crypto/tokens';
import { Db, TransactionHost } from '../database/transactions';
import { PasswordResetTokenEntity, ResetTokenKind } from './password-reset-token.entity';

export const TOKEN_TTL_MS: Record<ResetTokenKind, number> = {
  [ResetTokenKind.RESET]: 30 * 60_000,
  [ResetTokenKind.INVITE]: 72 * 3600_000,
};
/** At most one reset mail per account per minute from the public form. */
export const RESET_MAIL_INTERVAL_MS = 60_000;

/**
 * Set-password links: one row per account (see the entity). Issuing, throttling and consuming are
 * each one statement whose condition decides, so concurrent requests cannot both win.
 */
@Injectable()
export class PasswordResetTokensService {
  constructor(
    private readonly tx: TransactionHost<Db>,
    private readonly clock: Clock,
  ) {}

  private get repo(): Repository<PasswordResetTokenEntity> {
    return this.tx.tx.getRepository(PasswordResetTokenEntity);
  }

  /**
   * A new link for the account, replacing (voiding) its previous one. `throttled`: only when the
   * previous one was issued at least 60 s ago, else null (the reservation comes before any mail).
   */
  async issue(userId: string, kind: ResetTokenKind, opts: { throttled: boolean }): Promise<string | null> {
    // The account's row, created unusable the first time (idempotent under concurrency).
    await this.repo
      .createQueryBuilder()
      .insert()
      .into(PasswordResetTokenEntity)
      .values({ id: randomUUID(), userId, tokenHash: sha256(randomToken(32)), kind, issuedAt: new Date(0), expiresAt: new Date(0), consumedAt: new Date(0) })
      .orIgnore()
      .execute();
    const token = randomToken(32);
    const now = this.clock.now();
    const qb = this.repo
      .createQueryBuilder()
      .update(PasswordResetTokenEntity)
      .set({ tokenHash: sha256(token), kind, issuedAt: now, expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[kind]), consumedAt: null })
      .where('user_id = :userId', { userId });
    if (opts.throttled) qb.andWhere('issued_at <= :cutoff', { cutoff: new Date(now.getTime() - RESET_MAIL_INTERVAL_MS) });
    const res = await qb.execute();
    return res.affected === 1 ? token : null;
  }

  /** The live row a token names (unused, not expired, not replaced), or null. Uses nothing up. */
  async findLive(token: string): Promise<PasswordResetTokenEntity | null> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 128) return null;
    const row = await this.repo.findOneBy({ tokenHash: sha256(token) });
    if (!row || row.consumedAt || row.expiresAt.getTime() <= this.clock.ms()) return null;
    return row;
  }

  /** Single use: the first caller wins, in the caller's transaction (the one that sets the password). */
  async consume(row: Pick<PasswordResetTokenEntity, 'id' | 'userId' | 'tokenHash'>): Promise<boolean> {
    const now = this.clock.now();
    const res = await this.repo
      .createQueryBuilder()
      .update(PasswordResetTokenEntity)
      .set({ consumedAt: now })
      .where('id = :id AND user_id = :userId AND token_hash = :hash AND consumed_at IS NULL AND expires_at > :now', { id: row.id, userId: row.userId, hash: row.tokenHash, now })
      .execute();
    return res.affected === 1;
  }

  /**
   * A password change, a password reset, an admin 2FA reset or a deactivation: an outstanding
   * reset link must not outlive it. Invitations are left alone (an invited account has no
   * password to change).
   */
  async voidResetLinks(userId: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .update(PasswordResetTokenEntity)
      .set({ consumedAt: this.clock.now() })
      .where('user_id = :userId AND kind = :kind AND consumed_at IS NULL', { userId, kind: ResetTokenKind.RESET })
      .execute();
  }
}
