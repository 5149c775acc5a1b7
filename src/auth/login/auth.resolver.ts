import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta } from '../../common/auth/decorators';
import { CodeDeliveryModel } from '../../two-factor/graphql';
import { UserModel } from '../../users/dto/user.model';
import { AuthService } from './auth.service';
import { CurrentUser } from '../guard/current-user.decorator';
import { UserEntity } from '../../users/user.entity';
import { AuthSessionModel, LoginResultUnion, toLoginResultModel } from './dto/auth.models';
import { SessionCookie } from '../sessions/session-cookie';
import { DeviceCookie } from '../../trusted-devices/device-cookie';
import { ChallengeArgs, ChangePasswordArgs, FinishPasskeyLoginArgs, LoginArgs, ReauthenticateArgs, VerifyCodeArgs } from './dto/login.args';
import { PasskeyLoginStartModel } from '../../webauthn/graphql';
import { PasskeyLoginService } from './passkey-login.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
    private readonly deviceCookie: DeviceCookie,
    private readonly passkeys: PasskeyLoginService,
  ) {}

  @Query(() => UserModel)
  me(@CurrentUser() user: UserEntity): UserModel {
    return UserModel.from(user);
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async login(@Args() args: LoginArgs, @Meta() meta: RequestMeta, @Context('req') req: Request) {
    return toLoginResultModel(await this.auth.login(args.email, args.password, meta, this.deviceCookie.read(req)), req);
  }

  @Public()
  @Mutation(() => CodeDeliveryModel)
  async sendLoginCode(@Args() args: ChallengeArgs): Promise<CodeDeliveryModel> {
    return this.auth.sendLoginCode(args.challengeToken);
  }

  @Public()
  @Mutation(() => AuthSessionModel)
  async verifyCode(@Args() args: VerifyCodeArgs, @Meta() meta: RequestMeta, @Context('req') req: Request, @Context('res') res: Response): Promise<AuthSessionModel> {
    const result = await this.auth.verifyCode(args.challengeToken, args.method, args.code, meta, { rememberDevice: args.rememberDevice === true, deviceToken: this.deviceCookie.read(req) });
    if (result.rememberedDevice) this.deviceCookie.write(res, result.rememberedDevice.token, result.rememberedDevice.expiresAt);
    return toLoginResultModel(result, req) as AuthSessionModel;
  }

  /** Ends the session and clears its cookie (a session set by login answers keep theirs: the interceptor). */
  @Mutation(() => Boolean)
  async logout(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta, @Context('res') res: Response): Promise<boolean> {
    await this.auth.logout(auth.sessionId, auth.userId, meta);
    this.cookie.clear(res);
    return true;
  }

  @Mutation(() => Boolean, { description: 'ends the other sessions' })
  async changePassword(@Args() args: ChangePasswordArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.auth.changePassword(auth.userId, auth.sessionId, args.currentPassword, args.newPassword, meta);
    return true;
  }

  @Mutation(() => Boolean, { description: 'password, or method + code: opens the 10-minute recent-authentication window' })
  async reauthenticate(@Args() args: ReauthenticateArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.auth.reauthenticate(auth.userId, auth.sessionId, args, meta);
    return true;
  }

  @Mutation(() => CodeDeliveryModel, { description: 'emails a code for reauthenticate(method: EMAIL)' })
  async sendReauthenticationCode(@CurrentAuth() auth: AuthContext): Promise<CodeDeliveryModel> {
    return this.auth.sendReauthCode(auth.userId);
  }

  @Public()
  @Mutation(() => String, { description: "PublicKeyCredentialRequestOptionsJSON for the challenge's passkey step (then verifyCode with method WEBAUTHN)" })
  beginWebAuthnChallenge(@Args() args: ChallengeArgs): Promise<string> {
    return this.auth.beginWebAuthnChallenge(args.challengeToken);
  }

  @Mutation(() => String, { description: 'PublicKeyCredentialRequestOptionsJSON for reauthenticate(method: WEBAUTHN), this session only' })
  beginWebAuthnReauthentication(@CurrentAuth() auth: AuthContext): Promise<string> {
    return this.auth.beginWebAuthnReauth(auth.userId, auth.sessionId);
  }

  @Public()
  @Mutation(() => PasskeyLoginStartModel, { description: 'passwordless sign-in: options for a discoverable passkey (user verification required)' })
  async beginPasskeyLogin(): Promise<PasskeyLoginStartModel> {
    return Object.assign(new PasskeyLoginStartModel(), await this.passkeys.begin());
  }

  @Public()
  @Mutation(() => AuthSessionModel, { description: 'a passkey counts as both factors' })
  async finishPasskeyLogin(@Args() args: FinishPasskeyLoginArgs, @Meta() meta: RequestMeta, @Context('req') req: Request): Promise<AuthSessionModel> {
    return toLoginResultModel(await this.passkeys.finish(args.loginToken, args.response, meta, this.deviceCookie.read(req)), req) as AuthSessionModel;
  }
}
