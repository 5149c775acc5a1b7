import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { RequestMeta } from '../common/auth/request-context';
import { CryptoService } from '../common/crypto/crypto.service';
import { randomDigits, safeEqual } from '../common/crypto/tokens';
import { tooManyAttempts } from '../common/errors/domain-error';
import { twoFactorConfig } from '../config/two-factor.config';
import { Db, TransactionHost } from '../database/transactions';
import { MailService } from '../mailer/mail.service';
import { AttemptBudgets, RowCounter } from '../rate-limit/attempt-budgets';
import { UserEntity } from '../users/user.entity';
import { AccountLock } from './account-lock.service';
import { EmailCodeEntity, EmailCodePurpose } from './email-code.entity';
import { CheckContext, FactorCheck, SecondFactor, SecondFactors } from './second-factor';
import { TwoFactorMethod } from './two-factor-method';
import { TwoFactorSettingsEntity } from './two-factor-settings.entity';
import { CodeRefusal, TwoFactorError } from './two-factor.errors';
import { TwoFactorService } from './two-factor.service';

export interface CodeDelivery {
  sentTo: string;
  expiresAt: Date;
  /** When the next code may be sent (the re-send limit: one mail per 30 s per account). */
  resendAvailableAt: Date;
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
 * Emailed 6-digit codes: the factor (checks for login and re-auth) and the method's life (send,
 * set up, turn on and off). Codes are stored as keyed hashes, live 10 minutes, take 5 tries; a
 * newer code voids older ones.
 */
