import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LoginResultUnion, toLoginResultModel } from '../auth/dto/auth.models';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta, RequireRecentAuth, Roles } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { BindSsoAccountArgs, ProviderIdArgs, RemoveSsoProviderArgs, TicketArgs } from './dto/sso.args';
import { SsoProviderConfigModel, SsoProviderModel, SsoRedirectModel } from './dto/sso.models';
import { SsoProviderInput } from './dto/sso-provider.input';
import { SsoProvidersService } from './sso-providers.service';
import { SsoService } from './sso.service';

@Resolver()
export class SsoResolver {
  constructor(
    private readonly sso: SsoService,
    private readonly providers: SsoProvidersService,
  ) {}

  /** Public: the enabled providers, for the login page. */
  @Public()
  @Query(() => [SsoProviderModel])
  async ssoProviders(): Promise<SsoProviderModel[]> {
    return (await this.providers.listEnabled()).map((p) => SsoProviderModel.from(p));
  }

  @Roles(Role.ADMIN)
  @Query(() => [SsoProviderConfigModel])
  async adminSsoProviders(): Promise<SsoProviderConfigModel[]> {
    return (await this.providers.listAll()).map((p) => SsoProviderConfigModel.from(p));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SsoProviderConfigModel)
  async configureSsoProvider(@Args('input') input: SsoProviderInput): Promise<SsoProviderConfigModel> {
    return SsoProviderConfigModel.from(await this.providers.configure(input));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean)
  async removeSsoProvider(@Args() { id }: RemoveSsoProviderArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.sso.removeProvider(id, auth.userId, meta);
    return true;
  }

  @RequireRecentAuth()
  @Mutation(() => SsoRedirectModel)
  async linkProvider(@Args() { providerId }: ProviderIdArgs, @CurrentAuth() auth: AuthContext): Promise<SsoRedirectModel> {
    return Object.assign(new SsoRedirectModel(), { authorizationUrl: await this.sso.startLink(auth.userId, auth.sessionId, providerId) });
  }

  @RequireRecentAuth()
  @Mutation(() => UserModel)
  async unlinkProvider(@Args() { providerId }: ProviderIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.sso.unlink(auth.userId, providerId, meta));
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async completeSsoLogin(@Args() { ticket }: TicketArgs, @Meta() meta: RequestMeta) {
    return toLoginResultModel(await this.sso.completeLogin(ticket, meta));
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async bindSsoAccount(@Args() args: BindSsoAccountArgs, @Meta() meta: RequestMeta) {
    return toLoginResultModel(await this.sso.bind(args.ticket, args.email, args.password, meta));
  }
}
