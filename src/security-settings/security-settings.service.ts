import { Injectable } from '@nestjs/common';
import { RequestMeta } from '../common/auth/request-context';
import { BackupCodesService, BackupCodeView } from '../backup-codes/backup-codes.service';
import { Db, TransactionHost } from '../database/transactions';
import { SecurityEventType } from '../security-events/security-event-type';
import { SecurityNotifier } from '../security-events/security-notifier';
import { EnrollmentService } from '../security-policy/enrollment.service';
import { CodeDelivery, EmailCodeFactor, TotpEnrollment, TotpFactor, TwoFactorError, TwoFactorMethod, TwoFactorService } from '../two-factor';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { TrustedDevicesService } from '../trusted-devices/trusted-devices.service';
import { WebAuthnCredentialEntity, WebAuthnService } from '../webauthn';

export interface Enabled {
  user: UserEntity;
  /** The 10 new codes when this confirmation turned on the first method, else null. */
  backupCodes: string[] | null;
}

/**
 * Profile > User Setting > Two-Factor Authentication: the methods' life across modules. The
 * first method turned on generates the backup codes, the last one turned off voids them, each in
 * one transaction; every change is recorded and mailed.
 */
@Injectable()
export class SecuritySettingsService {
  constructor(
    private readonly users: UsersService,
    private readonly twoFactor: TwoFactorService,
    private readonly email: EmailCodeFactor,
    private readonly totp: TotpFactor,
    private readonly backupCodes: BackupCodesService,
    private readonly notifier: SecurityNotifier,
    private readonly tx: TransactionHost<Db>,
    private readonly enrollment: EnrollmentService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly webauthn: WebAuthnService,
  ) {}

