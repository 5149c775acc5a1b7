import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MailerService } from '@nestjs-modules/mailer';
import Handlebars from 'handlebars';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

interface Compiled {
  html: Handlebars.TemplateDelegate;
  text: Handlebars.TemplateDelegate;
}

@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  /** Its own Handlebars instance: no helper or partial registered elsewhere reaches the mails. */
  private readonly hbs = Handlebars.create();
  private readonly templates = new Map<MailTemplate, Compiled>();

  constructor(
    private readonly mailer: MailerService,
    @Inject(mailConfig.KEY) private readonly config: ConfigType<typeof mailConfig>,
  ) {}

  /**
   * Both parts of every template are read and compiled here, at boot: a missing or broken
   * template stops the start instead of failing (or escaping as an uncaught error) at send time.
   * The HTML part escapes every `{{value}}`; the text part does not (it is not HTML). `strict`:
   * a value the template names but the context lacks fails the send instead of printing nothing.
   *
   * The rendering is ours, not the mailer module's template adapter: given an adapter, the module
   * `require`s its optional preview-email (pug, babel, mailparser: ~19 MiB of heap and code) at
   * boot even with `preview` off, and its Handlebars adapter loads a native CSS inliner we do not use.
   */
  onModuleInit(): void {
    const compile = (file: string, options: CompileOptions) => {
      let source: string;
      try {
        source = readFileSync(join(TEMPLATE_DIR, file), 'utf8');
      } catch {
        throw new Error(`mail template missing: ${file}`);
      }
      // Handlebars compiles lazily, on the first call: precompile to find syntax errors now.
      this.hbs.precompile(source, options);
      return this.hbs.compile(source, options);
    };
    for (const name of MAIL_TEMPLATES) {
      this.templates.set(name, { html: compile(`${name}.hbs`, { strict: true }), text: compile(`${name}.text.hbs`, { noEscape: true, strict: true }) });
    }
    // The outbox holds codes: only the service's user may read it.
    if (!this.config.smtpUrl) mkdirSync(this.config.outboxDir, { recursive: true, mode: 0o700 });
  }

  /** Sends, or writes an .eml to the outbox without SMTP_URL. Failure: MAIL_DELIVERY_FAILED. */
  async send(mail: Mail): Promise<void> {
    const context = { ...mail.context, subject: mail.subject };
    try {
      const template = this.templates.get(mail.template)!;
      // Rendered here; no `context` goes to the mailer: given html and a context, it would
      // substitute `{{key}}` again in the rendered HTML, unescaped (user data that spells a key).
      const info = await this.mailer.sendMail({
        to: mail.to,
        subject: mail.subject,
        html: template.html(context),
        text: template.text(context),
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
