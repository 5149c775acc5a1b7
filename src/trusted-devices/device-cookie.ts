import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { clearCookie, cookieName, CookieRequest, CookieResponse, readCookie, writeCookie } from '../common/http/cookies';
import { appConfig } from '../config/app.config';

/**
 * The trusted-device cookie (API.md Part 2): `__Host-device` on https, `device` otherwise;
 * HttpOnly, SameSite=Lax, living as long as the device does. HTTP side only: resolvers read
 * and write it and hand the plain value to the services, which store and compare its SHA-256.
 */
@Injectable()
export class DeviceCookie {
  private readonly name: string;
  private readonly secure: boolean;

  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    this.secure = app.publicUrl.startsWith('https:');
    this.name = cookieName('device', app.publicUrl);
  }

  read(req: CookieRequest | undefined): string | null {
    return readCookie(req, this.name);
  }

  write(res: CookieResponse | undefined, token: string, expiresAt: Date): void {
    writeCookie(res, this.name, token, { secure: this.secure, expires: expiresAt });
  }

  clear(res: CookieResponse | undefined): void {
    clearCookie(res, this.name, this.secure);
  }
}
