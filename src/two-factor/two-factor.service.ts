import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import * as QRCode from 'qrcode';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { RequestMeta } from '../common/auth/decorators';
import { CryptoService } from '../common/crypto/crypto.service';
import { randomDigits, safeEqual } from '../common/crypto/tokens';
import { tooManyAttempts } from '../common/errors/domain-error';
import { twoFactorConfig } from '../config/two-factor.config';
import { MailService } from '../mailer/mail.service';
import { AttemptBudgets, RowCounter } from '../rate-limit/attempt-budgets';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { UserEntity } from '../users/user.entity';
import { EmailCodeEntity, EmailCodePurpose } from './email-code.entity';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { TwoFactorError } from './two-factor.errors';

export interface CodeDelivery {
  sentTo: string;
  expiresAt: Date;
}
export interface TotpEnrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}
export interface CheckableState {
  row: TwoFactorSettingsEntity | null;
  email: boolean;
  totp: boolean;
}

/** One reserved try at an emailed code. */
export interface EmailCodeTry {
  id: string;
  /** INVALID_CODE when wrong, CODE_EXPIRED for a superseded code. */
  compare(code: string): Promise<void>;
  release(): Promise<void>;
}

export interface MethodsState {
  emailEnabledAt: Date | null;
  totpEnabledAt: Date | null;
  lastTwoFactorAt: Date | null;
  lockedUntil: Date | null;
}

