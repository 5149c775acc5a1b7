import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { SessionsService } from '../auth/sessions/sessions.service';
import { AuthService } from '../auth/login/auth.service';
import { LoginOutcome } from '../auth/login/login-outcome';
import { PendingActionRegistry } from '../auth/login/pending-actions';
import { SecurityNotifier } from '../security-events/security-notifier';
import { SignInVoiders } from '../auth/login/sign-in-voiders';
import { RequestMeta } from '../common/auth/request-context';
import { sha256 } from '../common/crypto/tokens';
import { appConfig } from '../config/app.config';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SecurityEventType } from '../security-events/security-event-type';
import { UserEntity } from '../users/user.entity';
import { UserStatus } from '../users/user-status.enum';
import { UsersError } from '../users/users.errors';
import { UsersService } from '../users/users.service';
import { AfterCommit } from '../database/after-commit';
import { Db, TransactionHost } from '../database/transactions';
import { CallbackRequest, FLOW_KEY } from './oidc/db-state.store';
import { VerifiedIdentity } from './oidc/id-token.verifier';
import { FlowIntent, SsoFlowsService } from './oidc/sso-flows.service';
import { SsoStrategies } from './oidc/sso-strategies';
import { SsoFlowPurpose } from './sso-flow.entity';
import { IdentityEmail, SsoIdentitiesService } from './sso-identities.service';
import { SsoProviderEntity } from './sso-provider.entity';
import { ProviderSettings, ProviderView, SsoProvidersService } from './sso-providers.service';
import { SsoTicketKind } from './sso-ticket.entity';
import { SsoTicketsService } from './sso-tickets.service';
import { SsoError, SsoFlowError, SsoRedirectCode } from './sso.errors';

/** The pending action that links an identity once `bindSsoAccount`'s second factor is proven. */
export const SSO_LINK_ACTION = 'SSO_LINK';
interface SsoLinkPayload {
  providerId: string;
  subject: string;
  email: string | null;
  emailVerified?: boolean;
  ip: string | null;
  userAgent: string | null;
}

/** Where a "Test sign-in" round trip ends (`?ticket=`, or `?error=&provider=`). */
const TEST_PAGE = '/admin/sso/test';

/** What the bind page shows about a ticket (`ssoTicket`). */
export interface TicketInfo {
  provider: SsoProviderEntity;
  email: string | null;
  emailVerified: boolean;
}

/**
 * The browser binding is handed in as the plain cookie value (the controller and the resolver
 * read and write the cookie); only its hash is stored or compared. No value: this browser never
 * started a flow, so it owns none.
 */
const bindingHash = (binding: string | null): string | null => (binding ? sha256(binding) : null);

/**
 * SSO use cases: starting flows, finishing callbacks (always a redirect to the web app), turning
 * tickets into sign-ins, binding a first-time identity to an account, linking and unlinking.
 */
@Injectable()
export class SsoService implements OnModuleInit {
  private readonly logger = new Logger('Sso');