@Injectable()
export class EmailCodeFactor implements SecondFactor, OnModuleInit {
  readonly method = TwoFactorMethod.EMAIL;
  readonly fallback = false;

  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly lock: AccountLock,
    private readonly budgets: AttemptBudgets,
    private readonly crypto: CryptoService,
    private readonly mail: MailService,
    private readonly factors: SecondFactors,
    private readonly tx: TransactionHost<Db>,
    @InjectRepository(EmailCodeEntity) private readonly codesRepo: Repository<EmailCodeEntity>,
    @Inject(twoFactorConfig.KEY) private readonly config: ConfigType<typeof twoFactorConfig>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.factors.register(this);
  }

  private get codes(): Repository<EmailCodeEntity> {
    return this.tx.tx.getRepository(EmailCodeEntity);
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.twoFactor.find(userId))?.emailEnabledAt;
  }

  async begin(userId: string, ctx: CheckContext): Promise<FactorCheck> {
    if (!(await this.isEnabled(userId))) throw TwoFactorError.notEnabled('Two-factor authentication by email');
    return this.takeTry(userId, ctx.purpose, ctx.challengeId ?? null);
  }

  // ---- sending ------------------------------------------------------------------------------

  /**
   * Emails a fresh code. At most one per 30 s per account (TOO_MANY_ATTEMPTS); a newer code voids
   * every older live code of the same purpose. If the mail can't be sent nothing stays behind,
   * so the caller can simply retry.
   */
  async send(user: UserEntity, purpose: EmailCodePurpose, challengeId: string | null = null): Promise<CodeDelivery> {
    await this.lock.assertNotLocked(user.id);
    const prev = (await this.twoFactor.row(user.id)).lastCodeSentAt;
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.resendIntervalSeconds * 1000);
    // One conditional UPDATE claims the send slot, so two concurrent requests can't both send.
    const claim = await this.twoFactor.settings
      .createQueryBuilder()
      .update()
      .set({ lastCodeSentAt: now })
      .where('user_id = :id AND (last_code_sent_at IS NULL OR last_code_sent_at <= :cutoff)', { id: user.id, cutoff })
      .execute();
    if (!claim.affected) {
      const wait = prev ? prev.getTime() + this.config.resendIntervalSeconds * 1000 - now.getTime() : this.config.resendIntervalSeconds * 1000;
      const err = tooManyAttempts(wait / 1000, 'A code was sent a moment ago; wait before asking for another');
      // What a page needs to keep the person going: when to ask again, and whether the code that
      // was mailed is still waiting to be entered (a page reopened, a method switched back).
      Object.assign(err.extensions, {
        reason: 'RESEND_TOO_SOON',
        resendAvailableAt: new Date(now.getTime() + Number(err.extensions.retryAfterSeconds) * 1000).toISOString(),
        codePending: await this.hasLiveCode(user.id, purpose, challengeId),
      });
      throw err;
    }
    const code = randomDigits(6);
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + this.config.emailCodeTtlSeconds * 1000);
    await this.tx.withTransaction(async () => {
      await this.codes.update({ userId: user.id, purpose, consumedAt: IsNull() }, { consumedAt: now });
      await this.codes.insert({ id, userId: user.id, purpose, codeHash: this.hashCode(id, code), challengeId, attempts: 0, createdAt: now, expiresAt, consumedAt: null });
    });
    try {
      await this.mail.send({
        to: user.email,
        subject: purpose === EmailCodePurpose.LOGIN ? 'Your sign-in code' : 'Your verification code',
        template: 'code',
        context: { name: user.displayName, purpose: PURPOSE_TEXT[purpose], code, minutes: this.config.emailCodeTtlSeconds / 60 },
      });
    } catch (e) {
      await this.codesRepo.delete({ id });
      await this.twoFactor.settings.update({ userId: user.id }, { lastCodeSentAt: prev });
      throw e;
    }
    return { sentTo: maskEmail(user.email), expiresAt, resendAvailableAt: new Date(now.getTime() + this.config.resendIntervalSeconds * 1000) };
  }

  /** Whether a code of `purpose` (of this challenge, for a login) is live and has tries left. */
  private async hasLiveCode(userId: string, purpose: EmailCodePurpose, challengeId: string | null): Promise<boolean> {
    const latest = await this.codesRepo.findOne({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' } });
    return !!latest && !latest.consumedAt && latest.expiresAt > this.clock.now() && latest.attempts < this.config.triesPerCode
      && (challengeId === null || latest.challengeId === challengeId);
  }

  private hashCode(id: string, code: string): string {
    return this.crypto.lookupHash(`email-code:${id}:${code}`);
  }

  // ---- checking -----------------------------------------------------------------------------

  /**
   * Takes one of the 5 tries of the account's live code, before anything is compared;
   * CODE_EXPIRED when there is none (expired, superseded, used, out of tries: not a guess). It is
   * taken before the account's check, so requests bouncing off a dead code never hold the
   * account's checks; it commits at once (setup) or with the check's one commit (CodeVerifier,
   * which commits a wrong code's reservations and rolls back only what was no guess).
   */
  private async takeTry(userId: string, purpose: EmailCodePurpose, challengeId: string | null): Promise<FactorCheck> {
    const latest = await this.codesRepo.findOne({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' } });
    const now = this.clock.now();
    const live = latest && !latest.consumedAt && latest.expiresAt > now && (challengeId === null || latest.challengeId === challengeId);
    if (!latest || !live) throw TwoFactorError.codeExpired();
    if (latest.attempts >= this.config.triesPerCode) throw TwoFactorError.codeExpired(CodeRefusal.CODE_TOO_MANY_TRIES);
    const tries: RowCounter<EmailCodeEntity> = {
      entity: EmailCodeEntity,
      property: 'attempts',
      column: 'attempts',
      limit: this.config.triesPerCode,
      where: 'id = :id AND consumed_at IS NULL AND expires_at > :now',
      params: { id: latest.id, now },
    };
    if (!(await this.budgets.reserve(tries))) {
      // dead after 5 tries, or used meanwhile
      const after = await this.codesRepo.findOneBy({ id: latest.id });
      throw TwoFactorError.codeExpired(after && !after.consumedAt && after.attempts >= this.config.triesPerCode ? CodeRefusal.CODE_TOO_MANY_TRIES : CodeRefusal.CODE_EXPIRED);
    }
    return {
      release: () => this.budgets.release({ ...tries, where: 'id = :id', params: { id: latest.id } }),
      compare: async (code: string) => {
        const c = code.trim();
        if (/^\d{6}$/.test(c) && safeEqual(this.hashCode(latest.id, c), latest.codeHash)) return;
        // A real code, just replaced by a newer one: say so instead of "wrong" (API.md).
        if (await this.isSuperseded(userId, purpose, c, latest.id)) throw TwoFactorError.codeExpired(CodeRefusal.CODE_REPLACED);
        const wrong = TwoFactorError.invalidCode(`wrong ${purpose.toLowerCase()} email code`);
        // This code's own tries left (its try is already taken): the account and the challenge may allow fewer.
        const row = await this.codes.findOneBy({ id: latest.id }); // in the check's transaction: its try counted
        TwoFactorError.limitAttemptsLeft(wrong, this.config.triesPerCode - (row?.attempts ?? this.config.triesPerCode));
        throw wrong;
      },
      consume: async () => {
        // Single use: one conditional UPDATE in the caller's transaction decides.
        const used = await this.codes.update({ id: latest.id, consumedAt: IsNull() }, { consumedAt: this.clock.now() });
        if (used.affected !== 1) throw TwoFactorError.codeExpired(); // a concurrent request used it
        return { method: this.method };
      },
    };
  }

  /** Whether `code` is one of the few codes this user was sent just before the latest one. */
  private async isSuperseded(userId: string, purpose: EmailCodePurpose, code: string, latestId: string): Promise<boolean> {
    if (!/^\d{6}$/.test(code)) return false;
    const older = await this.codesRepo.find({ where: { userId, purpose }, order: { createdAt: 'DESC', id: 'DESC' }, take: 6 });
    return older.some((c) => c.id !== latestId && c.expiresAt.getTime() > this.clock.ms() && safeEqual(this.hashCode(c.id, code), c.codeHash));
  }

  // ---- the method ---------------------------------------------------------------------------

  async beginSetup(user: UserEntity): Promise<CodeDelivery> {
    if (await this.isEnabled(user.id)) throw TwoFactorError.alreadyEnabled('Two-factor authentication by email');
    return this.send(user, EmailCodePurpose.SETUP);
  }

  /** Verifies the setup code under the account's budget; `enable` then turns the method on. */
  async confirmSetup(userId: string, code: string, meta: RequestMeta): Promise<void> {
    if (await this.isEnabled(userId)) throw TwoFactorError.alreadyEnabled('Two-factor authentication by email');
    const check = await this.takeTry(userId, EmailCodePurpose.SETUP, null);
    await withCheck(check, () =>
      this.lock.budgeted(userId, meta, async () => {
        await check.compare(code);
        await check.consume(code);
      }),
    );
  }

  async enable(userId: string): Promise<void> {
    await this.twoFactor.row(userId);
    await this.twoFactor.settings.update({ userId }, { emailEnabledAt: this.clock.now(), failedCount: 0, lockedUntil: null, lastTwoFactorAt: this.clock.now() });
  }

  async disable(userId: string): Promise<void> {
    const r = await this.twoFactor.row(userId);
    if (!r.emailEnabledAt) throw TwoFactorError.notEnabled('Two-factor authentication by email');
    await this.tx.tx.getRepository(TwoFactorSettingsEntity).update({ userId }, { emailEnabledAt: null });
  }
}

/** Runs `work` holding a factor check: kept for a wrong code, given back for anything else. */
export async function withCheck<T>(check: FactorCheck, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!TwoFactorError.isInvalidCode(e)) await check.release();
    throw e;
  }
}
