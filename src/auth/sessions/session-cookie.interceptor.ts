import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Observable, tap } from 'rxjs';
import { AuthSessionModel } from '../login/dto/auth.models';
import { SessionCookie } from './session-cookie';

/**
 * Every operation that answers with an `AuthSession` also sets it as the session cookie (API.md
 * Part 2): login, verifyCode, completeSsoLogin, bindSsoAccount, resetPassword, and whatever signs
 * in later (passkeys). Decided here, by the answer's type, so a new sign-in cannot forget it.
 * Root fields only (field resolvers run no interceptors), so it costs `me` one type check.
 */
@Injectable()
export class SessionCookieInterceptor implements NestInterceptor {
  constructor(private readonly cookie: SessionCookie) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<string>() !== 'graphql') return next.handle();
    return next.handle().pipe(
      tap((value) => {
        if (value instanceof AuthSessionModel) this.cookie.write(GqlExecutionContext.create(ctx).getContext().res, value.token, value.expiresAt);
      }),
    );
  }
}
