import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../common/auth/decorators';
import { BackupCodesService, BackupCodeView } from '../backup-codes/backup-codes.service';
import { TransactionRunner } from '../database/transaction-runner';
import { SecurityEventType } from '../security-events/security-event-type';
import { CodeDelivery, TotpEnrollment, TwoFactorService } from '../two-factor/two-factor.service';
import { TwoFactorError } from '../two-factor/two-factor.errors';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { SecurityNotifier } from './security-notifier';

export interface Enabled {
  user: UserEntity;
  /** The 10 new codes when this confirmation turned on the first method, else null. */
  backupCodes: string[] | null;
}

/**
 * Profile > User Setting > Two-Factor Authentication. Joins the factor modules: the first method
 * turned on generates the backup codes, the last one turned off voids them, each in one
 * transaction; every change is recorded and mailed.
 */
@Injectable()
export class TwoFactorSettingsService {
  constructor(
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionRunner,
  ) {}

  async setupEmail(userId: string): Promise<CodeDelivery> {
    return this.twoFactor.beginEmailSetup(await this.users.getById(userId));
  }

  async confirmEmail(userId: string, code: string, meta: RequestMeta): Promise<Enabled> {
    const user = await this.users.getById(userId);
    await this.twoFactor.confirmEmailSetup(userId, code, meta);
    const backupCodes = await this.tx.run(async (em) => {
      const wasOn = (await this.twoFactor.enabledMethods(userId, em)).length > 0;
      await this.twoFactor.enableEmail(userId, em);
      return wasOn ? null : this.backupCodes.generate(userId, em);
    });
    await this.notifier.notify(user, SecurityEventType.EMAIL_2FA_ENABLED, 'Two-factor authentication by email is on', 'Two-factor authentication by email was turned on for your account.', meta);
    return { user, backupCodes };
  }

  async disableEmail(userId: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.tx.run(async (em) => {
      await this.twoFactor.disableEmail(userId, em);
      if (!(await this.twoFactor.enabledMethods(userId, em)).length) await this.backupCodes.voidAll(userId, em);
    });
    await this.notifier.notify(user, SecurityEventType.EMAIL_2FA_DISABLED, 'Two-factor authentication by email is off', 'Two-factor authentication by email was turned off for your account.', meta);
    return user;
  }

  async beginTotp(userId: string): Promise<TotpEnrollment> {
    return this.twoFactor.beginTotpSetup(await this.users.getById(userId));
  }

  async confirmTotp(userId: string, code: string, meta: RequestMeta): Promise<Enabled> {
    const user = await this.users.getById(userId);
    const step = await this.twoFactor.confirmTotpSetup(userId, code, meta);
    const backupCodes = await this.tx.run(async (em) => {
      const wasOn = (await this.twoFactor.enabledMethods(userId, em)).length > 0;
      await this.twoFactor.enableTotp(userId, step, em);
      return wasOn ? null : this.backupCodes.generate(userId, em);
    });
    await this.notifier.notify(user, SecurityEventType.TOTP_ENABLED, 'Authenticator app is on', 'An authenticator app was set up for two-factor authentication on your account.', meta);
    return { user, backupCodes };
  }

  async disableTotp(userId: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.tx.run(async (em) => {
      await this.twoFactor.disableTotp(userId, em);
      if (!(await this.twoFactor.enabledMethods(userId, em)).length) await this.backupCodes.voidAll(userId, em);
    });
    await this.notifier.notify(user, SecurityEventType.TOTP_DISABLED, 'Authenticator app is off', 'The authenticator app was removed from your account.', meta);
    return user;
  }

  async listBackupCodes(userId: string): Promise<BackupCodeView[]> {
    return this.backupCodes.list(userId);
  }

  async regenerateBackupCodes(userId: string, meta: RequestMeta): Promise<string[]> {
    const user = await this.users.getById(userId);
    if (!(await this.twoFactor.enabledMethods(userId)).length) throw TwoFactorError.notEnabled('Two-factor authentication');
    const codes = await this.tx.run((em) => this.backupCodes.generate(userId, em));
    await this.notifier.notify(user, SecurityEventType.BACKUP_CODES_REGENERATED, 'New backup codes were generated', 'A new set of backup codes was generated for your account. The old codes no longer work.', meta);
    return codes;
  }
}
