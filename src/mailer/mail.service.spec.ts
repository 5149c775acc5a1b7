import { ConfigModule } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { MailerService } from '@nestjs-modules/mailer';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailConfig } from '../config/mail.config';
import { MailService } from './mail.service';
import { MailerModule } from './mailer.module';

// What the mailer module would load with a template adapter: preview-email (pug, babel,
// mailparser) and the native CSS inliner. A factory runs only if something requires the module
// (jest hoists these above the imports, hence the global).
type Loaded = { mockMailerLoaded?: string[] };
jest.mock('preview-email', () => {
  ((globalThis as Loaded).mockMailerLoaded ??= []).push('preview-email');
  return () => Promise.resolve();
});
jest.mock('@css-inline/css-inline', () => {
  ((globalThis as Loaded).mockMailerLoaded ??= []).push('@css-inline/css-inline');
  return { inline: (html: string) => html };
});

describe('MailService (the real MailerModule, outbox transport)', () => {
  let moduleRef: TestingModule;
  let mail: MailService;
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mail-spec-'));
    process.env.DATA_DIR = dir;
    delete process.env.SMTP_URL;
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [mailConfig] }), MailerModule],
    })
      .setLogger({ log: () => undefined, error: () => undefined, warn: () => undefined })
      .compile();
    await moduleRef.init();
    mail = moduleRef.get(MailService);
  });

  afterAll(async () => {
    await moduleRef.close();
    rmSync(dir, { recursive: true, force: true });
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  const outbox = () => readdirSync(join(dir, 'outbox')).map((f) => readFileSync(join(dir, 'outbox', f), 'utf8'));

  it('boots and sends without loading the preview or CSS-inlining code', async () => {
    await mail.send({ to: 'a@example.com', subject: 'Your sign-in code', template: 'code', context: { name: 'Ann', code: '123456', minutes: 10, purpose: 'Sign in.' } });
    expect((globalThis as Loaded).mockMailerLoaded ?? []).toEqual([]);
  });

  it('escapes values in the HTML part, not in the text part, and never re-substitutes rendered text', async () => {
    const sendMail = jest.spyOn(moduleRef.get(MailerService), 'sendMail');
    // A display name that spells markup and a template key.
    const name = '<b>Eve</b> {{code}}';
    await mail.send({ to: 'eve@example.com', subject: 'Your verification code', template: 'code', context: { name, code: '654321', minutes: 10, purpose: 'Confirm.' } });
    const options = sendMail.mock.calls[0][0];
    expect(options).not.toHaveProperty('context');
    expect(options).not.toHaveProperty('template');
    expect(options.html).toContain('Hello &lt;b&gt;Eve&lt;/b&gt; {{code}},');
    expect(options.html).not.toContain('<b>Eve</b>');
    expect(options.html).toContain('654321');
    expect(options.text).toContain('<b>Eve</b> {{code}}');
    expect(options.text).toContain('654321');
    sendMail.mockRestore();
    const eml = outbox().find((m) => m.includes('eve@example.com'))!;
    expect(eml).toMatch(/Content-Type: text\/html/);
    expect(eml).toMatch(/Content-Type: text\/plain/);
  });

  it('refuses a context that lacks a value the template names (strict), before anything is sent', async () => {
    const sendMail = jest.spyOn(moduleRef.get(MailerService), 'sendMail');
    await expect(mail.send({ to: 'b@example.com', subject: 'x', template: 'code', context: { name: 'Bob' } })).rejects.toMatchObject({ code: 'DELIVERY_FAILED' });
    expect(sendMail).not.toHaveBeenCalled();
    sendMail.mockRestore();
  });
});
