import { PasskeyLoginService } from '../../src/auth/login/passkey-login.service';
import { SessionsService } from '../../src/auth/sessions/sessions.service';
import { ApiErrorCode } from '../../src/common/errors/api-error-code';
import { webauthnConfig } from '../../src/config/webauthn.config';
import { SecuritySettingsService } from '../../src/security-settings/security-settings.service';
import { asJson, SoftAuthenticator } from '../support/soft-authenticator';
import { agent } from './support/factory';
import { META, Medium, apiCodeOf, startServices } from './support/medium';

const MINUTE = 60_000;

/** Passkey ceremonies' lifetimes (API.md: every challenge single use and 5 minutes), with the clock under the test's control. */
describe('passkey ceremonies (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let settings: SecuritySettingsService;
  let passkeys: PasskeyLoginService;
  let origin: string;

  beforeAll(async () => {
    m = await startServices();
    settings = m.get(SecuritySettingsService);
    passkeys = m.get(PasskeyLoginService);
    origin = m.app.get<{ origin: string }>(webauthnConfig.KEY).origin;
  });
  afterAll(async () => m?.close());

  async function registered() {
    const a = await agent(m).build();
    const { session } = await m.get(SessionsService).issue(a.user.id, META);
    const key = new SoftAuthenticator({ origin });
    await settings.finishWebAuthn(a.user.id, session.id, asJson(key.register(await settings.beginWebAuthn(a.user.id, session.id))), 'Key', META);
    return { a, session, key };
  }

  it('a registration answered after 5 minutes is refused (CODE_EXPIRED) and stores nothing', async () => {
    const a = await agent(m).build();
    const { session } = await m.get(SessionsService).issue(a.user.id, META);
    const key = new SoftAuthenticator({ origin });
    const options = await settings.beginWebAuthn(a.user.id, session.id);
    m.clock.advance(5 * MINUTE + 1_000);
    expect(await apiCodeOf(settings.finishWebAuthn(a.user.id, session.id, asJson(key.register(options)), 'Late', META))).toBe(ApiErrorCode.CODE_EXPIRED);
    expect(await apiCodeOf(settings.finishWebAuthn(a.user.id, session.id, asJson(key.register(await settings.beginWebAuthn(a.user.id, session.id))), 'In time', META))).toBe('OK');
  });

  it('asking again replaces the options: only the latest ceremony of a session can be answered', async () => {
    const a = await agent(m).build();
    const { session } = await m.get(SessionsService).issue(a.user.id, META);
    const key = new SoftAuthenticator({ origin });
    const first = await settings.beginWebAuthn(a.user.id, session.id);
    const second = await settings.beginWebAuthn(a.user.id, session.id);
    expect(await apiCodeOf(settings.finishWebAuthn(a.user.id, session.id, asJson(key.register(first)), 'Old', META))).toBe(ApiErrorCode.CODE_EXPIRED);
    expect(await apiCodeOf(settings.finishWebAuthn(a.user.id, session.id, asJson(key.register(second)), 'New', META))).toBe('OK');
  });

  it('a passwordless sign-in answered at 4:59 works, at 5:01 is refused', async () => {
    const { a, key } = await registered();
    const inTime = await passkeys.begin();
    m.clock.advance(5 * MINUTE - 1_000);
    expect((await passkeys.finish(inTime.loginToken, asJson(key.assert(inTime.options)), META, null)).user.id).toBe(a.user.id);
    const late = await passkeys.begin();
    m.clock.advance(5 * MINUTE + 1_000);
    expect(await apiCodeOf(passkeys.finish(late.loginToken, asJson(key.assert(late.options)), META, null))).toBe(ApiErrorCode.CODE_EXPIRED);
  });

  it('a wrong passwordless answer counts against the account like a wrong code; 10 lock it', async () => {
    const { key } = await registered();
    for (let i = 0; i < 10; i++) {
      const s = await passkeys.begin();
      expect(await apiCodeOf(passkeys.finish(s.loginToken, asJson(key.assert(s.options, { origin: 'https://evil.example' })), { ...META, ip: `192.0.2.${100 + i}` }, null))).toBe(ApiErrorCode.INVALID_CODE);
    }
    const s = await passkeys.begin();
    expect(await apiCodeOf(passkeys.finish(s.loginToken, asJson(key.assert(s.options)), META, null))).toBe(ApiErrorCode.TOO_MANY_ATTEMPTS);
  });
});