/** j***@example.com (API.md). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***@${email.slice(at + 1)}`;
}

const PURPOSE_TEXT: Record<EmailCodePurpose, string> = {
  [EmailCodePurpose.SETUP]: 'Use this code to turn on two-factor authentication by email:',
  [EmailCodePurpose.LOGIN]: 'Use this code to finish signing in:',
  [EmailCodePurpose.REAUTH]: 'Use this code to confirm your identity:',
};

/**
 * The email and authenticator-app factors: enrol, confirm, verify, turn off, and the account's
 * failure count and lock. It never issues sessions and knows nothing of backup codes.
 */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger(TwoFactorService.name);

  constructor(
    @InjectRepository(TwoFactorSettingsEntity) private readonly settings: Repository<TwoFactorSettingsEntity>,
    @InjectRepository(EmailCodeEntity) private readonly codes: Repository<EmailCodeEntity>,
    private readonly tx: TransactionRunner,
    @Inject(twoFactorConfig.KEY) private readonly config: ConfigType<typeof twoFactorConfig>,
    private readonly crypto: CryptoService,
    private readonly mail: MailService,
    private readonly events: SecurityEventsService,
    private readonly budgets: AttemptBudgets,
  ) {}

  // ---- state ---------------------------------------------------------------------------------

  private async row(userId: string, em?: EntityManager): Promise<TwoFactorSettingsEntity> {
    const repo = em ? em.getRepository(TwoFactorSettingsEntity) : this.settings;
    const found = await repo.findOneBy({ userId });
    if (found) return found;
    const fresh = repo.create({
      userId, emailEnabledAt: null, totpSecret: null, totpEnabledAt: null, totpPendingSecret: null,
      totpLastStep: null, failedCount: 0, lockedUntil: null, lastTwoFactorAt: null, lastCodeSentAt: null,
    });
    // orIgnore: two first requests at once must not fail on the primary key.
    await repo.createQueryBuilder().insert().values(fresh).orIgnore().execute();
    return (await repo.findOneBy({ userId }))!;
  }

  async statesFor(userIds: readonly string[], em?: EntityManager): Promise<Map<string, MethodsState>> {
    const repo = em ? em.getRepository(TwoFactorSettingsEntity) : this.settings;
    const rows = userIds.length ? await repo.findBy({ userId: In([...new Set(userIds)]) }) : [];
    const map = new Map<string, MethodsState>();
    for (const r of rows) {
      map.set(r.userId, {
        emailEnabledAt: r.emailEnabledAt,
        totpEnabledAt: r.totpEnabledAt,
        lastTwoFactorAt: r.lastTwoFactorAt,
        lockedUntil: r.lockedUntil && r.lockedUntil.getTime() > Date.now() ? r.lockedUntil : null,
      });
    }
    return map;
  }

  async state(userId: string, em?: EntityManager): Promise<MethodsState> {
    return (await this.statesFor([userId], em)).get(userId) ?? { emailEnabledAt: null, totpEnabledAt: null, lastTwoFactorAt: null, lockedUntil: null };
  }

  /** EMAIL and/or TOTP, in that order. */
  async enabledMethods(userId: string, em?: EntityManager): Promise<Array<'EMAIL' | 'TOTP'>> {
    const s = await this.state(userId, em);
    return [...(s.emailEnabledAt ? (['EMAIL'] as const) : []), ...(s.totpEnabledAt ? (['TOTP'] as const) : [])];
  }

  // ---- failures and lock ------------------------------------------------------------------------

  /** TOO_MANY_ATTEMPTS while the account's code checks are locked (a read; reserves nothing). */
  async assertNotLocked(userId: string): Promise<void> {
    const r = await this.settings.findOneBy({ userId });
    this.throwIfLocked(r);
  }

  private throwIfLocked(r: TwoFactorSettingsEntity | null): void {
    const until = r?.lockedUntil?.getTime() ?? 0;
    if (until > Date.now()) throw tooManyAttempts((until - Date.now()) / 1000, 'Too many wrong codes; code checks are locked for a while');
  }

  /** Which methods are on (one read). The lock is enforced by the reservation, not here. */
  async checkableState(userId: string): Promise<CheckableState> {
    const r = await this.settings.findOneBy({ userId });
    return { row: r, email: !!r?.emailEnabledAt, totp: !!r?.totpEnabledAt };
  }

  /** The account's failure count as a budget: 10 in a row, then locked. */
  private failureCounter(userId: string, usable = 'locked_until IS NULL'): RowCounter<TwoFactorSettingsEntity> {
    return {
      entity: TwoFactorSettingsEntity,
      property: 'failedCount',
      column: 'failed_count',
      limit: this.config.failuresBeforeLock,
      where: `user_id = :userId AND ${usable}`,
      params: { userId },
    };
  }

  /**
   * Takes one of the account's code checks before the code is looked at: the count of failures
   * in a row is raised first and only given back when the check turns out not to be a guess, so
   * N concurrent wrong codes can never see more than 10 checks. TOO_MANY_ATTEMPTS while locked,
   * or while the remaining checks are all in flight.
   */
  async reserveCheck(userId: string): Promise<void> {
    if (await this.budgets.reserve(this.failureCounter(userId))) return;
    let r = await this.settings.findOneBy({ userId });
    if (!r) r = await this.row(userId); // never checked before: the row is made, then reserved
    else if (r.lockedUntil && r.lockedUntil.getTime() <= Date.now()) {
      // The lock ran out: a fresh run of 10 starts (conditional, so concurrent requests clear it once).
      await this.settings
        .createQueryBuilder()
        .update()
        .set({ lockedUntil: null, failedCount: 0 })
        .where('user_id = :userId AND locked_until <= :now', { userId, now: new Date() })
        .execute();
    }
    if (await this.budgets.reserve(this.failureCounter(userId))) return;
    r = await this.settings.findOneBy({ userId });
    this.throwIfLocked(r);
    // Every remaining check is in flight: they end as failures (and lock) or give their place back.
    throw tooManyAttempts(1, 'Too many code checks at once; try again in a moment');
  }

  /** The reserved check was not a guess (nothing to compare, lost to a concurrent success): give it back. */
  async releaseCheck(userId: string): Promise<void> {
    await this.budgets.release(this.failureCounter(userId, '1 = 1'));
  }

  /**
   * A reserved check failed: it stays counted. The 10th failure in a row (itself answered
   * INVALID_CODE) locks code checks for 15 minutes.
   */
  async recordFailure(userId: string, meta: RequestMeta, detail: string, type = SecurityEventType.TWO_FACTOR_FAILED): Promise<void> {
    await this.events.record({ userId, type, meta, detail });
    await this.lockIfSpent(userId, meta, `code checks locked for ${this.config.lockSeconds / 60} minutes`);
  }

  private async lockIfSpent(userId: string, meta: RequestMeta, detail: string): Promise<void> {
    const res = await this.settings
      .createQueryBuilder()
      .update()
      .set({ lockedUntil: new Date(Date.now() + this.config.lockSeconds * 1000) })
      .where('user_id = :userId AND failed_count >= :max AND locked_until IS NULL', { userId, max: this.config.failuresBeforeLock })
      .execute();
    if (res.affected) await this.events.record({ userId, type: SecurityEventType.ACCOUNT_LOCKED, meta, detail });
  }

  /**
   * Runs one code check under the account's budget: reserved first; a wrong code stays counted
   * (and may lock), anything else gives the reservation back. The caller resets the count on
   * success (`recordSuccess`, in its transaction).
   */
  async budgeted<T>(userId: string, meta: RequestMeta, check: () => Promise<T>): Promise<T> {
    await this.reserveCheck(userId);
    try {
      return await check();
    } catch (e) {
      if (TwoFactorError.isInvalidCode(e)) await this.recordFailure(userId, meta, e.reason);
      else await this.releaseCheck(userId);
      throw e;
    }
  }

  /** A success resets the count (API.md) and ends a lock that concurrent failures set meanwhile. */
  async recordSuccess(userId: string, em?: EntityManager): Promise<void> {
    // The row exists: a factor was just verified against it.
    const repo = em ? em.getRepository(TwoFactorSettingsEntity) : this.settings;
    await repo.update({ userId }, { failedCount: 0, lockedUntil: null, lastTwoFactorAt: new Date() });
  }

  /** Admin unlock: clears the lock and the count. Returns whether it was locked. */
  async unlock(userId: string, em?: EntityManager): Promise<boolean> {
    const repo = em ? em.getRepository(TwoFactorSettingsEntity) : this.settings;
    const r = await repo.findOneBy({ userId });
    if (!r) return false;
    const wasLocked = !!r.lockedUntil && r.lockedUntil.getTime() > Date.now();
    await repo.update({ userId }, { failedCount: 0, lockedUntil: null });
    return wasLocked;
  }

  // ---- emailed codes ----------------------------------------------------------------------------

  /**
   * Emails a fresh code. At most one per 30 s per account (TOO_MANY_ATTEMPTS); a newer code voids
   * every older live code of the same purpose. If the mail can't be sent nothing stays behind,
   * so the caller can simply retry.
   */
  async sendEmailCode(user: UserEntity, purpose: EmailCodePurpose, challengeId: string | null = null): Promise<CodeDelivery> {
    await this.assertNotLocked(user.id);
    const prev = (await this.row(user.id)).lastCodeSentAt;
    const now = new Date();
    const cutoff = new Date(now.getTime() - this.config.resendIntervalSeconds * 1000);
    // One conditional UPDATE claims the send slot, so two concurrent requests can't both send.
    const claim = await this.settings
      .createQueryBuilder()
      .update()
      .set({ lastCodeSentAt: now })
      .where('user_id = :id AND (last_code_sent_at IS NULL OR last_code_sent_at <= :cutoff)', { id: user.id, cutoff })
      .execute();
    if (!claim.affected) {
      const wait = prev ? prev.getTime() + this.config.resendIntervalSeconds * 1000 - now.getTime() : this.config.resendIntervalSeconds * 1000;
      throw tooManyAttempts(wait / 1000, 'A code was sent a moment ago; wait before asking for another');
    }
    const code = randomDigits(6);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + this.config.emailCodeTtlSeconds * 1000);
    await this.tx.run(async (em) => {
      await em.getRepository(EmailCodeEntity).update({ userId: user.id, purpose, consumedAt: IsNull() }, { consumedAt: now });
      await em.getRepository(EmailCodeEntity).insert({
        id, userId: user.id, purpose, codeHash: this.hashCode(id, code), challengeId, attempts: 0, createdAt: now, expiresAt, consumedAt: null,
      });
    });
    try {
      await this.mail.send({
        to: user.email,
        subject: purpose === EmailCodePurpose.LOGIN ? 'Your sign-in code' : 'Your verification code',
        template: 'code',
        context: { name: user.displayName, purpose: PURPOSE_TEXT[purpose], code, minutes: this.config.emailCodeTtlSeconds / 60 },
      });
    } catch (e) {
      await this.codes.delete({ id });
      await this.settings.update({ userId: user.id }, { lastCodeSentAt: prev });
      throw e;
    }
    return { sentTo: maskEmail(user.email), expiresAt };
  }

  private hashCode(id: string, code: string): string {
    return this.crypto.lookupHash(`email-code:${id}:${code}`);
  }

  /**
   * Takes one of the 5 tries of the account's live emailed code, before anything is compared;
   * CODE_EXPIRED when there is none (expired, superseded, used, out of tries: not a guess). Take
   * it outside any transaction and before the account's check, so a rollback can't give it back
   * and requests bouncing off a dead code never hold the account's checks.
   */
  async takeEmailCodeTry(userId: string, purpose: EmailCodePurpose, challengeId: string | null = null): Promise<EmailCodeTry> {
    const latest = await this.codes.findOne({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' } });
    const now = new Date();
    const live = latest && !latest.consumedAt && latest.expiresAt > now && (challengeId === null || latest.challengeId === challengeId);
    if (!latest || !live) throw TwoFactorError.codeExpired();
    const tries: RowCounter<EmailCodeEntity> = {
      entity: EmailCodeEntity,
      property: 'attempts',
      column: 'attempts',
      limit: this.config.triesPerCode,
      where: 'id = :id AND consumed_at IS NULL AND expires_at > :now',
      params: { id: latest.id, now },
    };
    if (!(await this.budgets.reserve(tries))) throw TwoFactorError.codeExpired(); // dead after 5 tries, or used meanwhile
    return {
      id: latest.id,
      release: () => this.budgets.release({ ...tries, where: 'id = :id', params: { id: latest.id } }),
      compare: async (code: string) => {
        const c = code.trim();
        if (/^\d{6}$/.test(c) && safeEqual(this.hashCode(latest.id, c), latest.codeHash)) return;
        // A real code, just replaced by a newer one: say so instead of "wrong" (API.md).
        if (await this.isSupersededCode(userId, purpose, c, latest.id)) throw TwoFactorError.codeExpired();
        throw TwoFactorError.invalidCode(`wrong ${purpose.toLowerCase()} email code`);
      },
    };
  }

  /** Runs `work` holding an emailed code's try: kept for a wrong code, given back for anything else. */
  async withEmailCodeTry<T>(attempt: EmailCodeTry | null, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (attempt && !TwoFactorError.isInvalidCode(e)) await attempt.release();
      throw e;
    }
  }

  /** Single use: one conditional UPDATE, in the caller's transaction when given. */
  async consumeEmailCode(id: string, em?: EntityManager): Promise<void> {
    const used = await (em ? em.getRepository(EmailCodeEntity) : this.codes).update({ id, consumedAt: IsNull() }, { consumedAt: new Date() });
    if (used.affected !== 1) throw TwoFactorError.codeExpired(); // a concurrent request used it
  }

  /** Whether `code` is one of the few codes this user was sent just before the latest one. */
  private async isSupersededCode(userId: string, purpose: EmailCodePurpose, code: string, latestId: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const older = await this.codes.find({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' }, take: 6 });
    return older.some((c) => c.id !== latestId && c.expiresAt.getTime() > Date.now() && safeEqual(this.hashCode(c.id, code), c.codeHash));
  }

  // ---- email method -----------------------------------------------------------------------------

  async beginEmailSetup(user: UserEntity): Promise<CodeDelivery> {
    if ((await this.state(user.id)).emailEnabledAt) throw TwoFactorError.alreadyEnabled('Two-factor authentication by email');
    return this.sendEmailCode(user, EmailCodePurpose.SETUP);
  }

  /** Verifies the setup code under the account's budget; `enableEmail` then turns the method on. */
  async confirmEmailSetup(userId: string, code: string, meta: RequestMeta): Promise<void> {
    if ((await this.state(userId)).emailEnabledAt) throw TwoFactorError.alreadyEnabled('Two-factor authentication by email');
    const attempt = await this.takeEmailCodeTry(userId, EmailCodePurpose.SETUP);
    await this.withEmailCodeTry(attempt, () => this.budgeted(userId, meta, async () => {
      await attempt.compare(code);
      await this.consumeEmailCode(attempt.id);
    }));
  }

  async enableEmail(userId: string, em: EntityManager): Promise<void> {
    await this.row(userId, em);
    await em.getRepository(TwoFactorSettingsEntity).update({ userId }, { emailEnabledAt: new Date(), failedCount: 0, lockedUntil: null, lastTwoFactorAt: new Date() });
  }

  async disableEmail(userId: string, em: EntityManager): Promise<void> {
    const r = await this.row(userId, em);
    if (!r.emailEnabledAt) throw TwoFactorError.notEnabled('Two-factor authentication by email');
    await em.getRepository(TwoFactorSettingsEntity).update({ userId }, { emailEnabledAt: null });
  }

  // ---- authenticator app ------------------------------------------------------------------------

  /** A fresh pending secret (replacing any earlier pending one) with its URL and QR code. */
  async beginTotpSetup(user: UserEntity): Promise<TotpEnrollment> {
    const r = await this.row(user.id);
    if (r.totpEnabledAt) throw TwoFactorError.alreadyEnabled('The authenticator app');
    const secret = generateTotpSecret();
    await this.settings.update({ userId: user.id }, { totpPendingSecret: this.crypto.encrypt(secret, `totp:${user.id}`) });
    const url = otpauthUrl(secret, this.config.issuer, user.email);
    return { secret, otpauthUrl: url, qrCodeDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 256 }) };
  }

  /** Checks a code against the pending secret; returns the matched step for enableTotp. */
  async confirmTotpSetup(userId: string, code: string, meta: RequestMeta): Promise<number> {
    const r = await this.row(userId);
    if (r.totpEnabledAt) throw TwoFactorError.alreadyEnabled('The authenticator app');
    if (!r.totpPendingSecret) throw TwoFactorError.noPendingSetup('authenticator app');
    const secret = this.crypto.decrypt(r.totpPendingSecret, `totp:${userId}`);
    return this.budgeted(userId, meta, async () => {
      const step = verifyTotp(secret, code.trim());
      if (step === null) throw TwoFactorError.invalidCode('wrong authenticator code during setup');
      return step;
    });
  }

  async enableTotp(userId: string, step: number, em: EntityManager): Promise<void> {
    const repo = em.getRepository(TwoFactorSettingsEntity);
    // Conditional on the pending secret still being there: a concurrent confirm can't enable twice.
    const res = await repo
      .createQueryBuilder()
      .update()
      .set({
        totpSecret: () => 'totp_pending_secret',
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: String(step),
        failedCount: 0,
        lockedUntil: null,
        lastTwoFactorAt: new Date(),
      })
      .where('user_id = :userId AND totp_pending_secret IS NOT NULL AND totp_enabled_at IS NULL', { userId })
      .execute();
    if (res.affected !== 1) throw TwoFactorError.noPendingSetup('authenticator app');
  }

  /** The time step a code of the enabled secret matches (run it inside `budgeted`), or INVALID_CODE. */
  matchTotp(userId: string, checked: CheckableState, code: string): number {
    const r = checked.row;
    if (!r?.totpEnabledAt || !r.totpSecret) throw TwoFactorError.notEnabled('The authenticator app');
    const step = verifyTotp(this.crypto.decrypt(r.totpSecret, `totp:${userId}`), code.trim());
    if (step === null) throw TwoFactorError.invalidCode('wrong authenticator code');
    return step;
  }

  /** Each step is accepted once: a step at or before the last accepted one is a replay. */
  async acceptTotpStep(userId: string, step: number, em?: EntityManager): Promise<void> {
    const res = await (em ? em.getRepository(TwoFactorSettingsEntity) : this.settings)
      .createQueryBuilder()
      .update()
      .set({ totpLastStep: String(step) })
      .where('user_id = :userId AND (totp_last_step IS NULL OR totp_last_step < :step)', { userId, step })
      .execute();
    if (res.affected !== 1) throw TwoFactorError.invalidCode('replayed authenticator code');
  }

  async disableTotp(userId: string, em: EntityManager): Promise<void> {
    const r = await this.row(userId, em);
    if (!r.totpEnabledAt) throw TwoFactorError.notEnabled('The authenticator app');
    await em.getRepository(TwoFactorSettingsEntity).update({ userId }, { totpEnabledAt: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
  }

  /** Admin reset: every method off, pending setups and live codes dropped. */
  async resetAll(userId: string, em: EntityManager): Promise<void> {
    await this.row(userId, em);
    await em.getRepository(TwoFactorSettingsEntity).update(
      { userId },
      { emailEnabledAt: null, totpEnabledAt: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null, failedCount: 0, lockedUntil: null },
    );
    await em.getRepository(EmailCodeEntity).update({ userId, consumedAt: IsNull() }, { consumedAt: new Date() });
  }

  /** Every live emailed code of the account stops working (password change or reset). */
  async voidEmailCodes(userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(EmailCodeEntity).update({ userId, consumedAt: IsNull() }, { consumedAt: new Date() });
  }

  /** `id IN (…)` conditions for the admin user list (no N+1, no id lists in memory). */
  userCondition(filter: { twoFactorEnabled?: boolean | null; method?: 'EMAIL' | 'TOTP' | null; locked?: boolean | null }): Array<{ sql: string; params: Record<string, unknown> }> {
    const out: Array<{ sql: string; params: Record<string, unknown> }> = [];
    const anyOn = 'SELECT user_id FROM two_factor_settings WHERE email_enabled_at IS NOT NULL OR totp_enabled_at IS NOT NULL';
    if (filter.twoFactorEnabled === true) out.push({ sql: `id IN (${anyOn})`, params: {} });
    if (filter.twoFactorEnabled === false) out.push({ sql: `id NOT IN (${anyOn})`, params: {} });
    if (filter.method === 'EMAIL') out.push({ sql: 'id IN (SELECT user_id FROM two_factor_settings WHERE email_enabled_at IS NOT NULL)', params: {} });
    if (filter.method === 'TOTP') out.push({ sql: 'id IN (SELECT user_id FROM two_factor_settings WHERE totp_enabled_at IS NOT NULL)', params: {} });
    const lockedNow = 'SELECT user_id FROM two_factor_settings WHERE locked_until > :tfNow';
    if (filter.locked === true) out.push({ sql: `id IN (${lockedNow})`, params: { tfNow: new Date() } });
    if (filter.locked === false) out.push({ sql: `id NOT IN (${lockedNow})`, params: { tfNow: new Date() } });
    return out;
  }

  /** Dashboard counts. */
  async counts(): Promise<{ twoFactor: number; email: number; totp: number; locked: number }> {
    const r = await this.settings
      .createQueryBuilder('s')
      .select('SUM(CASE WHEN s.email_enabled_at IS NOT NULL OR s.totp_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'twoFactor')
      .addSelect('SUM(CASE WHEN s.email_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'email')
      .addSelect('SUM(CASE WHEN s.totp_enabled_at IS NOT NULL THEN 1 ELSE 0 END)', 'totp')
      .addSelect('SUM(CASE WHEN s.locked_until > :now THEN 1 ELSE 0 END)', 'locked')
      .setParameter('now', new Date())
      .getRawOne<Record<string, string | null>>();
    return { twoFactor: Number(r?.twoFactor ?? 0), email: Number(r?.email ?? 0), totp: Number(r?.totp ?? 0), locked: Number(r?.locked ?? 0) };
  }
}
