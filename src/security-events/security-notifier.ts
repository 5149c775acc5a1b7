import { Injectable, Logger } from '@nestjs/common';
import { RequestMeta } from '../common/auth/request-context';
import { AfterCommit } from '../database/after-commit';
import { Db, TransactionHost } from '../database/transactions';
import { MailService } from '../mailer/mail.service';
import { SecurityEventsService } from './security-events.service';
import { SecurityEventType } from './security-event-type';
import { UserEntity } from '../users/user.entity';

/**
 * Records a security change and tells the user by mail. A mail failure is logged, not thrown:
 * the user's action did succeed. Called inside a transaction, the event is part of it and the
 * mail goes once it commits (never for a change rolled back, and no lock held while SMTP talks);
 * outside one, the change is already committed and the mail is sent before this returns.
 */
@Injectable()
export class SecurityNotifier {
  private readonly logger = new Logger(SecurityNotifier.name);

  constructor(
    private readonly events: SecurityEventsService,
    private readonly mail: MailService,
    private readonly tx: TransactionHost<Db>,
    private readonly afterCommit: AfterCommit,
  ) {}

  async notify(user: UserEntity, type: SecurityEventType, subject: string, message: string, meta: RequestMeta | null, opts: { detail?: string; actorId?: string; mailDetail?: string } = {}): Promise<void> {
    await this.events.record({ userId: user.id, type, meta, actorId: opts.actorId, detail: opts.detail });
    const send = async () => {
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
    };
    if (this.tx.isTransactionActive()) this.afterCommit.run(send);
    else await send();
  }
}
