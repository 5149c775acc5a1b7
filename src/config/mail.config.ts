import { join } from 'node:path';
import { registerAs } from '@nestjs/config';

export const mailConfig = registerAs('mail', () => ({
  smtpUrl: process.env.SMTP_URL || null,
  from: process.env.MAIL_FROM || 'CloudCX Security <no-reply@localhost>',
  outboxDir: join(process.env.DATA_DIR || 'data', 'outbox'),
}));
export type MailConfig = ReturnType<typeof mailConfig>;
