import { Args, Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { AuthContext, CurrentAuth, Meta, RequestMeta } from '../common/auth/decorators';
import { DeviceCookie } from './device-cookie';
import { TrustedDeviceIdArgs } from './dto/trusted-device.args';
import { TrustedDeviceModel } from './dto/trusted-device.model';
import { TrustedDevicesService } from './trusted-devices.service';

/** Profile > User Setting > Trusted browsers. */
@Resolver()
export class TrustedDevicesResolver {
  constructor(
    private readonly devices: TrustedDevicesService,
    private readonly cookie: DeviceCookie,
  ) {}

  @Query(() => [TrustedDeviceModel])
  async myTrustedDevices(@CurrentAuth() auth: AuthContext, @Context('req') req: Request): Promise<TrustedDeviceModel[]> {
    return (await this.devices.list(auth.userId, this.cookie.read(req))).map(TrustedDeviceModel.from);
  }

  @Mutation(() => Boolean)
  async revokeTrustedDevice(@Args() args: TrustedDeviceIdArgs, @CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta): Promise<boolean> {
    await this.devices.revoke(auth.userId, args.id, meta);
    return true;
  }

  @Mutation(() => Int, { description: 'how many were revoked' })
  async revokeAllTrustedDevices(@CurrentAuth() auth: AuthContext, @Meta() meta: RequestMeta, @Context('res') res: Response): Promise<number> {
    const n = await this.devices.revokeAll(auth.userId, meta, 'all revoked by the user');
    // This browser's cookie names a revoked device now: drop it.
    this.cookie.clear(res);
    return n;
  }
}
