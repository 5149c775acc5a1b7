import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthContext, CurrentAuth, Meta, RequestMeta, RequireRecentAuth } from '../common/auth/decorators';
import { BackupCodeModel } from '../backup-codes/dto/backup-code.model';
import { CodeDeliveryModel, TotpEnrollmentModel, TwoFactorEnabledModel } from '../two-factor/graphql';
import { UserModel } from '../users/dto/user.model';
import { CodeArgs, FinishWebAuthnRegistrationArgs, RenameWebAuthnCredentialArgs, WebAuthnCredentialArgs } from './dto/code.args';
import { WebAuthnCredentialModel } from '../webauthn/graphql';
import { Enabled, SecuritySettingsService } from './security-settings.service';

const enabled = (r: Enabled) => Object.assign(new TwoFactorEnabledModel(), { user: UserModel.from(r.user), backupCodes: r.backupCodes });

/**
 * Profile > User Setting > Two-Factor Authentication: always the caller's own account. Adding a
 * factor needs recent authentication too: a stale or stolen session must not enrol its own factor
 * and then use it to re-authenticate (API.md Part 2).
 */
@Resolver()
export class SecuritySettingsResolver {
  constructor(private readonly settings: SecuritySettingsService) {}

  @RequireRecentAuth()
  @Mutation(() => CodeDeliveryModel)
  setupEmailTwoFactor(@CurrentAuth() auth: AuthContext): Promise<CodeDeliveryModel> {
    return this.settings.setupEmail(auth.userId);
  }

  @RequireRecentAuth()
  @Mutation(() => TwoFactorEnabledModel)
  async confirmEmailTwoFactor(@Args() args: CodeArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return enabled(await this.settings.confirmEmail(auth.userId, args.code, meta));
  }

  @RequireRecentAuth()
  @Mutation(() => UserModel)
  async disableEmailTwoFactor(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return UserModel.from(await this.settings.disableEmail(auth.userId, meta));
  }

  @RequireRecentAuth()
  @Mutation(() => TotpEnrollmentModel)
  enableTotp(@CurrentAuth() auth: AuthContext): Promise<TotpEnrollmentModel> {
    return this.settings.beginTotp(auth.userId);
  }

  @RequireRecentAuth()
  @Mutation(() => TwoFactorEnabledModel)
  async confirmTotp(@Args() args: CodeArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return enabled(await this.settings.confirmTotp(auth.userId, args.code, meta));
  }

  @RequireRecentAuth()
  @Mutation(() => UserModel)
  async disableTotp(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return UserModel.from(await this.settings.disableTotp(auth.userId, meta));
  }

  @RequireRecentAuth()
  @Query(() => [BackupCodeModel], { description: 'needs a recent authentication' })
  backupCodes(@CurrentAuth() auth: AuthContext): Promise<BackupCodeModel[]> {
    return this.settings.listBackupCodes(auth.userId);
  }

  @RequireRecentAuth()
  @Mutation(() => [String], { description: '10 new codes; the old ones stop working' })
  regenerateBackupCodes(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<string[]> {
    return this.settings.regenerateBackupCodes(auth.userId, meta);
  }

  @RequireRecentAuth()
  @Mutation(() => String, { description: 'PublicKeyCredentialCreationOptionsJSON for navigator.credentials.create (5 minutes, this session only)' })
  beginWebAuthnRegistration(@CurrentAuth() auth: AuthContext): Promise<string> {
    return this.settings.beginWebAuthn(auth.userId, auth.sessionId);
  }

  @RequireRecentAuth()
  @Mutation(() => TwoFactorEnabledModel)
  async finishWebAuthnRegistration(@Args() args: FinishWebAuthnRegistrationArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return enabled(await this.settings.finishWebAuthn(auth.userId, auth.sessionId, args.response, args.name, meta));
  }

  @Mutation(() => WebAuthnCredentialModel)
  async renameWebAuthnCredential(@Args() args: RenameWebAuthnCredentialArgs, @CurrentAuth() auth: AuthContext): Promise<WebAuthnCredentialModel> {
    return WebAuthnCredentialModel.from(await this.settings.renameWebAuthn(auth.userId, args.id, args.name));
  }

  @RequireRecentAuth()
  @Mutation(() => UserModel)
  async removeWebAuthnCredential(@Args() args: WebAuthnCredentialArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta) {
    return UserModel.from(await this.settings.removeWebAuthn(auth.userId, args.id, meta));
  }
}
