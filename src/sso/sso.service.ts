import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import { SessionsService } from '../auth/sessions.service';
import { AuthService } from '../auth/auth.service';
import { LoginOutcome } from '../auth/login-outcome';
import { PendingActionRegistry } from '../auth/pending-actions';
import { SecurityNotifier } from '../auth/security-notifier';
import { RequestMeta } from '../common/auth/decorators';
import { appConfig } from '../config/app.config';
import { SecurityEventType } from '../security-events/security-event-type';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { afterCommit } from './after-commit';
import { FLOW_KEY, RequestWithFlow } from './oidc/db-state.store';
import { VerifiedIdentity } from './oidc/id-token.verifier';
import { FlowIntent, SsoFlowsService } from './oidc/sso-flows.service';
import { SsoStrategies } from './oidc/sso-strategies';
import { SsoFlowPurpose } from './sso-flow.entity';
import { SsoIdentitiesService } from './sso-identities.service';
import { SsoProviderEntity } from './sso-provider.entity';
import { SsoProvidersService } from './sso-providers.service';
import { SsoTicketKind } from './sso-ticket.entity';
import { SsoTicketsService } from './sso-tickets.service';
import { SsoError, SsoFlowError, SsoRedirectCode } from './sso.errors';

/** The pending action that links an identity once `bindSsoAccount`'s second factor is proven. */
export const SSO_LINK_ACTION = 'SSO_LINK';
interface SsoLinkPayload {
  providerId: string;
  subject: string;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
}

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
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  onModuleInit(): void {
    this.pendingActions.register(SSO_LINK_ACTION, (userId, payload, em) => this.linkAfterSecondFactor(userId, payload as unknown as SsoLinkPayload, em));
  }

  // ---- browser round trip -------------------------------------------------------------------

  /** `GET /auth/sso/:providerId`: where to send the browser (the provider, or the login page with an error). */
  async loginStartUrl(providerId: string): Promise<string> {
    try {
      const provider = await this.providers.findById(providerId);
      if (!provider?.enabled) throw new SsoFlowError('provider_not_configured', `provider ${providerId} unknown or disabled`);
      return await this.strategies.authorizationUrl(provider, { purpose: SsoFlowPurpose.LOGIN });
    } catch (e) {
      return this.failureUrl(SsoFlowPurpose.LOGIN, e, providerId);
    }
  }

  /** `GET /auth/sso/:providerId/callback`: always a URL of the web app, never an exception. */
  async callbackUrl(providerId: string, req: Request, meta: RequestMeta): Promise<string> {
    let purpose: SsoFlowPurpose | null = null;
    try {
      const provider = await this.providers.findById(providerId);
      if (!provider) throw new SsoFlowError('provider_not_configured', `provider ${providerId} unknown`);
      if (!provider.enabled) {
        // Burn the flow and learn which page it came from.
        purpose = (await this.flows.consume(provider.id, req.query?.state)).flow?.purpose ?? null;
        throw new SsoFlowError('provider_not_configured', `provider ${providerId} disabled`);
      }
      const { identity, intent } = await this.strategies.callback(provider, req);
      purpose = intent.purpose;
      return intent.purpose === SsoFlowPurpose.LINK
        ? await this.finishLink(provider, identity, intent, meta)
        : await this.finishLogin(provider, identity);
    } catch (e) {
      purpose ??= (req as RequestWithFlow)[FLOW_KEY]?.purpose ?? null;
      return this.failureUrl(purpose, e, providerId);
    }
  }

  private async finishLogin(provider: SsoProviderEntity, identity: VerifiedIdentity): Promise<string> {
    const linked = await this.identities.findByKey(provider.id, identity.subject);
    if (linked) {
      await this.identities.touchLogin(linked, identity.email);
      const ticket = await this.tickets.issue({ kind: SsoTicketKind.LOGIN, providerId: provider.id, subject: identity.subject, email: identity.email, userId: linked.userId });
      return this.webUrl('/sso/complete', { ticket });
    }
    // Linked to nobody: the agent proves an account (never matched by email) with bindSsoAccount.
    const ticket = await this.tickets.issue({ kind: SsoTicketKind.BIND, providerId: provider.id, subject: identity.subject, email: identity.email });
    return this.webUrl('/sso/bind', { ticket });
  }

  private async finishLink(provider: SsoProviderEntity, identity: VerifiedIdentity, intent: FlowIntent, meta: RequestMeta): Promise<string> {
    const user = intent.userId ? await this.users.findById(intent.userId) : null;
    if (!user) throw new SsoFlowError('invalid_state', 'link flow without a live account');
    // Signed out (or reset by an admin) since linkProvider: the link must not happen.
    if (!intent.sessionId || !(await this.sessions.isLive(intent.sessionId, user.id))) {
      throw new SsoFlowError('invalid_state', 'the session that started the link has ended');
    }
    let created: boolean;
    try {
      ({ created } = await this.identities.link(user.id, provider.id, identity.subject, identity.email));
    } catch (e) {
      if (e instanceof SsoError) throw new SsoFlowError('already_linked', 'identity linked to another account, or account has another identity', { cause: e });
      throw e;
    }
    if (created) await this.notifyLinked(user, provider, identity.email, meta);
    return this.webUrl('/settings/sso', { linked: provider.id });
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
    return purpose === SsoFlowPurpose.LINK ? this.webUrl('/settings/sso', { error: code }) : this.webUrl('/login', { error: code });
  }

  private webUrl(path: string, query: Record<string, string>): string {
    return `${this.app.webAppUrl}${path}?${new URLSearchParams(query).toString()}`;
  }

  // ---- GraphQL ------------------------------------------------------------------------------

  /** `linkProvider`: the provider's authorization URL for a flow that links to this account. */
  async startLink(userId: string, sessionId: string, providerId: string): Promise<string> {
    const provider = await this.providers.getEnabled(providerId);
    if (await this.identities.findForUser(userId, provider.id)) throw SsoError.identityAlreadyLinked();
    try {
      return await this.strategies.authorizationUrl(provider, { purpose: SsoFlowPurpose.LINK, userId, sessionId });
    } catch (e) {
      const code = e instanceof SsoFlowError ? e.redirectCode : 'provider_error';
      this.logger.warn(`linkProvider ${providerId}: ${code}: ${(e as Error)?.message}`);
      throw code === 'provider_unavailable' ? SsoError.providerUnavailable() : SsoError.providerNotConfigured();
    }
  }

  /** `completeSsoLogin`: the ticket of a linked identity becomes a session (or a challenge). */
  async completeLogin(ticket: string, meta: RequestMeta): Promise<LoginOutcome> {
    const t = await this.tickets.consumeLogin(ticket);
    const provider = await this.providers.getEnabled(t.providerId);
    const identity = await this.identities.findByKey(t.providerId, t.subject);
    const user = identity && identity.userId === t.userId ? await this.users.findById(identity.userId) : null;
    if (!user) throw SsoError.ticketExpired(); // unlinked (or the account removed) since the callback
    return this.auth.completeFirstFactor(user, meta, {
      event: SecurityEventType.SSO_LOGIN,
      requireSecondFactor: provider.requireTwoFactor,
      eventDetail: this.eventDetail(provider),
    });
  }

  /**
   * `bindSsoAccount`: the password (and, through the challenge, the account's second factor)
   * proves the account; only then is the identity linked, in the transaction that signs in.
   */
  async bind(ticket: string, email: string, password: string, meta: RequestMeta): Promise<LoginOutcome> {
    const t = await this.tickets.reserveBindAttempt(ticket);
    const provider = await this.providers.getEnabled(t.providerId);
    const user = await this.auth.authenticatePassword(email, password, meta);
    const linked = await this.identities.findByKey(t.providerId, t.subject);
    if (linked || (await this.identities.findForUser(user.id, t.providerId))) throw SsoError.identityAlreadyLinked();
    await this.tickets.consume(t.id);
    const payload: SsoLinkPayload = { providerId: t.providerId, subject: t.subject, email: t.email, ip: meta.ip, userAgent: meta.userAgent };
    return this.auth.completeFirstFactor(user, meta, {
      event: SecurityEventType.SSO_LOGIN,
      requireSecondFactor: true,
      pendingAction: { kind: SSO_LINK_ACTION, payload: { ...payload } },
      eventDetail: this.eventDetail(provider),
    });
  }

  /** Runs inside auth's sign-in transaction (after the second factor, if any). */
  private async linkAfterSecondFactor(userId: string, payload: SsoLinkPayload, em: EntityManager): Promise<void> {
    const provider = await em.getRepository(SsoProviderEntity).findOneBy({ id: String(payload.providerId) });
    if (!provider?.enabled) throw SsoError.providerNotConfigured();
    const { created } = await this.identities.link(userId, provider.id, String(payload.subject), payload.email ?? null, em);
    if (!created) return;
    const meta: RequestMeta = { ip: payload.ip ?? null, userAgent: payload.userAgent ?? null };
    afterCommit(em, async () => {
      const user = await this.users.findById(userId);
      if (user) await this.notifyLinked(user, provider, payload.email ?? null, meta);
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
      `Your ${provider.displayName} account${identity.email ? ` (${identity.email})` : ''} can no longer be used to sign in to your account.`,
      meta,
      { detail: this.eventDetail(provider) },
    );
    return user;
  }

  /** `removeSsoProvider`: the links go with it; each linked user is told. */
  async removeProvider(id: string, actorId: string, meta: RequestMeta): Promise<void> {
    const provider = await this.providers.findById(id);
    if (!provider) throw SsoError.providerNotFound();
    const userIds = await this.identities.linkedUserIds(provider.id);
    await this.providers.remove(provider.id);
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

  private async notifyLinked(user: UserEntity, provider: SsoProviderEntity, email: string | null, meta: RequestMeta): Promise<void> {
    await this.notifier.notify(
      user,
      SecurityEventType.SSO_LINKED,
      `${provider.displayName} sign-in was linked to your account`,
      `Your ${provider.displayName} account${email ? ` (${email})` : ''} can now be used to sign in to your account.`,
      meta,
      { detail: this.eventDetail(provider), mailDetail: 'You can remove it in Settings > Single Sign-On.' },
    );
  }

  private eventDetail(provider: SsoProviderEntity): string {
    return `${provider.displayName} (${provider.id})`;
  }
}
