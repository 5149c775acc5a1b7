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
import { ChallengeArgs, ChangePasswordArgs, LoginArgs, ReauthenticateArgs, VerifyCodeArgs } from './dto/login.args';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
    private readonly deviceCookie: DeviceCookie,
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
}
