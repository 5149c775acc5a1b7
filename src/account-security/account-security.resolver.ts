import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AuthContext, CurrentAuth, RequestWithSignIn, SIGNED_IN_USER } from '../common/auth/decorators';
import { ApiErrorCode } from '../common/errors/api-error-code';
import { forbidden, validationError } from '../common/errors/domain-error';
import { eventFor, seesEventInFull } from '../security-events/event-visibility';
import { toConnection } from '../common/pagination/keyset';
import { EventPage, SecurityEventsService } from '../security-events/security-events.service';
import { SsoConnectionModel } from '../sso/dto/sso.models';
import { UserModel } from '../users/dto/user.model';
import { UserEntity } from '../users/user.entity';
import { Role } from '../users/role.enum';
import { AccountSecurityLoaders } from './account-security.loaders';
import { AuthSessionModel } from '../auth/login/dto/auth.models';
import { EnrollmentService } from '../security-policy/enrollment.service';
import { enabledMethodsOf } from '../two-factor';
import { WebAuthnCredentialModel } from '../webauthn/graphql';
import { AccountSecurityModel, SecurityEventConnectionModel, SecurityEventModel } from './dto/account-security.models';
import { PageArgs } from './dto/page.args';
import type { Request } from 'express';

type Ctx = { req: RequestWithSignIn & { auth?: AuthContext } };

/**
 * Only the user themself or an admin may see a user's security state (e.g. an event's actor).
 * "Themself" includes the user an operation just signed in (the AuthSession of login, verifyCode, SSO).
 */
export function assertCanSee(ctx: Ctx, userId: string): void {
  const auth = ctx.req.auth;
  if (ctx.req[SIGNED_IN_USER] === userId) return;
  if (!auth || (auth.userId !== userId && auth.role !== Role.ADMIN)) throw forbidden("You can't see another user's security settings");
}

@Resolver(() => UserModel)
export class UserSecurityResolver {
  constructor(
    private readonly loaders: AccountSecurityLoaders,
    private readonly enrollment: EnrollmentService,
  ) {}

  @ResolveField(() => AccountSecurityModel)
  async security(@Parent() user: UserModel, @Context() ctx: Ctx): Promise<AccountSecurityModel> {
    assertCanSee(ctx, user.id);
    const { methods, backupCodes, ssoConnections } = await this.loaders.for(ctx.req).security.load(user.id);
    // From the batched state and the request's policy: no query per user.
    const enabled = enabledMethodsOf(methods);
    const enrollment = await this.enrollment.stateFor(user, ctx.req, enabled);
    return Object.assign(new AccountSecurityModel(), {
      userId: user.id,
      twoFactorEnabled: enabled.length > 0,
      email: { enabled: !!methods.emailEnabledAt, enabledAt: methods.emailEnabledAt },
      totp: { enabled: !!methods.totpEnabledAt, enabledAt: methods.totpEnabledAt },
      webauthn: { enabled: !!methods.webauthnEnabledAt, enabledAt: methods.webauthnEnabledAt },
      backupCodes,
      ssoConnections: ssoConnections.map((c) => SsoConnectionModel.from(c)),
      lastTwoFactorAt: methods.lastTwoFactorAt,
      lockedUntil: methods.lockedUntil,
      twoFactorRequired: enrollment.required,
      enrollmentDeadline: enrollment.deadline,
    });
  }
}

/** `AccountSecurity.webauthnCredentials`: loaded only when asked for, batched per request. */
@Resolver(() => AccountSecurityModel)
export class AccountSecurityCredentialsResolver {
  constructor(private readonly loaders: AccountSecurityLoaders) {}

  @ResolveField(() => [WebAuthnCredentialModel])
  async webauthnCredentials(@Parent() security: AccountSecurityModel, @Context() ctx: Ctx): Promise<WebAuthnCredentialModel[]> {
    // AccountSecurity is only reached through User.security, which checked who may see it.
    return (await this.loaders.for(ctx.req).webauthnCredentials.load(security.userId)).map((c) => WebAuthnCredentialModel.from(c));
  }
}

/** `AuthSession.enrollmentRequired`, for every answer that opens a session (login, verifyCode, SSO). */
@Resolver(() => AuthSessionModel)
export class AuthSessionEnrollmentResolver {
  constructor(private readonly enrollment: EnrollmentService) {}

  @ResolveField(() => Boolean, { description: 'true: the grace period to set up 2FA is over; this session may only enrol' })
  async enrollmentRequired(@Parent() session: AuthSessionModel, @Context() ctx: Ctx): Promise<boolean> {
    return (await this.enrollment.stateFor(session.user, ctx.req)).restricted;
  }
}

/** What an agent may see of someone else who acted on their account. */
const ACTOR_FIELDS_FOR_AGENTS = new Set(['id', 'displayName']);

/**
 * The actor as an agent sees it: `id` and `displayName`; every other field answers FORBIDDEN
 * (a getter, because graphql-js reads plain fields straight off the object; `security` has its
 * own check). Built from the full model, so a field added to UserModel later is refused too.
 */
function reducedActor(user: UserEntity): UserModel {
  const full = UserModel.from(user);
  const reduced = Object.assign(new UserModel(), { id: full.id, displayName: full.displayName });
  for (const field of Object.keys(full)) {
    if (ACTOR_FIELDS_FOR_AGENTS.has(field)) continue;
    Object.defineProperty(reduced, field, {
      enumerable: false,
      get: () => {
        throw new GraphQLError(`Only the id and displayName of who acted on your account are shown`, {
          extensions: { code: ApiErrorCode.FORBIDDEN },
        });
      },
    });
  }
  return reduced;
}

export function toEventConnection(page: EventPage): SecurityEventConnectionModel {
  return toConnection(page, (e) => Object.assign(new SecurityEventModel(), e));
}

@Resolver(() => SecurityEventModel)
export class SecurityEventResolver {
  constructor(
    private readonly loaders: AccountSecurityLoaders,
    private readonly events: SecurityEventsService,
  ) {}

  @Query(() => SecurityEventConnectionModel, { description: "the caller's own security events, newest first" })
  async mySecurityEvents(@Args() args: PageArgs, @CurrentAuth() auth: AuthContext): Promise<SecurityEventConnectionModel> {
    const page = await this.events.list({ userId: auth.userId }, args.first, args.after);
    if (!page) throw validationError('after is not a valid cursor');
    return toEventConnection({ ...page, items: page.items.map((e) => eventFor(auth, e)) });
  }

  @ResolveField(() => UserModel)
  async user(@Parent() e: SecurityEventModel, @Context() ctx: Ctx): Promise<UserModel> {
    const u = await this.loaders.for(ctx.req).users.load(e.userId);
    return UserModel.from(u!);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'the admin, for admin actions' })
  async actor(@Parent() e: SecurityEventModel, @Context() ctx: Ctx): Promise<UserModel | null> {
    if (!e.actorId) return null;
    const u = await this.loaders.for(ctx.req).users.load(e.actorId);
    if (!u) return null;
    return seesEventInFull(ctx.req.auth, e) ? UserModel.from(u) : reducedActor(u);
  }
}
