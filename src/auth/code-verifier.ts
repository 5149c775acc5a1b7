import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../common/auth/decorators';
import { BackupCodesService } from '../backup-codes/backup-codes.service';
import { EmailCodePurpose } from '../two-factor/email-code.entity';
import { TwoFactorError } from '../two-factor/two-factor.errors';
import { TwoFactorService } from '../two-factor/two-factor.service';
import { AuthError } from './auth.errors';
import { TwoFactorMethod } from './login-outcome';

export interface VerifiedFactor {
  method: TwoFactorMethod;
  /** Backup codes left after this one, when a backup code was used. */
  backupCodesLeft?: number;
}

/**
 * One second-factor check for login and re-authentication, whatever the method: the lock is
 * checked first, every failure counts against the account.
 */
@Injectable()
export class CodeVerifier {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
  ) {}

  /** EMAIL/TOTP when enabled, BACKUP_CODE while codes remain (API.md). */
  async availableMethods(userId: string): Promise<TwoFactorMethod[]> {
    const enabled = await this.twoFactor.enabledMethods(userId);
    if (!enabled.length) return [];
    const methods: TwoFactorMethod[] = enabled.map((m) => TwoFactorMethod[m]);
    if ((await this.backupCodes.remaining(userId)) > 0) methods.push(TwoFactorMethod.BACKUP_CODE);
    return methods;
  }

  async verify(userId: string, method: TwoFactorMethod, code: string, purpose: EmailCodePurpose, meta: RequestMeta, challengeId: string | null = null): Promise<VerifiedFactor> {
    const state = await this.twoFactor.checkableState(userId);
    const on = { [TwoFactorMethod.EMAIL]: state.email, [TwoFactorMethod.TOTP]: state.totp, [TwoFactorMethod.BACKUP_CODE]: state.email || state.totp };
    if (!on[method]) throw AuthError.methodNotAvailable();
    switch (method) {
      case TwoFactorMethod.EMAIL:
        await this.twoFactor.verifyEmailCode(userId, purpose, code, meta, challengeId, state);
        return { method };
      case TwoFactorMethod.TOTP:
        await this.twoFactor.verifyTotpCode(userId, code, meta, state);
        return { method };
      case TwoFactorMethod.BACKUP_CODE: {
        // No code left also ends here: redemption finds nothing to use.
        const left = await this.backupCodes.redeem(userId, code);
        if (left === null) {
          await this.twoFactor.recordFailure(userId, meta, 'wrong or used backup code');
          throw TwoFactorError.invalidCode();
        }
        return { method, backupCodesLeft: left };
      }
    }
  }
}
