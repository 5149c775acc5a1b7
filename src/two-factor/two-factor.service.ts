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

  /** TOO_MANY_ATTEMPTS while the account's code checks are locked. */
  async assertNotLocked(userId: string): Promise<void> {
    await this.checkableState(userId);
  }

  /**
   * One read for a code check: TOO_MANY_ATTEMPTS while locked, else which methods are on.
   * Callers pass the result on, so a check reads the settings row once.
   */
  async checkableState(userId: string): Promise<CheckableState> {
    const r = await this.settings.findOneBy({ userId });
    const until = r?.lockedUntil?.getTime() ?? 0;
    if (until > Date.now()) throw tooManyAttempts((until - Date.now()) / 1000, 'Too many wrong codes; code checks are locked for a while');
    return { row: r, email: !!r?.emailEnabledAt, totp: !!r?.totpEnabledAt };
  }

  /** Counts a failed code check; the 10th in a row locks code checks for 15 minutes. */
  async recordFailure(userId: string, meta: RequestMeta, detail: string): Promise<void> {
    await this.row(userId);
    // Atomic increment: concurrent failures can't lose counts.
    await this.settings.createQueryBuilder().update().set({ failedCount: () => 'failed_count + 1' }).where('user_id = :userId', { userId }).execute();
    await this.events.record({ userId, type: SecurityEventType.TWO_FACTOR_FAILED, meta, detail });
    const lockedUntil = new Date(Date.now() + this.config.lockSeconds * 1000);
    const res = await this.settings
      .createQueryBuilder()
      .update()
      .set({ lockedUntil, failedCount: 0 })
      .where('user_id = :userId AND failed_count >= :max', { userId, max: this.config.failuresBeforeLock })
      .execute();
    if (res.affected) {
      await this.events.record({ userId, type: SecurityEventType.ACCOUNT_LOCKED, meta, detail: `code checks locked for ${this.config.lockSeconds / 60} minutes` });
    }
  }

  async recordSuccess(userId: string, em?: EntityManager): Promise<void> {
    // The row exists: a factor was just verified against it.
    const repo = em ? em.getRepository(TwoFactorSettingsEntity) : this.settings;
    await repo.update({ userId }, { failedCount: 0, lastTwoFactorAt: new Date() });
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
   * Checks an emailed code. Wrong: INVALID_CODE (and the 5th wrong try kills the code). Expired,
   * superseded, used or dead: CODE_EXPIRED. Failures count against the account.
   */
  async verifyEmailCode(userId: string, purpose: EmailCodePurpose, code: string, meta: RequestMeta, challengeId: string | null = null, checked?: CheckableState): Promise<void> {
    if (!checked) await this.assertNotLocked(userId);
    const latest = await this.codes.findOne({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' } });
    const live = latest && !latest.consumedAt && latest.expiresAt.getTime() > Date.now() && (challengeId === null || latest.challengeId === challengeId);
    if (!latest || !live) {
      // Nothing to compare against: not a guess at a code, so it does not count as a failure.
      throw TwoFactorError.codeExpired();
    }
    const ok = /^\d{6}$/.test(code.trim()) && safeEqual(this.hashCode(latest.id, code.trim()), latest.codeHash);
    if (!ok && (await this.isSupersededCode(userId, purpose, code.trim(), latest.id))) {
      // A real code, just replaced by a newer one: say so instead of "wrong" (API.md).
      throw TwoFactorError.codeExpired();
    }
    if (!ok) {
      await this.codes.createQueryBuilder().update().set({ attempts: () => 'attempts + 1' }).where('id = :id', { id: latest.id }).execute();
      await this.codes
        .createQueryBuilder()
        .update()
        .set({ consumedAt: new Date() })
        .where('id = :id AND attempts >= :max AND consumed_at IS NULL', { id: latest.id, max: this.config.triesPerCode })
        .execute();
      await this.recordFailure(userId, meta, `wrong ${purpose.toLowerCase()} email code`);
      throw TwoFactorError.invalidCode();
    }
    const used = await this.codes.update({ id: latest.id, consumedAt: IsNull() }, { consumedAt: new Date() });
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

  /** Verifies the setup code, then turns the method on inside `em` (the caller's transaction). */
  async confirmEmailSetup(userId: string, code: string, meta: RequestMeta): Promise<void> {
    if ((await this.state(userId)).emailEnabledAt) throw TwoFactorError.alreadyEnabled('Two-factor authentication by email');
    await this.verifyEmailCode(userId, EmailCodePurpose.SETUP, code, meta);
  }

  async enableEmail(userId: string, em: EntityManager): Promise<void> {
    await this.row(userId, em);
    await em.getRepository(TwoFactorSettingsEntity).update({ userId }, { emailEnabledAt: new Date(), failedCount: 0, lastTwoFactorAt: new Date() });
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
    await this.assertNotLocked(userId);
    const r = await this.row(userId);
    if (r.totpEnabledAt) throw TwoFactorError.alreadyEnabled('The authenticator app');
    if (!r.totpPendingSecret) throw TwoFactorError.noPendingSetup('authenticator app');
    const step = verifyTotp(this.crypto.decrypt(r.totpPendingSecret, `totp:${userId}`), code.trim());
    if (step === null) {
      await this.recordFailure(userId, meta, 'wrong authenticator code during setup');
      throw TwoFactorError.invalidCode();
    }
    return step;
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
        lastTwoFactorAt: new Date(),
      })
      .where('user_id = :userId AND totp_pending_secret IS NOT NULL AND totp_enabled_at IS NULL', { userId })
      .execute();
    if (res.affected !== 1) throw TwoFactorError.noPendingSetup('authenticator app');
  }

  /** Verifies a TOTP code of the enabled secret, refusing any step already accepted (replay). */
  async verifyTotpCode(userId: string, code: string, meta: RequestMeta, checked?: CheckableState): Promise<void> {
    const r = (checked ?? (await this.checkableState(userId))).row;
    if (!r?.totpEnabledAt || !r.totpSecret) throw TwoFactorError.notEnabled('The authenticator app');
    const step = verifyTotp(this.crypto.decrypt(r.totpSecret, `totp:${userId}`), code.trim());
    if (step !== null) {
      const res = await this.settings
        .createQueryBuilder()
        .update()
        .set({ totpLastStep: String(step) })
        .where('user_id = :userId AND (totp_last_step IS NULL OR totp_last_step < :step)', { userId, step })
        .execute();
      if (res.affected === 1) return;
    }
    await this.recordFailure(userId, meta, step === null ? 'wrong authenticator code' : 'replayed authenticator code');
    throw TwoFactorError.invalidCode();
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
