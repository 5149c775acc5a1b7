import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { clearCookie, cookieName, CookieRequest, CookieResponse, readCookie, writeCookie } from '../../common/http/cookies';
import { appConfig } from '../../config/app.config';

/**
 * The browser session cookie (API.md Part 2): `__Host-session` when PUBLIC_URL is https, else
 * `session`; HttpOnly, SameSite=Lax, Path=/. It holds the same token as `AuthSession.token`, so a
 * cookie and a bearer header name the same server-side session. HTTP-side only (guard, resolvers,
 * the interceptor that sets it): services never see it.
 */
@Injectable()
export class SessionCookie {
  private readonly name: string;
  private readonly secure: boolean;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.secure = app.publicUrl.startsWith('https:');
    this.name = cookieName('session', app.publicUrl);
  }

  read(req: CookieRequest | undefined): string | null {
    return readCookie(req, this.name);
  }

  /** Expires with the session, so a closed browser reopened later is still signed in until then. */
  write(res: CookieResponse | undefined, token: string, expiresAt: Date): void {
    writeCookie(res, this.name, token, { secure: this.secure, expires: expiresAt });
  }

  clear(res: CookieResponse | undefined): void {
    clearCookie(res, this.name, this.secure);
  }
}
