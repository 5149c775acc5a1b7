import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { UsersService } from '../users/users.service';
import { AuthService, SessionResult } from './auth.service';
import { AuthSessionModel } from './dto/auth.models';
import { ChangePasswordArgs, LoginArgs } from './dto/login.args';

export function toSessionModel(r: SessionResult): AuthSessionModel {
  return Object.assign(new AuthSessionModel(), { token: r.token, expiresAt: r.expiresAt, user: UserModel.from(r.user) });
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Query(() => UserModel)
  async me(@CurrentAuth() auth: AuthContext): Promise<UserModel> {
    return UserModel.from(await this.users.getById(auth.userId));
  }

  @Public()
  @Mutation(() => AuthSessionModel)
  async login(@Args() args: LoginArgs, @Meta() meta: RequestMeta): Promise<AuthSessionModel> {
    return toSessionModel(await this.auth.login(args.email, args.password, meta));
  }

  @Mutation(() => Boolean)
  async logout(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.auth.logout(auth.sessionId, auth.userId, meta);
    return true;
  }

  @Mutation(() => Boolean)
  async changePassword(@Args() args: ChangePasswordArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.auth.changePassword(auth.userId, auth.sessionId, args.currentPassword, args.newPassword, meta);
    return true;
  }
}
