import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { HealthIndicatorService } from '@nestjs/terminus';
import { connect as tcpConnect, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { mailConfig } from '../config/mail.config';
import { healthConfig } from './health.config';

/**
 * SMTP reachability: connect, read the server's 220 greeting, say QUIT. No login and no mail,
 * so a probe every few seconds costs the mail server nothing. Skipped without SMTP_URL (mail
 * then goes to the outbox folder).
 */
@Injectable()
export class SmtpHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    @Inject(mailConfig.KEY) private readonly mail: ConfigType<typeof mailConfig>,
    @Inject(healthConfig.KEY) private readonly config: ConfigType<typeof healthConfig>,
  ) {}

  get configured(): boolean {
    return Boolean(this.mail.smtpUrl);
  }

  async check(key = 'smtp') {
    const session = this.indicator.check(key);
    try {
      await greet(this.mail.smtpUrl!, this.config.timeoutMs);
      return session.up();
    } catch (e) {
      return session.down({ message: (e as Error).message });
    }
  }
}

/** Resolves on a 220 greeting; rejects on anything else, a socket error or the timeout. */
export function greet(smtpUrl: string, timeoutMs: number): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // nodemailer's defaults for a URL without a port.
  const port = Number(url.port || (secure ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket: Socket = secure ? tlsConnect({ host, port, servername: host }) : tcpConnect({ host, port });
    let buffered = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        socket.end('QUIT\r\n');
        resolve();
      }
    };
    const timer = setTimeout(() => done(new Error(`no SMTP greeting within ${timeoutMs} ms`)), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('error', (e: NodeJS.ErrnoException) => done(new Error(`SMTP connection failed (${e.code ?? e.message})`)));
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const line = buffered.split('\r\n').find((l) => /^\d{3} /.test(l));
      if (line === undefined) {
        if (buffered.length > 4096) done(new Error('SMTP greeting too long'));
        return;
      }
      if (line.startsWith('220 ')) done();
      else done(new Error(`SMTP server not ready (${line.slice(0, 3)})`));
    });
  });
}
