import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TwoFactorModule } from '../two-factor';
import { BackupCodeSetEntity } from './backup-code-set.entity';
import { BackupCodeEntity } from './backup-code.entity';
import { BackupCodeFactor } from './backup-code.factor';
import { BackupCodesService } from './backup-codes.service';

@Module({
  imports: [TypeOrmModule.forFeature([BackupCodeEntity, BackupCodeSetEntity]), TwoFactorModule],
  providers: [BackupCodesService, BackupCodeFactor],
  exports: [BackupCodesService],
})
export class BackupCodesModule {}
