import { Injectable, OnModuleInit } from '@nestjs/common';
import { FactorCheck, SecondFactor, SecondFactors, TwoFactorError, TwoFactorMethod } from '../two-factor';
import { BackupCodesService } from './backup-codes.service';

/**
 * Backup codes as a factor: a fallback, usable while a primary method is on; offered while any
 * code is left. The code is compared by redeeming it (one conditional UPDATE in the caller's
 * transaction), so a wrong one rolls back with the sign-in and counts like any wrong code.
 */
@Injectable()
export class BackupCodeFactor implements SecondFactor, OnModuleInit {
  readonly method = TwoFactorMethod.BACKUP_CODE;
  readonly fallback = true;

  constructor(
    private readonly codes: BackupCodesService,
    private readonly factors: SecondFactors,
  ) {}

  onModuleInit(): void {
    this.factors.register(this);
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.codes.remaining(userId)) > 0;
  }

  async begin(userId: string): Promise<FactorCheck> {
    if (!(await this.factors.anyPrimaryEnabled(userId))) throw TwoFactorError.notEnabled('Two-factor authentication');
    return {
      compare: async () => undefined,
      consume: async (code: string) => {
        // No code left also ends here: redemption finds nothing to use.
        const left = await this.codes.redeem(userId, code);
        if (left === null) throw TwoFactorError.invalidCode('wrong or used backup code');
        return { method: this.method, backupCodesLeft: left };
      },
      release: async () => undefined,
    };
  }
}
