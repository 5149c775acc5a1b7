import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { plainAddress } from '../net/client-address';
import type { AuthContext, RequestMeta } from './request-context';

/**
 * Request-level auth markers shared by every feature. They only set or read metadata and the
 * request: the guards that enforce them live in `auth`, so features need not import it.
 */
export const IS_PUBLIC = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The operation needs a session that proved the password or a factor in the last 10 minutes. */
export const RECENT_AUTH = 'recentAuth';
export const RequireRecentAuth = () => SetMetadata(RECENT_AUTH, true);

export const ROLES = 'roles';
export const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

export type { AuthContext, RequestMeta } from './request-context';

/**
 * Set on the request by an operation that just signed a user in (login, verifyCode, SSO): the
 * answer's `AuthSession.user` belongs to that user, so its own `security` may be read there
 * although the request itself carried no session.
 */
export const SIGNED_IN_USER = Symbol('signedInUser');
export type RequestWithSignIn = Request & { [SIGNED_IN_USER]?: string };
export function markSignedIn(req: Request | undefined, userId: string): void {
  if (req) (req as RequestWithSignIn)[SIGNED_IN_USER] = userId;
}

export function requestOf(ctx: ExecutionContext): Request & { auth?: AuthContext } {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext().req;
  return ctx.switchToHttp().getRequest();
}

/**
 * Where a request came from, as stored with events, sessions and trusted browsers. The address is
 * plain: an IPv4 peer of a dual-stack socket (`::ffff:203.0.113.5`) is its IPv4 address.
 */
export function metaOf(req: Request | undefined): RequestMeta {
  return {
    ip: plainAddress(req?.ip ?? req?.socket?.remoteAddress ?? null),
    userAgent: (req?.headers?.['user-agent'] ?? '').slice(0, 255) || null,
  };
}

export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = requestOf(ctx).auth;
  if (!auth) throw new Error('CurrentAuth used on a public route');
  return auth;
});

export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => metaOf(requestOf(ctx)));
