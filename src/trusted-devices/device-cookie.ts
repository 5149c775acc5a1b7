import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NamedCookie } from '../common/http/cookies';
import { appConfig } from '../config/app.config';

/**
 * The trusted-device cookie (API.md Part 2): `__Host-device` on https, `device` otherwise;
 * HttpOnly, SameSite=Lax, living as long as the device does. HTTP side only: resolvers read and
 * write it and hand the plain value to the services, which store and compare its SHA-256.
 */
@Injectable()
export class DeviceCookie extends NamedCookie {
  constructor(@Inject(appConfig.KEY) app: ConfigType<typeof appConfig>) {
    super('device', app.publicUrl);
  }
}
