import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request, Response } from 'express';
import { randomToken } from '../common/crypto/tokens';
import { appConfig } from '../config/app.config';
import { ssoConfig } from './sso.config';

/** What `randomToken(32)` produces; anything else in the cookie is ignored (never echoed or stored). */
const VALUE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The cookie that ties SSO flows and tickets to one browser (API.md Part 2). HTTP-side only: the
 * callback controller and the SSO resolver read and write it and hand the plain value to
 * SsoService, which stores and compares its SHA-256 only.
 *
 * Shape: one random value per browser, reused by every flow that browser starts (two tabs, two
 * providers), refreshed on each start. A flow row and its ticket remember the value's hash, so
 * several flows of one browser coexist, while a callback link or a ticket opened in any other
 * browser matches nothing. HttpOnly (page scripts never see it), SameSite=Lax (sent on the
 * provider's top-level redirect back, not on cross-site subrequests), Path=/ (the callback under
 * /auth/sso and the GraphQL mutations under /graphql both need it). On https it is
 * `__Host-sso_flow` (Secure, no Domain: a sibling subdomain cannot plant a value of its own).
 */
@Injectable()
export class SsoBrowserBinding {
  private readonly name: string;
  private readonly secure: boolean;

  constructor(
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
    @Inject(ssoConfig.KEY) private readonly config: ConfigType<typeof ssoConfig>,
  ) {
    this.secure = app.publicUrl.startsWith('https:');
    this.name = this.secure ? '__Host-sso_flow' : 'sso_flow';
  }

  /** The browser's binding value, or null when it has none (or a malformed one). */
  read(req: Request | undefined): string | null {
    const header = req?.headers?.cookie;
    if (typeof header !== 'string') return null;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0 || part.slice(0, eq).trim() !== this.name) continue;
      const value = part.slice(eq + 1).trim();
      if (VALUE.test(value)) return value;
    }
    return null;
  }

  /** For a flow about to start: the browser's value (a new one if it has none), cookie refreshed. */
  ensure(req: Request | undefined, res: Response | undefined): string {
    const value = this.read(req) ?? randomToken(32);
    res?.cookie(this.name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: this.config.flowCookieMaxAgeSeconds * 1000,
    });
    return value;
  }
}
