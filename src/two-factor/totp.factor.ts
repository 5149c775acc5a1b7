import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { ConfigType } from '@nestjs/config';
import { RequestMeta } from '../common/auth/request-context';
import { CryptoService } from '../common/crypto/crypto.service';
import { twoFactorConfig } from '../config/two-factor.config';
import { UserEntity } from '../users/user.entity';
import { AccountLock } from './account-lock.service';
import { FactorCheck, SecondFactor, SecondFactors } from './second-factor';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp';
import { TwoFactorMethod } from './two-factor-method';
import { TwoFactorError } from './two-factor.errors';
import { TwoFactorService } from './two-factor.service';

export interface TotpEnrollment {
  secret: string;
  otpauthUrl: string;
  qrCodeDataUrl: string;
}

/**
 * The authenticator app (RFC 6238 through the `totp.ts` wrapper): the factor, with each time
 * step accepted once, and the method's life (enrol with a pending secret, confirm, turn off).
 */
@Injectable()
export class TotpFactor implements SecondFactor, OnModuleInit {
  readonly method = TwoFactorMethod.TOTP;
  readonly fallback = false;

  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly lock: AccountLock,
    private readonly crypto: CryptoService,
    private readonly factors: SecondFactors,
    @Inject(twoFactorConfig.KEY) private readonly config: ConfigType<typeof twoFactorConfig>,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.factors.register(this);
  }

  private aad(userId: string): string {
    return `totp:${userId}`;
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.twoFactor.find(userId))?.totpEnabledAt;
  }

  async begin(userId: string): Promise<FactorCheck> {
    const r = await this.twoFactor.find(userId);
    if (!r?.totpEnabledAt || !r.totpSecret) throw TwoFactorError.notEnabled('The authenticator app');
    const secret = this.crypto.decrypt(r.totpSecret, this.aad(userId));
    const lastStep = r.totpLastStep === null ? null : Number(r.totpLastStep);
    let step: number | null = null;
    return {
      compare: async (code: string) => {
        step = verifyTotp(secret, code.trim(), this.clock.ms());
        if (step === null) throw TwoFactorError.invalidCode('wrong authenticator code');
        // A right code of a step already accepted: a replay, told apart from a wrong code (still INVALID_CODE).
        if (lastStep !== null && step <= lastStep) throw TwoFactorError.codeReused();
      },
      consume: async () => {
        // Each step is accepted once: one conditional UPDATE refuses a step at or before the last.
        // The same row holds the account's failure count: the success resets it in this statement.
        const res = await this.twoFactor.settings
          .createQueryBuilder()
          .update()
          .set({ totpLastStep: String(step), ...AccountLock.successState(this.clock.now()) })
          .where('user_id = :userId AND (totp_last_step IS NULL OR totp_last_step < :step)', { userId, step })
          .execute();
        if (res.affected !== 1) throw TwoFactorError.codeReused();
        return { method: this.method, accountReset: true };
      },
      release: async () => undefined,
    };
  }

  /** A fresh pending secret (replacing any earlier pending one) with its URL and QR code. */
  async beginSetup(user: UserEntity): Promise<TotpEnrollment> {
    const r = await this.twoFactor.row(user.id);
    if (r.totpEnabledAt) throw TwoFactorError.alreadyEnabled('The authenticator app');
    const secret = generateTotpSecret();
    await this.twoFactor.settings.update({ userId: user.id }, { totpPendingSecret: this.crypto.encrypt(secret, this.aad(user.id)) });
    const url = otpauthUrl(secret, this.config.issuer, user.email);
    // Loaded on the first enrolment, not at boot (with pngjs): few processes ever draw a QR code.
    const QRCode = await import('qrcode');
    return { secret, otpauthUrl: url, qrCodeDataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 256 }) };
  }

  /**
   * Checks a code against the pending secret under the account's budget, then `turnOn(step)` (the
   * caller's transaction with `enable`); a confirmation that lost to a concurrent one gives its
   * check back (`budgeted`'s settle).
   */
  async confirmSetup<R>(userId: string, code: string, meta: RequestMeta, turnOn: (step: number) => Promise<R>): Promise<R> {
    const r = await this.twoFactor.row(userId);
    if (r.totpEnabledAt) throw TwoFactorError.alreadyEnabled('The authenticator app');
    if (!r.totpPendingSecret) throw TwoFactorError.noPendingSetup('authenticator app');
    const secret = this.crypto.decrypt(r.totpPendingSecret, this.aad(userId));
    return this.lock.budgeted(
      userId,
      meta,
      async () => {
        const step = verifyTotp(secret, code.trim(), this.clock.ms());
        if (step === null) throw TwoFactorError.invalidCode('wrong authenticator code during setup');
        return step;
      },
      turnOn,
    );
  }

  async enable(userId: string, step: number): Promise<void> {
    // Conditional on the pending secret still being there: a concurrent confirm can't enable twice.
    const res = await this.twoFactor.settings
      .createQueryBuilder()
      .update()
      .set({
        totpSecret: () => 'totp_pending_secret',
        totpPendingSecret: null,
        totpEnabledAt: this.clock.now(),
        totpLastStep: String(step),
        failedCount: 0,
        lockedUntil: null,
        lastTwoFactorAt: this.clock.now(),
      })
      .where('user_id = :userId AND totp_pending_secret IS NOT NULL AND totp_enabled_at IS NULL', { userId })
      .execute();
    if (res.affected !== 1) throw TwoFactorError.noPendingSetup('authenticator app');
  }

  async disable(userId: string): Promise<void> {
    const r = await this.twoFactor.row(userId);
    if (!r.totpEnabledAt) throw TwoFactorError.notEnabled('The authenticator app');
    await this.twoFactor.settings.update({ userId }, { totpEnabledAt: null, totpSecret: null, totpPendingSecret: null, totpLastStep: null });
  }
}
