import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta } from '../../common/auth/decorators';
import { CodeDeliveryModel } from '../../two-factor/graphql';
import { UserModel } from '../../users/dto/user.model';
import { AuthService } from './auth.service';
import { CurrentUser } from '../guard/current-user.decorator';
import { UserEntity } from '../../users/user.entity';
import { AuthSessionModel, LoginResultUnion, toLoginResultModel } from './dto/auth.models';
import { ChallengeArgs, ChangePasswordArgs, LoginArgs, ReauthenticateArgs, VerifyCodeArgs } from './dto/login.args';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Query(() => UserModel)
  me(@CurrentUser() user: UserEntity): UserModel {
    return UserModel.from(user);
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async login(@Args() args: LoginArgs, @Meta() meta: RequestMeta, @Context('req') req: Request) {
    return toLoginResultModel(await this.auth.login(args.email, args.password, meta), req);
  }

  @Public()
  @Mutation(() => CodeDeliveryModel)
  async sendLoginCode(@Args() args: ChallengeArgs): Promise<CodeDeliveryModel> {
    return this.auth.sendLoginCode(args.challengeToken);
  }

  @Public()
  @Mutation(() => AuthSessionModel)
  async verifyCode(@Args() args: VerifyCodeArgs, @Meta() meta: RequestMeta, @Context('req') req: Request): Promise<AuthSessionModel> {
    return toLoginResultModel(await this.auth.verifyCode(args.challengeToken, args.method, args.code, meta), req) as AuthSessionModel;
  }

  @Mutation(() => Boolean)
  async logout(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.auth.logout(auth.sessionId, auth.userId, meta);
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
