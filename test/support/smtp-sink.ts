import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
  parsed: ParsedMail;
}

/** A real SMTP server on loopback that keeps what it receives, for the e2e tests. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  private server!: SMTPServer;
  private waiters: Array<() => void> = [];
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      // smtp-server's built-in STARTTLS certificate is expired: plain SMTP on loopback.
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const parsed = await simpleParser(raw);
          this.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            raw,
            parsed,
          });
          this.waiters.splice(0).forEach((w) => w());
          cb();
        });
      },
    });
    // A client that resets its connection (the app giving up on a slow send, or a sink stopped
    // under it) is an 'error' event of the server: unhandled, it would fail the whole suite.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Mails to an address, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()));
  }

  /** Waits for the next mail to `address` matching `pred`, counting only mails after `since` of them. */
  async waitFor(address: string, pred: (m: ReceivedMail) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address).slice(since).find(pred);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 200);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /**
   * The 6-digit code of the first mail with one to `address` after `since`: the code stands on a
   * line of its own (templates/code.text.hbs). Six digits elsewhere are not it: a display name or
   * an address with a random hex tag is all digits one time in sixteen (a flake once).
   */
  async code(address: string, since: number): Promise<string> {
    const line = /^[ \t]*(\d{6})[ \t\r]*$/m;
    const mail = await this.waitFor(address, (m) => line.test(m.text), since);
    return line.exec(mail.text)![1];
  }
}
