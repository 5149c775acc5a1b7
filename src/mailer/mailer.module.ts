import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { MailerModule as NestMailerModule } from '@nestjs-modules/mailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { mailConfig } from '../config/mail.config';
import { MailService } from './mail.service';

@Module({
  imports: [
    NestMailerModule.forRootAsync({
      imports: [],
      inject: [mailConfig.KEY],
      useFactory: (cfg: ConfigType<typeof mailConfig>) => ({
        transport: cfg.smtpUrl
          ? {
              // Not `url: cfg.smtpUrl`: given a url, nodemailer drops every other option (the
              // timeouts below would silently fall back to 2 min / 30 s / 10 min).
              ...parseConnectionUrl(cfg.smtpUrl),
              // Bounded waits: a dead SMTP server must fail the request, not hang it.
              connectionTimeout: 10_000,
              greetingTimeout: 10_000,
              socketTimeout: 20_000,
            }
          : { streamTransport: true, buffer: true, newline: 'unix' },
        defaults: { from: cfg.from },
        // No `template` adapter: MailService renders both parts itself (see there why).
      }),
    }),
  ],
  providers: [MailService],
  exports: [MailService],
})
export class MailerModule {}
