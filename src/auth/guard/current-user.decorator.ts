import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from '../../common/auth/decorators';
import { UserEntity } from '../../users/user.entity';

/** The guard already loaded the caller's account: reuse it instead of a second query. */
export const AUTH_USER = Symbol('authUser');
export type RequestWithUser = { [AUTH_USER]?: UserEntity };

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserEntity => {
  const user = (requestOf(ctx) as unknown as RequestWithUser)[AUTH_USER];
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});
