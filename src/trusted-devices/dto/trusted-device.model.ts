import { Field, ID, ObjectType } from '@nestjs/graphql';
import { plainAddress } from '../../common/net/client-address';
import type { TrustedDeviceView } from '../trusted-devices.service';

@ObjectType('TrustedDevice', { description: 'A browser remembered after a second factor ("Remember this browser")' })
export class TrustedDeviceModel {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field() expiresAt: Date;
  @Field(() => String, { nullable: true }) browser: string | null;
  @Field(() => String, { nullable: true }) os: string | null;
  @Field(() => String, { nullable: true, description: 'where it was added from' }) ip: string | null;
  @Field({ description: 'the browser of this request' }) current: boolean;

  static from(d: TrustedDeviceView): TrustedDeviceModel {
    return Object.assign(new TrustedDeviceModel(), {
      id: d.id, createdAt: d.createdAt, lastUsedAt: d.lastUsedAt, expiresAt: d.expiresAt, browser: d.browser, os: d.os, ip: plainAddress(d.ip), current: d.current,
    });
  }
}
