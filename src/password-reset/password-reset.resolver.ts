import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { LoginResultUnion, toLoginResultModel } from '../auth/login/dto/auth.models';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta, Roles } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { InviteUserInput, RequestPasswordResetArgs, ResetPasswordArgs, ResetUserIdArgs } from './dto/password-reset.args';
import { PasswordResetService } from './password-reset.service';

/** Forgot-password, set-password links and invitations. The admin mutations need recent auth (guard). */
@Resolver()
export class PasswordResetResolver {
  constructor(private readonly reset: PasswordResetService) {}

  @Public()
  @Mutation(() => Boolean, { description: 'always true: mails a reset link when the email names an active account' })
  async requestPasswordReset(@Args() { email }: RequestPasswordResetArgs, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.reset.requestReset(email, meta);
    return true;
  }

  @Public()
  @Mutation(() => LoginResultUnion, { description: 'a session, or the challenge of a factor other than EMAIL' })
  async resetPassword(@Args() args: ResetPasswordArgs, @Meta() meta: RequestMeta, @Context('req') req: Request) {
    return toLoginResultModel(await this.reset.resetPassword(args.token, args.newPassword, meta), req);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel, { description: 'an INVITED user with no password, mailed a set-password link valid 72 hours' })
  async inviteUser(@Args('input') input: InviteUserInput, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.reset.invite(auth.userId, input, meta));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'a new invitation link; the previous one stops working' })
  async resendInvite(@Args() { userId }: ResetUserIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.reset.resendInvite(auth.userId, userId, meta);
    return true;
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'mails an active user a password reset link' })
  async sendPasswordReset(@Args() { userId }: ResetUserIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.reset.adminSendReset(auth.userId, userId, meta);
    return true;
  }
}
