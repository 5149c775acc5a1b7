import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailerModule } from '../mailer/mailer.module';
import { SecurityEventEntity } from './security-event.entity';
import { SecurityEventsService } from './security-events.service';
import { SecurityNotifier } from './security-notifier';

/** A leaf like `users`: every feature records (and mails) here; it imports none of them. */
@Module({
  imports: [TypeOrmModule.forFeature([SecurityEventEntity]), MailerModule],
  providers: [SecurityEventsService, SecurityNotifier],
  exports: [SecurityEventsService, SecurityNotifier],
})
export class SecurityEventsModule {}
