import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NamedCookie } from '../../common/http/cookies';
import { appConfig } from '../../config/app.config';

/**
 * The browser session cookie (API.md Part 2): `__Host-session` when PUBLIC_URL is https, else
 * `session`; HttpOnly, SameSite=Lax, Path=/, expiring with the session. It holds the same token as
 * `AuthSession.token`, so a cookie and a bearer header name the same server-side session.
 * HTTP-side only (guard, resolvers, the interceptor that sets it): services never see it.
 */
@Injectable()
export class SessionCookie extends NamedCookie {
  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    super('session', app.publicUrl);
  }
}
