import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PurgeRegistry } from '../housekeeping/purge-registry';
import { TrustedDeviceEntity } from './trusted-device.entity';

/** Trusted browsers that expired or were forgotten more than a day ago: they can never sign anyone in again. */
@Injectable()
export class TrustedDevicesPurge implements OnModuleInit {
  constructor(
    @InjectRepository(TrustedDeviceEntity) private readonly devices: Repository<TrustedDeviceEntity>,
    private readonly registry: PurgeRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('trusted_devices', (cutoff) => this.registry.deleteInBatches(this.devices, 'expires_at < :cutoff OR revoked_at < :cutoff', cutoff));
  }
}
