import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Role } from '../../users/role.enum';
import { IS_PUBLIC, RECENT_AUTH, ROLES, requestOf } from '../../common/auth/decorators';
import { CommonError, CommonErrorCode, enrollmentRequired, forbidden, reauthRequired, unauthenticated } from '../../common/errors/domain-error';
import { EnrollmentService } from '../../security-policy/enrollment.service';
import { UserEntity } from '../../users/user.entity';
import { AUTH_USER, RequestWithUser } from './current-user.decorator';
import { SessionsService } from '../sessions/sessions.service';
import { SessionCookie } from '../sessions/session-cookie';
import { sessionEndedSentence } from '../sessions/session-end-reason';
import type { CookieResponse } from '../../common/http/cookies';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * What a restricted session (the policy's grace period is over, no allowed method on) may still
 * call (API.md Part 2): read `me`, enrol a method (and re-authenticate to be allowed to), sign
 * out. The field resolvers under these run unguarded, as under every operation.
 */
const ENROLLMENT_OPERATIONS: Record<string, ReadonlySet<string>> = {
  Query: new Set(['me']),
  Mutation: new Set([
    'setupEmailTwoFactor', 'confirmEmailTwoFactor', 'enableTotp', 'confirmTotp',
    // Passkeys (a later issue) enrol through these; listed now so they work from day one.
    'beginWebAuthnRegistration', 'finishWebAuthnRegistration', 'beginWebAuthnReauthentication',
    'reauthenticate', 'sendReauthenticationCode', 'logout',
  ]),
};

/** The response of a GraphQL operation or an HTTP route (SSO), to clear a dead cookie on. */
function responseOf(ctx: ExecutionContext): CookieResponse | undefined {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ res?: CookieResponse }>().res;
  return ctx.switchToHttp().getResponse<CookieResponse>();
}

/** Per request: whether the caller's session is restricted (one request may hold many root fields). */
const RESTRICTED = Symbol('enrollmentRestricted');

/**
 * Global guard: every operation needs a live session unless marked @Public(); @Roles() is
 * checked against the role stored on the server, never a claim from the client. The session comes
 * from `Authorization: Bearer` or the session cookie, and must be within the policy's idle and
 * absolute limits, its account not deactivated (SessionsService.authenticate: one statement, the
 * session joined with its user); a request marks it seen (at most once a minute).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly enrollment: EnrollmentService,
    private readonly cookie: SessionCookie,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = requestOf(ctx);
    if (!req) return true; // field resolvers below an already-guarded operation
    if (!req.auth) {
      // The Authorization header wins over the cookie (API.md Part 2): a script's bearer token is
      // never replaced by a browser cookie that happens to ride along.
      const header = req.headers?.authorization;
      const bearer = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
      const token = bearer ?? this.cookie.read(req) ?? undefined;
      if (token) {
        // One statement: the session joined with its account (SessionsService.authenticate).
        const auth = await this.sessions.authenticate(token, req);
        if (auth.live) {
          await this.sessions.touch(auth.session);
          const { user, session } = auth;
          req.auth = { userId: user.id, role: user.role, sessionId: session.id, recentAuthAt: session.recentAuthAt };
          (req as unknown as RequestWithUser)[AUTH_USER] = user;
        } else {
          // A dead cookie is dropped, so the browser stops sending it (a public page still works).
          if (!bearer) this.cookie.clear(responseOf(ctx));
          // Ended by an admin: the holder is told so (`extensions.sessionEnded`), not just "sign in again".
          if (!isPublic) throw new CommonError(CommonErrorCode.UNAUTHENTICATED, sessionEndedSentence(auth.reason), { sessionEnded: true });
        }
      }
    }
    if (isPublic) return true;
    if (!req.auth) throw unauthenticated();
    // Before the role check: a restricted agent asking for an admin list is told to enrol.
    if (!this.isEnrollmentOperation(ctx) && (await this.restricted(req))) throw enrollmentRequired();
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(req.auth.role)) throw forbidden();
    if ((this.reflector.getAllAndOverride<boolean>(RECENT_AUTH, targets) || this.isAdminMutation(ctx, roles)) && !this.sessions.isRecent(req.auth.recentAuthAt)) {
      throw reauthRequired();
    }
    return true;
  }

  /**
   * Decided on every request from the policy (read once per request) and the account's methods,
   * never stored on the session: enrolling lifts it from the next request, and a policy change
   * holds at once on every instance.
   */
  private restricted(req: object): Promise<boolean> {
    const r = req as { [RESTRICTED]?: Promise<boolean> };
    const user = (req as unknown as RequestWithUser)[AUTH_USER] as UserEntity | undefined;
    if (!user) return Promise.resolve(false);
    r[RESTRICTED] ??= this.enrollment.stateFor(user, req).then((s) => s.restricted);
    return r[RESTRICTED];
  }

  private isEnrollmentOperation(ctx: ExecutionContext): boolean {
    if (ctx.getType<string>() !== 'graphql') return false;
    const info = GqlExecutionContext.create(ctx).getInfo<GraphQLResolveInfo>();
    return !!info && !!ENROLLMENT_OPERATIONS[info.parentType.name]?.has(info.fieldName);
  }

  /**
   * Every ADMIN mutation needs recent authentication (API.md Part 2): a stale admin session
   * left open on a shared desk must not create admins or reconfigure SSO. Decided here, from the
   * role and the operation type, so a new admin mutation cannot forget it.
   */
  private isAdminMutation(ctx: ExecutionContext, roles: string[] | undefined): boolean {
    if (!roles?.includes(Role.ADMIN) || ctx.getType<string>() !== 'graphql') return false;
    return GqlExecutionContext.create(ctx).getInfo<GraphQLResolveInfo>()?.parentType?.name === 'Mutation';
  }
}
