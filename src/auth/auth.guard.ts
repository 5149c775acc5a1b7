import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC, RECENT_AUTH, ROLES, requestOf } from '../common/auth/decorators';
import { forbidden, reauthRequired, unauthenticated } from '../common/errors/domain-error';
import { UsersService } from '../users/users.service';
import { AUTH_USER, RequestWithUser } from './current-user.decorator';
import { SessionsService } from './sessions.service';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Global guard: every operation needs a live session unless marked @Public(); @Roles() is
 * checked against the role stored on the server, never a claim from the client.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = requestOf(ctx);
    if (!req) return true; // field resolvers below an already-guarded operation
    if (!req.auth) {
      const header = req.headers?.authorization;
      const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
      if (token) {
        const session = await this.sessions.resolve(token);
        const user = session ? await this.users.findById(session.userId) : null;
        if (session && user) {
          req.auth = { userId: user.id, role: user.role, sessionId: session.id, recentAuthAt: session.recentAuthAt };
          (req as unknown as RequestWithUser)[AUTH_USER] = user;
        } else if (!isPublic) {
          throw unauthenticated('Your session has ended; sign in again');
        }
      }
    }
    if (isPublic) return true;
    if (!req.auth) throw unauthenticated();
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, targets);
    if (roles?.length && !roles.includes(req.auth.role)) throw forbidden();
    if (this.reflector.getAllAndOverride<boolean>(RECENT_AUTH, targets) && !this.sessions.isRecent(req.auth.recentAuthAt)) {
      throw reauthRequired();
    }
    return true;
  }
}