  /** A method the security policy does not allow for the role can't be set up (FORBIDDEN). */
  private async allowedUser(userId: string, method: TwoFactorMethod): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.enrollment.assertMethodAllowed(user, method);
    return user;
  }

  async setupEmail(userId: string): Promise<CodeDelivery> {
    return this.email.beginSetup(await this.allowedUser(userId, TwoFactorMethod.EMAIL));
  }

  async confirmEmail(userId: string, code: string, meta: RequestMeta): Promise<Enabled> {
    // Checked again: the policy may have changed between the code and its confirmation.
    const user = await this.allowedUser(userId, TwoFactorMethod.EMAIL);
    await this.email.confirmSetup(userId, code, meta);
    const backupCodes = await this.turnOn(userId, () => this.email.enable(userId));
    await this.notifier.notify(user, SecurityEventType.EMAIL_2FA_ENABLED, 'Two-factor authentication by email is on', 'Two-factor authentication by email was turned on for your account.', meta);
    return { user, backupCodes };
  }

  async disableEmail(userId: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.turnOff(userId, () => this.email.disable(userId));
    await this.notifier.notify(user, SecurityEventType.EMAIL_2FA_DISABLED, 'Two-factor authentication by email is off', 'Two-factor authentication by email was turned off for your account.', meta);
    return user;
  }

  async beginTotp(userId: string): Promise<TotpEnrollment> {
    return this.totp.beginSetup(await this.allowedUser(userId, TwoFactorMethod.TOTP));
  }

  async confirmTotp(userId: string, code: string, meta: RequestMeta): Promise<Enabled> {
    const user = await this.allowedUser(userId, TwoFactorMethod.TOTP);
    const backupCodes = await this.totp.confirmSetup(userId, code, meta, (step) => this.turnOn(userId, () => this.totp.enable(userId, step)));
    await this.notifier.notify(user, SecurityEventType.TOTP_ENABLED, 'Authenticator app is on', 'An authenticator app was set up for two-factor authentication on your account.', meta);
    return { user, backupCodes };
  }

  async disableTotp(userId: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    await this.turnOff(userId, () => this.totp.disable(userId));
    await this.notifier.notify(user, SecurityEventType.TOTP_DISABLED, 'Authenticator app is off', 'The authenticator app was removed from your account.', meta);
    return user;
  }

  /** PublicKeyCredentialCreationOptionsJSON, bound to the session that asked. */
  async beginWebAuthn(userId: string, sessionId: string): Promise<string> {
    return this.webauthn.beginRegistration(await this.allowedUser(userId, TwoFactorMethod.WEBAUTHN), sessionId);
  }

  /**
   * Verifies the authenticator's answer to the session's ceremony (outside the transaction), then
   * stores the credential; the first method on also generates the backup codes.
   */
  async finishWebAuthn(userId: string, sessionId: string, response: string, name: string, meta: RequestMeta): Promise<Enabled & { credential: WebAuthnCredentialEntity }> {
    const user = await this.allowedUser(userId, TwoFactorMethod.WEBAUTHN);
    const registration = await this.webauthn.verifyRegistration(userId, sessionId, response);
    let credential!: WebAuthnCredentialEntity;
    const backupCodes = await this.turnOn(userId, async () => {
      credential = await this.webauthn.store(userId, registration, name);
    });
    const kind = credential.passkey ? 'passkey' : 'security key';
    await this.notifier.notify(user, SecurityEventType.WEBAUTHN_ADDED, `A ${kind} was added to your account`, `The ${kind} "${credential.name}" was added to your account for two-factor authentication${credential.passkey ? ' and passwordless sign-in' : ''}.`, meta, { detail: credential.name });
    return { user, backupCodes, credential };
  }

  renameWebAuthn(userId: string, id: string, name: string): Promise<WebAuthnCredentialEntity> {
    return this.webauthn.rename(userId, id, name);
  }

  /** Removes one credential; the last method off voids the backup codes; trusted browsers end. */
  async removeWebAuthn(userId: string, id: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    let removed!: WebAuthnCredentialEntity;
    await this.turnOff(userId, async () => {
      removed = await this.webauthn.remove(userId, id);
    });
    const kind = removed.passkey ? 'passkey' : 'security key';
    await this.notifier.notify(user, SecurityEventType.WEBAUTHN_REMOVED, `A ${kind} was removed from your account`, `The ${kind} "${removed.name}" was removed from your account.`, meta, { detail: removed.name });
    return user;
  }

  /** Turns a method on; the first method also generates the backup codes (one transaction). */
  private turnOn(userId: string, enable: () => Promise<void>): Promise<string[] | null> {
    return this.tx.withTransaction(async () => {
      const wasOn = (await this.twoFactor.enabledMethods(userId)).length > 0;
      await enable();
      return wasOn ? null : this.backupCodes.generate(userId);
    });
  }

  /** Turns a method off; the last one also voids the backup codes (one transaction). */
  private turnOff(userId: string, disable: () => Promise<void>): Promise<void> {
    return this.tx.withTransaction(async () => {
      await disable();
      if (!(await this.twoFactor.enabledMethods(userId)).length) await this.backupCodes.voidAll(userId);
      // A browser remembered under the old set of factors must prove the new set (API.md Part 2).
      await this.trustedDevices.revokeAll(userId, null, 'a two-factor method was turned off');
    });
  }

  async listBackupCodes(userId: string): Promise<BackupCodeView[]> {
    return this.backupCodes.list(userId);
  }

  async regenerateBackupCodes(userId: string, meta: RequestMeta): Promise<string[]> {
    const user = await this.users.getById(userId);
    if (!(await this.twoFactor.enabledMethods(userId)).length) throw TwoFactorError.notEnabled('Two-factor authentication');
    const codes = await this.tx.withTransaction(() => this.backupCodes.generate(userId));
    await this.notifier.notify(user, SecurityEventType.BACKUP_CODES_REGENERATED, 'New backup codes were generated', 'A new set of backup codes was generated for your account. The old codes no longer work.', meta);
    return codes;
  }
}
