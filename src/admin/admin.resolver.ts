import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { toEventConnection } from '../account-security/account-security.resolver';
import { SecurityEventConnectionModel } from '../account-security/dto/account-security.models';
import { SecurityEventsArgs } from '../account-security/dto/page.args';
import { AuthContext, CurrentAuth, Meta, RequestMeta, Roles } from '../common/auth/decorators';
import { SecurityEventsService } from '../security-events/security-events.service';
import { CreateUserInput } from '../users/dto/create-user.input';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { AdminError } from './admin.errors';
import { toSortedConnection } from '../common/pagination/keyset';
import { AdminService } from './admin.service';
import { ResetTwoFactorArgs, UnlinkUserProviderArgs, UserByIdArgs, UserIdArgs, UsersArgs } from './dto/admin.args';
import { SecurityOverviewModel, UserConnectionModel } from './dto/admin.models';

/** The admin console. Every operation is ADMIN only, checked by the global guard on the server. */
@Roles(Role.ADMIN)
@Resolver()
export class AdminResolver {
  constructor(
    private readonly admin: AdminService,
    private readonly events: SecurityEventsService,
  ) {}

  @Query(() => UserConnectionModel)
  async users(@Args() args: UsersArgs, @Context('req') req: Request): Promise<UserConnectionModel> {
    const page = await this.admin.listUsers(args, args.first, args.after, req, args.orderBy);
    return { ...toSortedConnection(page, (_, i) => page.cursors[i], (u) => UserModel.from(u)), totalCount: page.totalCount };
  }

  @Query(() => UserModel, { nullable: true })
  async user(@Args() args: UserByIdArgs): Promise<UserModel | null> {
    const u = await this.admin.findUser(args.id);
    return u ? UserModel.from(u) : null;
  }

  @Query(() => SecurityEventConnectionModel, { description: 'newest first' })
  async securityEvents(@Args() args: SecurityEventsArgs): Promise<SecurityEventConnectionModel> {
    const page = await this.events.list({ userId: args.userId }, args.first, args.after);
    if (!page) throw AdminError.badCursor();
    return toEventConnection(page);
  }

  @Query(() => SecurityOverviewModel)
  securityOverview(@Context('req') req: Request): Promise<SecurityOverviewModel> {
    return this.admin.overview(req);
  }

  @Mutation(() => UserModel)
  async createUser(@Args('input') input: CreateUserInput, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.admin.createUser(auth.userId, input, meta));
  }

  @Mutation(() => UserModel, { description: 'account recovery for a user who lost every factor' })
  async resetTwoFactor(@Args() args: ResetTwoFactorArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.admin.resetTwoFactor(auth.userId, args.userId, args.reason, meta, { unlinkSso: args.unlinkSso }));
  }

  @Mutation(() => UserModel, { description: "removes one account's link to one SSO provider (e.g. a hijacked identity)" })
  async unlinkUserProvider(@Args() args: UnlinkUserProviderArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.admin.unlinkUserProvider(auth.userId, args.userId, args.providerId, args.reason, meta));
  }

  @Mutation(() => UserModel, { description: 'clears lockedUntil and the failure count' })
  async unlockAccount(@Args() args: UserIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.admin.unlock(auth.userId, args.userId, meta));
  }
}
