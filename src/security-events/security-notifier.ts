import { Injectable, Logger } from '@nestjs/common';
import { RequestMeta } from '../common/auth/request-context';
import { MailService } from '../mailer/mail.service';
import { SecurityEventsService } from './security-events.service';
import { SecurityEventType } from './security-event-type';
import { UserEntity } from '../users/user.entity';

/**
 * Records a security change and tells the user by mail. The change is already committed when
 * this runs, so a mail failure is logged, not thrown: the user's action did succeed.
 */
@Injectable()
export class SecurityNotifier {
  private readonly logger = new Logger(SecurityNotifier.name);

  constructor(
    private readonly events: SecurityEventsService,
    private readonly mail: MailService,
  ) {}

  async notify(user: UserEntity, type: SecurityEventType, subject: string, message: string, meta: RequestMeta | null, opts: { detail?: string; actorId?: string; mailDetail?: string } = {}): Promise<void> {
    await this.events.record({ userId: user.id, type, meta, actorId: opts.actorId, detail: opts.detail });
    try {
      await this.mail.send({
        to: user.email,
        subject,
        template: 'security-change',
        context: { name: user.displayName, message, detail: opts.mailDetail ?? '', when: new Date().toUTCString() },
      });
    } catch {
      this.logger.warn(`notification ${type} for user ${user.id} not delivered`);
    }
  }
}
