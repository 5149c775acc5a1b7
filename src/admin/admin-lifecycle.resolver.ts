import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuthContext, CurrentAuth, Meta, RequestMeta, Roles } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { AdminLifecycleService } from './admin-lifecycle.service';
import { UserIdArgs } from './dto/admin.args';
import { DeactivateUserArgs, SetUserRoleArgs } from './dto/lifecycle.args';

/** Account lifecycle in the admin console (ADMIN only; every admin mutation needs recent auth). */
@Roles(Role.ADMIN)
@Resolver()
export class AdminLifecycleResolver {
  constructor(private readonly lifecycle: AdminLifecycleService) {}

  @Mutation(() => UserModel, { description: 'ends the sessions; every sign-in path then gives nothing' })
  async deactivateUser(@Args() args: DeactivateUserArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.lifecycle.deactivate(auth.userId, args.userId, args.reason, meta));
  }

  @Mutation(() => UserModel)
  async reactivateUser(@Args() args: UserIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.lifecycle.reactivate(auth.userId, args.userId, meta));
  }

  @Mutation(() => UserModel)
  async setUserRole(@Args() args: SetUserRoleArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.lifecycle.setRole(auth.userId, args.userId, args.role, meta));
  }
}
