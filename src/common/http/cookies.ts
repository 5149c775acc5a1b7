/**
 * Our cookies, read and written the same way everywhere (the SSO binding, the session, the trusted
 * device): HttpOnly, SameSite=Lax, Path=/, and on https the `__Host-` prefix with Secure (no
 * Domain: a sibling subdomain cannot plant one). Only values of our own shape are ever read back.
 * Structural types, so this file needs nothing of express.
 */
export interface CookieRequest {
  headers?: { cookie?: string | string[] | undefined };
}
export interface CookieResponse {
  cookie(name: string, value: string, options: Record<string, unknown>): unknown;
  clearCookie(name: string, options: Record<string, unknown>): unknown;
}

/** What `randomToken(32)` produces. */
export const TOKEN_VALUE = /^[A-Za-z0-9_-]{43}$/;

/** `__Host-<base>` when the public URL is https, else `<base>` (a Secure cookie is not kept over plain http). */
export function cookieName(base: string, publicUrl: string): string {
  return publicUrl.startsWith('https:') ? `__Host-${base}` : base;
}

/** The value of cookie `name` when it has our shape, else null. */
export function readCookie(req: CookieRequest | undefined, name: string, shape: RegExp = TOKEN_VALUE): string | null {
  const header = req?.headers?.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (shape.test(value)) return value;
  }
  return null;
}

export function writeCookie(res: CookieResponse | undefined, name: string, value: string, opts: { secure: boolean; maxAgeMs?: number; expires?: Date }): void {
  res?.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/', ...(opts.maxAgeMs !== undefined ? { maxAge: opts.maxAgeMs } : {}), ...(opts.expires ? { expires: opts.expires } : {}) });
}

export function clearCookie(res: CookieResponse | undefined, name: string, secure: boolean): void {
  res?.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** One of our cookies by its base name: `__Host-<base>` on https, else `<base>`; read, write with an expiry, clear. */
export class NamedCookie {
  private readonly name: string;
  private readonly secure: boolean;

  constructor(base: string, publicUrl: string) {
    this.secure = publicUrl.startsWith('https:');
    this.name = cookieName(base, publicUrl);
  }

  read(req: CookieRequest | undefined): string | null {
    return readCookie(req, this.name);
  }

  write(res: CookieResponse | undefined, value: string, expiresAt: Date): void {
    writeCookie(res, this.name, value, { secure: this.secure, expires: expiresAt });
  }

  clear(res: CookieResponse | undefined): void {
    clearCookie(res, this.name, this.secure);
  }
}
