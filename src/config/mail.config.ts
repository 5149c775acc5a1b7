import { registerAs } from '@nestjs/config';
import { inDataDir } from './data-dir';

export const mailConfig = registerAs('mail', () => ({
  smtpUrl: process.env.SMTP_URL || null,
  from: process.env.MAIL_FROM || 'CloudCX Security <no-reply@localhost>',
  outboxDir: inDataDir('outbox'),
}));
export type MailConfig = ReturnType<typeof mailConfig>;
