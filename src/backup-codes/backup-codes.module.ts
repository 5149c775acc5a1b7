import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BackupCodeEntity } from './backup-code.entity';
import { BackupCodesService } from './backup-codes.service';

@Module({
  imports: [TypeOrmModule.forFeature([BackupCodeEntity])],
  providers: [BackupCodesService],
  exports: [BackupCodesService],
})
export class BackupCodesModule {}
