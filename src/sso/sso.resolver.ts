import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { LoginResultUnion, toLoginResultModel } from '../auth/login/dto/auth.models';
import { AuthContext, CurrentAuth, Meta, Public, RequestMeta, RequireRecentAuth, Roles } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { BindSsoAccountArgs, ProviderIdArgs, RemoveSsoProviderArgs, TicketArgs } from './dto/sso.args';
import { SsoProviderConfigModel, SsoProviderDraftModel, SsoProviderModel, SsoRedirectModel, SsoTestResultModel, SsoTicketInfoModel } from './dto/sso.models';
import { SsoProviderInput } from './dto/sso-provider.input';
import { SsoBrowserBinding } from './sso-browser-binding';
import { SsoProvidersService } from './sso-providers.service';
import { SsoService } from './sso.service';

/**
 * The GraphQL side of SSO. The browser-binding cookie is read here (tickets) or set here
 * (linkProvider) through the GraphQL context's `req`/`res`; the service sees a plain value.
 */
@Resolver()
export class SsoResolver {
  constructor(
    private readonly sso: SsoService,
    private readonly providers: SsoProvidersService,
    private readonly binding: SsoBrowserBinding,
  ) {}

  /** Public: the enabled providers, for the login page. */
  @Public()
  @Query(() => [SsoProviderModel])
  async ssoProviders(): Promise<SsoProviderModel[]> {
    return (await this.providers.listEnabled()).map((p) => SsoProviderModel.from(p));
  }

  /** Public, read-only: which identity the bind page is about to connect (only in the browser that ran the flow). */
  @Public()
  @Query(() => SsoTicketInfoModel)
  async ssoTicket(@Args() { ticket }: TicketArgs, @Context('req') req: Request): Promise<SsoTicketInfoModel> {
    return SsoTicketInfoModel.from(await this.sso.ticketInfo(ticket, this.binding.read(req)));
  }

  @Roles(Role.ADMIN)
  @Query(() => [SsoProviderConfigModel])
  async adminSsoProviders(): Promise<SsoProviderConfigModel[]> {
    return (await this.sso.adminProviders()).map((p) => SsoProviderConfigModel.from(p, p.linkedAccounts));
  }

  /** An id and redirect URI for a provider not saved yet (the form shows the URI before saving). */
  @Roles(Role.ADMIN)
  @Query(() => SsoProviderDraftModel)
  ssoProviderDraft(): SsoProviderDraftModel {
    return Object.assign(new SsoProviderDraftModel(), this.providers.draft());
  }

  /** What the provider vouched for in this admin's "Test sign-in" (only in the browser that ran it). */
  @Roles(Role.ADMIN)
  @Query(() => SsoTestResultModel)
  async ssoTestResult(@Args() { ticket }: TicketArgs, @CurrentAuth() auth: AuthContext, @Context('req') req: Request): Promise<SsoTestResultModel> {
    const r = await this.sso.testResult(auth.userId, ticket, this.binding.read(req));
    return Object.assign(new SsoTestResultModel(), { provider: SsoProviderModel.from(r.provider), subject: r.subject, email: r.email, emailVerified: r.emailVerified });
  }

  @Roles(Role.ADMIN)
  @Mutation(() => SsoProviderConfigModel)
  async configureSsoProvider(@Args('input') input: SsoProviderInput, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<SsoProviderConfigModel> {
    const saved = await this.sso.configureProvider(auth.userId, input, meta);
    return SsoProviderConfigModel.from(saved, saved.linkedAccounts);
  }

  /**
   * "Test sign-in": the authorization URL of a real round trip (also for a disabled provider) that
   * ends on the web app's /admin/sso/test page; nobody is signed in and nothing is linked.
   */
  @Roles(Role.ADMIN)
  @Mutation(() => SsoRedirectModel)
  async testSsoProvider(
    @Args() { id }: RemoveSsoProviderArgs,
    @CurrentAuth() auth: AuthContext,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<SsoRedirectModel> {
    const binding = this.binding.ensure(req, res);
    return Object.assign(new SsoRedirectModel(), { authorizationUrl: await this.sso.startTest(auth.userId, auth.sessionId, id, binding) });
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Boolean)
  async removeSsoProvider(@Args() { id }: RemoveSsoProviderArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.sso.removeProvider(id, auth.userId, meta);
    return true;
  }

  @RequireRecentAuth()
  @Mutation(() => SsoRedirectModel)
  async linkProvider(
    @Args() { providerId }: ProviderIdArgs,
    @CurrentAuth() auth: AuthContext,
    @Context('req') req: Request,
    @Context('res') res: Response,
  ): Promise<SsoRedirectModel> {
    const binding = this.binding.ensure(req, res);
    return Object.assign(new SsoRedirectModel(), { authorizationUrl: await this.sso.startLink(auth.userId, auth.sessionId, providerId, binding) });
  }

  @RequireRecentAuth()
  @Mutation(() => UserModel)
  async unlinkProvider(@Args() { providerId }: ProviderIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<UserModel> {
    return UserModel.from(await this.sso.unlink(auth.userId, providerId, meta));
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async completeSsoLogin(@Args() { ticket }: TicketArgs, @Meta() meta: RequestMeta, @Context('req') req: Request) {
    return toLoginResultModel(await this.sso.completeLogin(ticket, this.binding.read(req), meta), req);
  }

  @Public()
  @Mutation(() => LoginResultUnion)
  async bindSsoAccount(@Args() args: BindSsoAccountArgs, @Meta() meta: RequestMeta, @Context('req') req: Request) {
    return toLoginResultModel(await this.sso.bind(args.ticket, this.binding.read(req), args.email, args.password, meta), req);
  }
}
