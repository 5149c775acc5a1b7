import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { UsersModule } from '../users/users.module';
import { DeviceCookie } from './device-cookie';
import { TrustedDeviceEntity } from './trusted-device.entity';
import { TrustedDevicesPurge } from './trusted-devices.purge';
import { TrustedDevicesResolver } from './trusted-devices.resolver';
import { TrustedDevicesService } from './trusted-devices.service';

/**
 * Trusted browsers and new-device alerts. Below auth (sign-in consults it), above the security
 * policy (trustedDeviceDays, phishingResistantFor), which is global.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TrustedDeviceEntity]), UsersModule, SecurityEventsModule, MailerModule],
  providers: [TrustedDevicesService, DeviceCookie, TrustedDevicesResolver, TrustedDevicesPurge],
  exports: [TrustedDevicesService, DeviceCookie],
})
export class TrustedDevicesModule {}