  constructor(
    private readonly providers: SsoProvidersService,
    private readonly identities: SsoIdentitiesService,
    private readonly tickets: SsoTicketsService,
    private readonly flows: SsoFlowsService,
    private readonly strategies: SsoStrategies,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly notifier: SecurityNotifier,
    private readonly pendingActions: PendingActionRegistry,
    private readonly sessions: SessionsService,
    private readonly voiders: SignInVoiders,
    private readonly events: SecurityEventsService,
    private readonly tx: TransactionHost<Db>,
    private readonly afterCommit: AfterCommit,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onModuleInit(): void {
    this.pendingActions.register(SSO_LINK_ACTION, (userId, payload) => this.linkAfterSecondFactor(userId, payload as unknown as SsoLinkPayload));
    // A password change or reset, or an admin reset, must not leave an SSO sign-in pending.
    this.voiders.register((userId) => this.tickets.voidForUser(userId));
  }

  // ---- browser round trip -------------------------------------------------------------------

  /**
   * `GET /auth/sso/:providerId`: where to send the browser (the provider, or the login page with
   * an error). The flow is bound to `binding`, the browser's binding cookie.
   */
  async loginStartUrl(providerId: string, binding: string): Promise<string> {
    try {
      const provider = await this.providers.findById(providerId);
      if (!provider?.enabled) throw new SsoFlowError('provider_not_configured', `provider ${providerId} unknown or disabled`);
      return await this.strategies.authorizationUrl(provider, { purpose: SsoFlowPurpose.LOGIN }, sha256(binding));
    } catch (e) {
      return this.failureUrl(SsoFlowPurpose.LOGIN, e, providerId);
    }
  }

  /**
   * `GET /auth/sso/:providerId/callback`: always a URL of the web app, never an exception. Only
   * the browser that started the flow (its binding cookie, `binding`) finishes it: from any other
   * browser (a callback link sent by an attacker) the answer is `invalid_state` and nothing is
   * linked, issued or used up.
   */
  async callbackUrl(providerId: string, req: CallbackRequest, meta: RequestMeta, binding: string | null): Promise<string> {
    let purpose: SsoFlowPurpose | null = null;
    const browserHash = bindingHash(binding);
    try {
      const provider = await this.providers.findById(providerId);
      if (!provider) throw new SsoFlowError('provider_not_configured', `provider ${providerId} unknown`);
      // An admin tests a provider before enabling it: its TEST flows go on while it is disabled.
      const testing = !provider.enabled && (await this.flows.livePurpose(provider.id, req.query?.state, browserHash)) === SsoFlowPurpose.TEST;
      if (!provider.enabled && !testing) {
        // Burn the flow and learn which page it came from.
        purpose = (await this.flows.consume(provider.id, req.query?.state, browserHash)).flow?.purpose ?? null;
        throw new SsoFlowError('provider_not_configured', `provider ${providerId} disabled`);
      }
      const { identity, intent } = await this.strategies.callback(provider, req, browserHash);
      purpose = intent.purpose;
      // The store matched the flow on this hash: it is set from here on.
      if (intent.purpose === SsoFlowPurpose.TEST) return await this.finishTest(provider, identity, intent, browserHash!);
      if (!provider.enabled) throw new SsoFlowError('provider_not_configured', `provider ${providerId} disabled`);
      return intent.purpose === SsoFlowPurpose.LINK
        ? await this.finishLink(provider, identity, intent, meta)
        : await this.finishLogin(provider, identity, browserHash!);
    } catch (e) {
      purpose ??= req[FLOW_KEY]?.purpose ?? null;
      return this.failureUrl(purpose, e, providerId);
    }
  }

  private async finishLogin(provider: SsoProviderEntity, identity: VerifiedIdentity, browserHash: string): Promise<string> {
    const seen: IdentityEmail = { email: identity.email, emailVerified: identity.emailVerified };
    const common = { providerId: provider.id, subject: identity.subject, ...seen, browserHash };
    const linked = await this.identities.findByKey(provider.id, identity.subject);
    if (linked) {
      await this.identities.touchLogin(linked, seen);
      const ticket = await this.tickets.issue({ kind: SsoTicketKind.LOGIN, userId: linked.userId, ...common });
      return this.webUrl('/sso/complete', { ticket });
    }
    // Linked to nobody: the agent proves an account (never matched by email) with bindSsoAccount.
    const ticket = await this.tickets.issue({ kind: SsoTicketKind.BIND, ...common });
    return this.webUrl('/sso/bind', { ticket });
  }

  private async finishLink(provider: SsoProviderEntity, identity: VerifiedIdentity, intent: FlowIntent, meta: RequestMeta): Promise<string> {
    const user = intent.userId ? await this.users.findById(intent.userId) : null;
    if (!user) throw new SsoFlowError('invalid_state', 'link flow without a live account');
    // Signed out (or reset by an admin) since linkProvider: the link must not happen.
    if (!intent.sessionId || !(await this.sessions.isLive(intent.sessionId, user.id))) {
      throw new SsoFlowError('invalid_state', 'the session that started the link has ended');
    }
    const seen: IdentityEmail = { email: identity.email, emailVerified: identity.emailVerified };
    let created: boolean;
    try {
      ({ created } = await this.identities.link(user.id, provider.id, identity.subject, seen));
    } catch (e) {
      if (e instanceof SsoError) throw new SsoFlowError('already_linked', 'identity linked to another account, or account has another identity', { cause: e });
      throw e;
    }
    if (created) await this.notifyLinked(user, provider, seen, meta);
    return this.webUrl('/settings/sso', { linked: provider.id });
  }

  /**
   * "Test sign-in": the round trip worked. Nobody is signed in and nothing is linked; a TEST
   * ticket (this browser, this admin) lets the result page show what the provider vouched for.
   */
  private async finishTest(provider: SsoProviderEntity, identity: VerifiedIdentity, intent: FlowIntent, browserHash: string): Promise<string> {
    if (!intent.userId || !intent.sessionId || !(await this.sessions.isLive(intent.sessionId, intent.userId))) {
      throw new SsoFlowError('invalid_state', 'the session that started the test has ended');
    }
    const ticket = await this.tickets.issue({
      kind: SsoTicketKind.TEST,
      providerId: provider.id,
      userId: intent.userId,
      subject: identity.subject,
      email: identity.email,
      emailVerified: identity.emailVerified,
      browserHash,
    });
    return this.webUrl(TEST_PAGE, { ticket });
  }

  private failureUrl(purpose: SsoFlowPurpose | null, e: unknown, providerId: string): string {
    let code: SsoRedirectCode = 'provider_error';
    if (e instanceof SsoFlowError) {
      code = e.redirectCode;
      const cause = e.cause instanceof Error ? ` (${e.cause.name}: ${e.cause.message})` : '';
      this.logger.warn(`SSO flow for provider ${providerId} failed: ${code}: ${e.message}${cause}`);
    } else {
      this.logger.error(`SSO flow for provider ${providerId} failed unexpectedly: ${(e as Error)?.stack ?? e}`);
    }
    if (purpose === SsoFlowPurpose.TEST) return this.webUrl(TEST_PAGE, { error: code, provider: providerId });
    return purpose === SsoFlowPurpose.LINK ? this.webUrl('/settings/sso', { error: code }) : this.webUrl('/login', { error: code });
  }

  private webUrl(path: string, query: Record<string, string>): string {
    return `${this.app.webAppUrl}${path}?${new URLSearchParams(query).toString()}`;
  }

  // ---- GraphQL ------------------------------------------------------------------------------

  /**
   * `linkProvider`: the provider's authorization URL for a flow that links to this account,
   * bound to the browser that asked (`binding`): sent to someone else, the URL links nothing.
   */
  async startLink(userId: string, sessionId: string, providerId: string, binding: string): Promise<string> {
    const provider = await this.providers.getEnabled(providerId);
    if (await this.identities.findForUser(userId, provider.id)) throw SsoError.identityAlreadyLinked();
    try {
      return await this.strategies.authorizationUrl(provider, { purpose: SsoFlowPurpose.LINK, userId, sessionId }, sha256(binding));
    } catch (e) {
      const code = e instanceof SsoFlowError ? e.redirectCode : 'provider_error';
      this.logger.warn(`linkProvider ${providerId}: ${code}: ${(e as Error)?.message}`);
      throw code === 'provider_unavailable' ? SsoError.providerUnavailable() : SsoError.providerNotConfigured();
    }
  }

  /**
   * `testSsoProvider` (admin): the authorization URL of a real round trip that signs nobody in
   * and links nothing, also for a disabled provider (test before enabling), bound to this browser.
   */
  async startTest(adminId: string, sessionId: string, providerId: string, binding: string): Promise<string> {
    const provider = await this.providers.findById(providerId);
    if (!provider) throw SsoError.providerNotFound();
    try {
      return await this.strategies.authorizationUrl(provider, { purpose: SsoFlowPurpose.TEST, userId: adminId, sessionId }, sha256(binding));
    } catch (e) {
      const code = e instanceof SsoFlowError ? e.redirectCode : 'provider_error';
      this.logger.warn(`testSsoProvider ${providerId}: ${code}: ${(e as Error)?.message}`);
      if (code === 'provider_unavailable') throw SsoError.providerUnavailable();
      throw SsoError.invalidConfig(`The provider could not start a sign-in: ${(e as Error)?.message ?? code}`);
    }
  }

  /** `ssoTestResult` (admin): what the provider vouched for in this admin's test, in this browser. Not used up. */
  async testResult(adminId: string, ticket: string, binding: string | null): Promise<TicketInfo & { subject: string }> {
    const t = await this.tickets.peek(ticket, bindingHash(binding));
    if (t.kind !== SsoTicketKind.TEST || t.userId !== adminId) throw SsoError.ticketExpired();
    const provider = await this.providers.findById(t.providerId);
    if (!provider) throw SsoError.ticketExpired();
    return { provider, subject: t.subject, email: t.email, emailVerified: t.email ? t.emailVerified : false };
  }

  /** `ssoTicket`: which provider and identity a live ticket of this browser stands for. */
  async ticketInfo(ticket: string, binding: string | null): Promise<TicketInfo> {
    const t = await this.tickets.peek(ticket, bindingHash(binding));
    if (t.kind === SsoTicketKind.TEST) throw SsoError.ticketExpired();
    const provider = await this.providers.getEnabled(t.providerId);
    return { provider, email: t.email, emailVerified: t.email ? t.emailVerified : false };
  }

  /**
   * `completeSsoLogin`: the ticket of a linked identity becomes a session (or a challenge).
   * `via: 'SSO'`: an ADMIN always owes their own second factor, and a session opened by the
   * provider alone is not "recent" (API.md Part 2), so the provider's word cannot read backup
   * codes or turn 2FA off.
   */
  async completeLogin(ticket: string, binding: string | null, meta: RequestMeta): Promise<LoginOutcome> {
    const t = await this.tickets.consumeLogin(ticket, bindingHash(binding));
    const provider = await this.providers.getEnabled(t.providerId);
    const identity = await this.identities.findByKey(t.providerId, t.subject);
    const user = identity && identity.userId === t.userId ? await this.users.findById(identity.userId) : null;
    if (!user) throw SsoError.ticketExpired(); // unlinked (or the account removed) since the callback
    // A deactivated (or not yet activated) account gets nothing from SSO either: as a wrong password does.
    if (user.status !== UserStatus.ACTIVE) throw UsersError.invalidCredentials();
    return this.auth.completeFirstFactor(user, meta, {
      event: SecurityEventType.SSO_LOGIN,
      requireSecondFactor: provider.requireTwoFactor,
      via: 'SSO',
      eventDetail: this.eventDetail(provider),
    });
  }

  /**
   * `bindSsoAccount`: the password (and, through the challenge, the account's second factor)
   * proves the account; only then is the identity linked, in the transaction that signs in.
   * The sign-in is `via: 'PASSWORD'` (auth's default): the account's password was just proven
   * here, as on the login page, and the second factor is always owed.
   */
  async bind(ticket: string, binding: string | null, email: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const t = await this.tickets.reserveBindAttempt(ticket, bindingHash(binding));
    const provider = await this.providers.getEnabled(t.providerId);
    const user = await this.auth.authenticatePassword(email, password, meta);
    const linked = await this.identities.findByKey(t.providerId, t.subject);
    if (linked || (await this.identities.findForUser(user.id, t.providerId))) throw SsoError.identityAlreadyLinked();
    await this.tickets.consume(t.id);
    const payload: SsoLinkPayload = { providerId: t.providerId, subject: t.subject, email: t.email, emailVerified: t.emailVerified, ip: meta.ip, userAgent: meta.userAgent };
    return this.auth.completeFirstFactor(user, meta, {
      event: SecurityEventType.SSO_LOGIN,
      requireSecondFactor: true,
      pendingAction: { kind: SSO_LINK_ACTION, payload: { ...payload } },
      eventDetail: this.eventDetail(provider),
    });
  }

  /** Runs inside auth's sign-in transaction (after the second factor, if any). */
  private async linkAfterSecondFactor(userId: string, payload: SsoLinkPayload): Promise<void> {
    const provider = await this.tx.tx.getRepository(SsoProviderEntity).findOneBy({ id: String(payload.providerId) });
    if (!provider?.enabled) throw SsoError.providerNotConfigured();
    const seen: IdentityEmail = { email: payload.email ?? null, emailVerified: payload.emailVerified === true };
    const { created } = await this.identities.link(userId, provider.id, String(payload.subject), seen);
    if (!created) return;
    const meta: RequestMeta = { ip: payload.ip ?? null, userAgent: payload.userAgent ?? null };
    this.afterCommit.run(async () => {
      const user = await this.users.findById(userId);
      if (user) await this.notifyLinked(user, provider, seen, meta);
    });
  }

  /** `unlinkProvider`. Allowed for a disabled provider too: a user can always drop a connection. */
  async unlink(userId: string, providerId: string, meta: RequestMeta): Promise<UserEntity> {
    const provider = await this.providers.findById(providerId);
    if (!provider) throw SsoError.providerNotConfigured();
    const identity = await this.identities.unlink(userId, provider.id);
    const user = await this.users.getById(userId);
    await this.notifier.notify(
      user,
      SecurityEventType.SSO_UNLINKED,
      `${provider.displayName} sign-in was removed`,
      `Your ${provider.displayName} account${this.inParens(identity)} can no longer be used to sign in to your account.`,
      meta,
      { detail: this.eventDetail(provider) },
    );
    return user;
  }

  /**
   * `unlinkUserProvider` (admin): removes one account's link, e.g. a hijacker's identity. The
   * account's owner is told by mail, with the reason; the event names the admin as actor.
   */
  async adminUnlink(adminId: string, userId: string, providerId: string, reason: string, meta: RequestMeta): Promise<UserEntity> {
    const user = await this.users.getById(userId);
    const provider = await this.providers.findById(providerId);
    if (!provider) throw SsoError.providerNotFound();
    const identity = await this.identities.unlink(user.id, provider.id);
    await this.notifier.notify(
      user,
      SecurityEventType.ADMIN_SSO_UNLINK,
      `${provider.displayName} sign-in was removed by an administrator`,
      `An administrator removed your ${provider.displayName} account${this.inParens(identity)} from your account: it can no longer be used to sign in.`,
      meta,
      { actorId: adminId, detail: this.adminDetail(provider, reason), mailDetail: `Reason given: "${reason}"` },
    );
    return user;
  }

  /** The admin's trail for a link removed by `resetTwoFactor(unlinkSso: true)`, in its transaction. */
  async recordAdminUnlink(adminId: string, userId: string, provider: SsoProviderEntity, reason: string, meta: RequestMeta): Promise<void> {
    await this.events.record({ userId, type: SecurityEventType.ADMIN_SSO_UNLINK, meta, actorId: adminId, detail: this.adminDetail(provider, reason) });
  }

  /** `adminSsoProviders`: every provider with its count of linked accounts. */
  async adminProviders(): Promise<Array<ProviderView & { linkedAccounts: number }>> {
    const [views, counts] = await Promise.all([this.providers.listAll(), this.providers.linkCounts()]);
    return views.map((v) => ({ ...v, linkedAccounts: counts.get(v.id) ?? 0 }));
  }

  /** `configureSsoProvider`: an event of the admin (user and actor), naming the provider, never the secret. */
  async configureProvider(adminId: string, input: ProviderSettings, meta: RequestMeta): Promise<ProviderView & { linkedAccounts: number }> {
    const saved = await this.providers.configure(input);
    const view = { ...saved, linkedAccounts: (await this.providers.linkCounts()).get(saved.id) ?? 0 };
    const checked = view.discoveryProblem ? ` (not enabled: ${view.discoveryProblem.slice(0, 200)})` : '';
    const state = `${view.enabled ? 'enabled' : 'disabled'}${checked}, requireTwoFactor ${view.requireTwoFactor}`;
    await this.events.record({
      userId: adminId,
      actorId: adminId,
      type: SecurityEventType.SSO_PROVIDER_CONFIGURED,
      meta,
      detail: `${view.displayName} (${view.id}) ${input.id ? 'updated' : 'created'}: ${view.kind}, ${state}, issuer ${view.issuer}`,
    });
    return view;
  }

  /** `removeSsoProvider`: the links go with it; each linked user is told. */
  async removeProvider(id: string, actorId: string, meta: RequestMeta): Promise<void> {
    const provider = await this.providers.findById(id);
    if (!provider) throw SsoError.providerNotFound();
    const userIds = await this.identities.linkedUserIds(provider.id);
    await this.providers.remove(provider.id);
    await this.events.record({
      userId: actorId,
      actorId,
      type: SecurityEventType.SSO_PROVIDER_REMOVED,
      meta,
      detail: `${this.eventDetail(provider)} removed with ${userIds.length} linked account${userIds.length === 1 ? '' : 's'}`,
    });
    for (const user of await this.users.findByIds(userIds)) {
      await this.notifier.notify(
        user,
        SecurityEventType.SSO_UNLINKED,
        `${provider.displayName} sign-in was removed`,
        `An administrator removed ${provider.displayName} as a sign-in option; it is no longer linked to your account.`,
        meta,
        { detail: `${this.eventDetail(provider)}; provider removed`, actorId },
      );
    }
  }

  private async notifyLinked(user: UserEntity, provider: SsoProviderEntity, seen: IdentityEmail, meta: RequestMeta): Promise<void> {
    await this.notifier.notify(
      user,
      SecurityEventType.SSO_LINKED,
      `${provider.displayName} sign-in was linked to your account`,
      `Your ${provider.displayName} account${this.inParens(seen)} can now be used to sign in to your account.`,
      meta,
      { detail: this.eventDetail(provider), mailDetail: 'You can remove it in Settings > Single Sign-On.' },
    );
  }

  private eventDetail(provider: SsoProviderEntity): string {
    return `${provider.displayName} (${provider.id})`;
  }

  /** Provider first, the reason after it; the name is shortened so a long reason still fits the 500-character detail. */
  private adminDetail(provider: SsoProviderEntity, reason: string): string {
    return `${provider.displayName.slice(0, 50)} (${provider.id}): ${reason}`;
  }

  /** " (x@y.test)", or " (x@y.test, an address the provider has not verified)": never present an unverified address as fact. */
  private inParens(seen: IdentityEmail): string {
    if (!seen.email) return '';
    return seen.emailVerified ? ` (${seen.email})` : ` (${seen.email}, an address the provider has not verified)`;
  }
}
