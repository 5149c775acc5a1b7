import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MailerService } from '@nestjs-modules/mailer';
import Handlebars from 'handlebars';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { mailConfig } from '../config/mail.config';
import { MailError } from './mailer.errors';

/** Each template is `<name>.hbs` (HTML) plus `<name>.text.hbs` (plain text part). */
export const MAIL_TEMPLATES = ['code', 'security-change', 'account-link'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];
export const TEMPLATE_DIR = join(__dirname, 'templates');

export interface Mail {
  to: string;
  subject: string;
  template: MailTemplate;
  context: Record<string, unknown>;
}

@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly text = new Map<MailTemplate, Handlebars.TemplateDelegate>();

  constructor(
    private readonly mailer: MailerService,
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
  ) {}

  /** A missing template would fail at send time (and escape as an uncaught error): fail at boot instead. */
  onModuleInit(): void {
    for (const name of MAIL_TEMPLATES) {
      for (const file of [`${name}.hbs`, `${name}.text.hbs`]) {
        if (!existsSync(join(TEMPLATE_DIR, file))) throw new Error(`mail template missing: ${file}`);
      }
      this.text.set(name, Handlebars.compile(readFileSync(join(TEMPLATE_DIR, `${name}.text.hbs`), 'utf8'), { noEscape: true, strict: true }));
    }
    // The outbox holds codes: only the service's user may read it.
    if (!this.config.smtpUrl) mkdirSync(this.config.outboxDir, { recursive: true, mode: 0o700 });
  }

  /** Sends, or writes an .eml to the outbox without SMTP_URL. Failure: MAIL_DELIVERY_FAILED. */
  async send(mail: Mail): Promise<void> {
    const context = { ...mail.context, subject: mail.subject };
    try {
      const info = await this.mailer.sendMail({
        to: mail.to,
        subject: mail.subject,
        template: mail.template,
        context,
        text: this.text.get(mail.template)!(context),
      });
      if (!this.config.smtpUrl) {
        const file = join(this.config.outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
        writeFileSync(file, (info as { message: Buffer }).message, { mode: 0o600, flag: 'wx' });
        // Recipient and subject only: the body may hold a code.
        this.logger.log(`mail "${mail.subject}" to ${mail.to} written to ${file}`);
      }
    } catch (e) {
      this.logger.error(`mail "${mail.subject}" to ${mail.to} failed: ${(e as Error).message?.split('\n')[0]}`);
      throw MailError.deliveryFailed();
    }
  }
}
