import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthContext, CurrentAuth, Meta, RequestMeta, Roles } from '../../common/auth/decorators';
import { Role } from '../../users/role.enum';
import { ActiveSessionsService } from './active-sessions.service';
import { SessionIdArgs, SessionUserArgs } from './dto/session.args';
import { SessionModel } from './dto/session.model';
import { SessionCookie } from './session-cookie';

/** "Where you're signed in" (User Setting) and the admin's view of a user's sessions. */
@Resolver()
export class SessionsResolver {
  constructor(
    private readonly sessions: ActiveSessionsService,
    private readonly cookie: SessionCookie,
  ) {}

  @Query(() => [SessionModel], { description: "the caller's live sessions, the most recently used first" })
  async mySessions(@CurrentAuth() auth: AuthContext, @Context('req') req: Request): Promise<SessionModel[]> {
    return (await this.sessions.listMine(auth.userId, req)).map((s) => SessionModel.from(s, auth.sessionId));
  }

  @Mutation(() => Boolean, { description: 'ends one of your sessions; the current one signs out' })
  async revokeSession(@Args() { id }: SessionIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta, @Context('res') res: Response): Promise<boolean> {
    await this.sessions.revokeMine(auth.userId, id, meta);
    if (id === auth.sessionId) this.cookie.clear(res);
    return true;
  }

  @Mutation(() => Int, { description: 'ends every session but this one; how many ended' })
  async revokeOtherSessions(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<number> {
    return this.sessions.revokeOthers(auth.userId, auth.sessionId, meta);
  }

  @Roles(Role.ADMIN)
  @Query(() => [SessionModel])
  async userSessions(@Args() { userId }: SessionUserArgs, @CurrentAuth() auth: AuthContext, @Context('req') req: Request): Promise<SessionModel[]> {
    return (await this.sessions.listForUser(userId, req)).map((s) => SessionModel.from(s, auth.sessionId));
  }

  @Roles(Role.ADMIN)
  @Mutation(() => Int, { description: "ends all of the user's sessions (sign out everywhere); how many ended" })
  async revokeUserSessions(@Args() { userId }: SessionUserArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<number> {
    return this.sessions.revokeAllOfUser(auth.userId, userId, meta);
  }
}
