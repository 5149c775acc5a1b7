import { burst } from './support/burst';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createAgent, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import { DEACTIVATE_USER } from './support/lifecycle-operations';
import { CONFIRM_TOTP, ENABLE_TOTP, LOGIN, MY_EVENTS, REAUTH, RESET_2FA, VERIFY_CODE } from './support/operations';
import { COMPLIANCE_USERS, UPDATE_POLICY } from './support/policy-operations';
import { MY_SESSIONS } from './support/session-operations';
import { asJson, SoftAuthenticator } from './support/soft-authenticator';
import { totpFor } from './support/totp';
import {
  BEGIN_CHALLENGE_ASSERTION,
  BEGIN_PASSKEY_LOGIN,
  BEGIN_REAUTH_ASSERTION,
  BEGIN_REGISTRATION,
  FINISH_PASSKEY_LOGIN,
  FINISH_REGISTRATION,
  MY_PASSKEYS,
  REMOVE_CREDENTIAL,
  RENAME_CREDENTIAL,
  WEBAUTHN_OVERVIEW,
} from './support/webauthn-operations';

type Agent = Awaited<ReturnType<typeof createAgent>>;

/** The pages live on a subdomain; the RP id is the parent domain (API.md: WEBAUTHN_RP_ID). */
const ORIGIN = 'https://agents.cx.example';
const RP_ID = 'cx.example';

/**
 * API.md Part 2, "Passkeys and security keys", over HTTP with a software authenticator that
 * builds real ES256 attestation and assertion objects (test/support/soft-authenticator.ts): the
 * server's @simplewebauthn/server checks real signatures, origins, RP id hashes and counters.
 */
describe('passkeys and security keys', () => {
  let t: TestApp;
  let admin: GqlClient;

  beforeAll(async () => {
    t = await startTestApp({ WEB_APP_URL: ORIGIN, WEBAUTHN_RP_ID: RP_ID, RATE_LIMIT_PER_MINUTE: '0' });
    admin = await t.admin();
  });
  afterAll(async () => t?.close());

  /** Registers a credential on the agent's (recent) session; returns the backup codes of the answer. */
  async function register(a: { client: GqlClient }, key: SoftAuthenticator, name = 'YubiKey 5') {
    const { beginWebAuthnRegistration } = await a.client.ok(BEGIN_REGISTRATION);
    const { finishWebAuthnRegistration } = await a.client.ok(FINISH_REGISTRATION, { response: asJson(key.register(beginWebAuthnRegistration)), name });
    return finishWebAuthnRegistration.backupCodes;
  }

  async function passkeys(a: { client: GqlClient }) {
    return (await a.client.ok(MY_PASSKEYS)).me.security;
  }

  async function challengeFor(a: Agent) {
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    if (login.__typename !== 'TwoFactorChallenge') throw new Error('expected a challenge');
    return login;
  }

  async function eventTypes(client: GqlClient): Promise<string[]> {
    const { mySecurityEvents } = await client.ok(MY_EVENTS, { first: 50 });
    return mySecurityEvents.edges.map((e) => e.node.type);
  }

  async function passwordlessStart() {
    return (await t.gql.ok(BEGIN_PASSKEY_LOGIN)).beginPasskeyLogin;
  }

  it('registers: the first credential turns 2FA on and hands out the backup codes; a second one does not', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    const options = JSON.parse((await a.client.ok(BEGIN_REGISTRATION)).beginWebAuthnRegistration);
    // RP id from config; a random user handle, never the email; attestation none; key excluded next time.
    expect(options.rp.id).toBe(RP_ID);
    expect(options.attestation).toBe('none');
    expect(Buffer.from(options.user.id, 'base64url').toString('utf8')).not.toContain(a.email);
    expect(Buffer.from(options.user.id, 'base64url')).toHaveLength(32);
    const first = await a.client.ok(FINISH_REGISTRATION, { response: asJson(key.register(options)), name: 'Desk key' });
    expect(first.finishWebAuthnRegistration.backupCodes).toHaveLength(10);

    const second = await register(a, new SoftAuthenticator({ origin: ORIGIN, residentKey: false }), 'Laptop');
    expect(second).toBeNull();
    const s = await passkeys(a);
    expect(s.twoFactorEnabled).toBe(true);
    expect(s.webauthn.enabled).toBe(true);
    expect(s.backupCodes.remaining).toBe(10);
    expect(s.webauthnCredentials.map((c) => [c.name, c.passkey, c.lastUsedAt])).toEqual([
      ['Desk key', true, null],
      ['Laptop', false, null],
    ]);
    // The next registration's options exclude both, with the same random handle.
    const again = JSON.parse((await a.client.ok(BEGIN_REGISTRATION)).beginWebAuthnRegistration);
    expect(again.excludeCredentials).toHaveLength(2);
    expect(again.user.id).toBe(options.user.id);
    expect(await eventTypes(a.client)).toEqual(expect.arrayContaining(['WEBAUTHN_ADDED']));
    const mail = await t.smtp.waitFor(a.email, (m) => /passkey was added/i.test(m.subject));
    expect(mail.text).toContain('Desk key');
  });

  it('refuses a registration from the wrong origin, for the wrong RP id, replayed, or finished by another session', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    const options = (await a.client.ok(BEGIN_REGISTRATION)).beginWebAuthnRegistration;
    const wrongOrigin = await a.client.fail(FINISH_REGISTRATION, { response: asJson(key.register(options, { origin: 'https://agents.cx.example.evil.test' })), name: 'x' });
    expect(codeOf(wrongOrigin)).toBe('BAD_USER_INPUT');
    const wrongRp = await a.client.fail(FINISH_REGISTRATION, { response: asJson(key.register(options, { rpId: 'evil.example' })), name: 'x' });
    expect(codeOf(wrongRp)).toBe('BAD_USER_INPUT');

    // Another session of the same account (a stolen token) can't finish this session's ceremony.
    const other = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    const stolen = t.gql.withToken((other.login as { token: string }).token);
    const response = asJson(key.register(options));
    expect(codeOf(await stolen.fail(FINISH_REGISTRATION, { response, name: 'x' }))).toBe('CODE_EXPIRED');

    // The right session registers once; the same response again is a replay.
    expect((await a.client.ok(FINISH_REGISTRATION, { response, name: 'Key' })).finishWebAuthnRegistration.backupCodes).toHaveLength(10);
    expect(codeOf(await a.client.fail(FINISH_REGISTRATION, { response, name: 'Key' }))).toBe('CODE_EXPIRED');
    expect((await passkeys(a)).webauthnCredentials).toHaveLength(1);
  });

  it('signs in with the login challenge: beginWebAuthnChallenge, then verifyCode(WEBAUTHN); a replay gets nothing', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN, residentKey: false });
    await register(a, key);
    const challenge = await challengeFor(a);
    expect(challenge.methods).toEqual(['WEBAUTHN', 'BACKUP_CODE']);
    const options = JSON.parse((await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: challenge.challengeToken })).beginWebAuthnChallenge);
    expect(options.rpId).toBe(RP_ID);
    expect(options.allowCredentials).toHaveLength(1);
    const assertion = asJson(key.assert(options));
    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code: assertion });
    const signedIn = t.gql.withToken(verifyCode.token);
    expect((await signedIn.ok(MY_SESSIONS)).mySessions.find((s) => s.current)?.signedInWith).toBe('TWO_FACTOR');
    expect((await passkeys(a)).webauthnCredentials[0].lastUsedAt).not.toBeNull();

    // The same assertion on a new challenge: its ceremony was used (and belongs to the old challenge).
    const next = await challengeFor(a);
    await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: next.challengeToken });
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: next.challengeToken, method: 'WEBAUTHN', code: assertion }))).toBe('CODE_EXPIRED');
    // Options of challenge A answered on challenge B: bound to A.
    const c1 = await challengeFor(a);
    const c2 = await challengeFor(a);
    const forC1 = key.assert((await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: c1.challengeToken })).beginWebAuthnChallenge);
    await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: c2.challengeToken });
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: c2.challengeToken, method: 'WEBAUTHN', code: asJson(forC1) }))).toBe('CODE_EXPIRED');
    // A passkey assertion is longer than any code: other methods keep their 32-character limit.
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: c2.challengeToken, method: 'BACKUP_CODE', code: asJson(forC1) }))).toBe('BAD_USER_INPUT');
  });

  it('refuses assertions from the wrong origin or for the wrong RP id, each counted as a wrong code', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    const challenge = await challengeFor(a);
    const begin = async () => (await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: challenge.challengeToken })).beginWebAuthnChallenge;
    const phished = asJson(key.assert(await begin(), { origin: 'https://agents-cx-example.login.evil.test' }));
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code: phished }))).toBe('INVALID_CODE');
    const otherRp = asJson(key.assert(await begin(), { rpId: 'evil.example' }));
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code: otherRp }))).toBe('INVALID_CODE');
    const failures = (await eventTypes(await signInPasswordless(key))).filter((e) => e === 'TWO_FACTOR_FAILED');
    expect(failures).toHaveLength(2);
  });

  async function signInPasswordless(key: SoftAuthenticator): Promise<GqlClient> {
    const start = await passwordlessStart();
    const { finishPasskeyLogin } = await t.gql.ok(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(key.assert(start.options)) });
    return t.gql.withToken(finishPasskeyLogin.token);
  }

  it('passwordless: a discoverable passkey with user verification signs in as both factors; the login token is bound', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key, 'Phone');
    const start = await passwordlessStart();
    const options = JSON.parse(start.options);
    expect(options.userVerification).toBe('required');
    expect(options.allowCredentials ?? []).toEqual([]);
    const response = asJson(key.assert(options));

    // Another browser's login token (an attacker handing over their own) does not take this assertion.
    const attacker = await passwordlessStart();
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: attacker.loginToken, response }))).toBe('CODE_EXPIRED');

    const { finishPasskeyLogin } = await t.gql.ok(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response });
    expect(finishPasskeyLogin.user.email).toBe(a.email);
    const client = t.gql.withToken(finishPasskeyLogin.token);
    expect((await client.ok(MY_SESSIONS)).mySessions.find((s) => s.current)?.signedInWith).toBe('PASSKEY');
    // Both factors: the session is recent (a REAUTH_REQUIRED operation works at once).
    await client.ok(BEGIN_REGISTRATION);
    expect(await eventTypes(client)).toEqual(expect.arrayContaining(['PASSKEY_LOGIN']));
    // The same answer again: the ceremony is used.
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response }))).toBe('CODE_EXPIRED');
  });

  it('passwordless refuses a response without user verification, a security key that is not discoverable, a forged user handle, a deactivated account', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    const noUv = await passwordlessStart();
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: noUv.loginToken, response: asJson(key.assert(noUv.options, { userVerification: false })) }))).toBe('INVALID_CODE');
    const forged = await passwordlessStart();
    const victimHandle = Buffer.alloc(32, 7).toString('base64url');
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: forged.loginToken, response: asJson(key.assert(forged.options, { userHandle: victimHandle })) }))).toBe('INVALID_CODE');

    const b = await createAgent(t);
    const securityKey = new SoftAuthenticator({ origin: ORIGIN, residentKey: false });
    await register(b, securityKey);
    const start = await passwordlessStart();
    // A non-resident credential answers without a user handle: it can't name an account.
    const cred = securityKey.credentials()[0];
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(securityKey.assert(start.options, { credentialId: cred.id })) }))).toBe('INVALID_CODE');

    await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
    await admin.ok(DEACTIVATE_USER, { userId: a.id, reason: 'left the company' });
    const after = await passwordlessStart();
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: after.loginToken, response: asJson(key.assert(after.options)) }))).toBe('UNAUTHENTICATED');
  });

  it('re-authenticates with a passkey: options bound to the session, the window opens', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    // Another session of the account can't use this session's ceremony.
    const other = await signInPasswordless(key);
    const options = (await a.client.ok(BEGIN_REAUTH_ASSERTION)).beginWebAuthnReauthentication;
    const response = asJson(key.assert(options));
    expect(codeOf(await other.fail(REAUTH, { method: 'WEBAUTHN', code: response }))).toBe('CODE_EXPIRED');
    expect((await a.client.ok(REAUTH, { method: 'WEBAUTHN', code: response })).reauthenticate).toBe(true);
    expect(codeOf(await a.client.fail(REAUTH, { method: 'WEBAUTHN', code: response }))).toBe('CODE_EXPIRED');
  });

  it('refuses a signature counter that went backwards and records WEBAUTHN_COUNTER_ERROR', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    const me = await signInPasswordless(key); // counter 1
    await signInPasswordless(key); // counter 2
    const cred = key.credentials()[0];
    key.setCounter(cred.id, 0); // a clone that starts from an older state: its next assertion says 1
    const start = await passwordlessStart();
    const cloned = await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(key.assert(start.options)) });
    expect(codeOf(cloned)).toBe('INVALID_CODE');
    const events = await me.ok(MY_EVENTS, { first: 20 });
    const counterError = events.mySecurityEvents.edges.find((e) => e.node.type === 'WEBAUTHN_COUNTER_ERROR');
    expect(counterError?.node.detail).toMatch(/counter went backwards/);
    // Also as a second factor on a login challenge.
    const challenge = await challengeFor(a);
    const opts = (await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: challenge.challengeToken })).beginWebAuthnChallenge;
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code: asJson(key.assert(opts, { counter: 2 })) }))).toBe('INVALID_CODE');
    expect((await eventTypes(me)).filter((e) => e === 'WEBAUTHN_COUNTER_ERROR')).toHaveLength(2);
  });

  it('the same assertion sent 20 times at once signs in once', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    const start = await passwordlessStart();
    const response = asJson(key.assert(start.options));
    const answers = await burst(t.url, Array.from({ length: 20 }, () => ({ query: FINISH_PASSKEY_LOGIN, variables: { loginToken: start.loginToken, response } })));
    const sessions = answers.filter((r) => r.data?.finishPasskeyLogin?.token);
    // With every answer's code and message, so a failure says what the burst got.
    expect({ sessions: sessions.length, answers: answers.map((r) => (r.errors ? `${codeOf(r.errors[0])}: ${r.errors[0].message}` : 'session')) }).toMatchObject({ sessions: 1 });
    // The losers lost the race (the ceremony was used) or found the account's checks all in flight.
    for (const r of answers.filter((x) => !x.data?.finishPasskeyLogin)) expect(['CODE_EXPIRED', 'TOO_MANY_ATTEMPTS']).toContain(codeOf(r.errors![0]));
    // Nothing of it was counted as a failure: the account is not locked, its count is clear (the
    // losers gave their checks back: a double submit once left up to 10 counted, and the next
    // sign-in got TOO_MANY_ATTEMPTS).
    expect((await passkeys(a)).lockedUntil).toBeNull();
    expect(Number((await t.db.query('SELECT failed_count FROM two_factor_settings WHERE user_id = ?', [a.id]))[0].failed_count)).toBe(0);

    const challenge = await challengeFor(a);
    const assertion = asJson(key.assert((await t.gql.ok(BEGIN_CHALLENGE_ASSERTION, { challengeToken: challenge.challengeToken })).beginWebAuthnChallenge));
    const verifies = await burst(t.url, Array.from({ length: 20 }, () => ({ query: VERIFY_CODE, variables: { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code: assertion } })));
    expect(verifies.filter((r) => r.data?.verifyCode?.token)).toHaveLength(1);
  });

  it('renames and removes; removing the last method voids the backup codes and needs recent auth', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key, 'Old name');
    const [cred] = (await passkeys(a)).webauthnCredentials;
    expect((await a.client.ok(RENAME_CREDENTIAL, { id: cred.id, name: '  Blue YubiKey ' })).renameWebAuthnCredential.name).toBe('Blue YubiKey');
    expect(codeOf(await a.client.fail(RENAME_CREDENTIAL, { id: cred.id, name: '   ' }))).toBe('BAD_USER_INPUT');
    // Nobody renames or removes another account's credential.
    const b = await createAgent(t);
    expect(codeOf(await b.client.fail(RENAME_CREDENTIAL, { id: cred.id, name: 'mine' }))).toBe('NOT_FOUND');
    expect(codeOf(await b.client.fail(REMOVE_CREDENTIAL, { id: cred.id }))).toBe('NOT_FOUND');

    // A session that signed in long ago (its window closed) must re-authenticate to remove.
    await t.db.query(`UPDATE sessions SET recent_auth_at = '2000-01-01 00:00:00.000' WHERE user_id = '${a.id}'`);
    expect(codeOf(await a.client.fail(REMOVE_CREDENTIAL, { id: cred.id }))).toBe('REAUTH_REQUIRED');
    await a.client.ok(REAUTH, { method: 'WEBAUTHN', code: asJson(key.assert((await a.client.ok(BEGIN_REAUTH_ASSERTION)).beginWebAuthnReauthentication)) });
    const { removeWebAuthnCredential } = await a.client.ok(REMOVE_CREDENTIAL, { id: cred.id });
    expect(removeWebAuthnCredential.security).toMatchObject({ twoFactorEnabled: false, webauthn: { enabled: false }, backupCodes: { remaining: 0 } });
    expect(await eventTypes(a.client)).toEqual(expect.arrayContaining(['WEBAUTHN_REMOVED']));
    // The removed key signs in nowhere.
    const start = await passwordlessStart();
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(key.assert(start.options)) }))).toBe('INVALID_CODE');
    const { login } = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(login.__typename).toBe('AuthSession');
  });

  it('an admin reset removes every credential', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
    const { resetTwoFactor } = await admin.ok(RESET_2FA, { userId: a.id, reason: 'lost the key' });
    expect(resetTwoFactor.security.twoFactorEnabled).toBe(false);
    const start = await passwordlessStart();
    expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(key.assert(start.options)) }))).toBe('INVALID_CODE');
  });

  it('policy phishingResistantFor [ADMIN]: TOTP setup refused for an admin, TOTP dropped from the admin challenge, a passkey makes them compliant', async () => {
    const adminUser = await createAgent(t, { role: 'ADMIN' });
    // Set up TOTP while it is still allowed, and a security key.
    const { enableTotp } = await adminUser.client.ok(ENABLE_TOTP);
    await adminUser.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(adminUser, key, 'Admin key');

    await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
    await admin.ok(UPDATE_POLICY, { input: { requireTwoFactor: ['ADMIN'], gracePeriodDays: 7, phishingResistantFor: ['ADMIN'] } });
    try {
      const challenge = await challengeFor(adminUser);
      expect(challenge.methods).toEqual(['WEBAUTHN', 'BACKUP_CODE']);
      expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: challenge.challengeToken, method: 'TOTP', code: totpFor(enableTotp.secret) }))).toBe('BAD_USER_INPUT');
      const other = await createAgent(t, { role: 'ADMIN' });
      expect(codeOf(await other.client.fail(ENABLE_TOTP))).toBe('FORBIDDEN');
      // The console's compliance view: the admin with a key is compliant, the other is not.
      const compliant = (await admin.ok(COMPLIANCE_USERS, { twoFactorCompliant: true, first: 100 })).users.edges.map((e) => e.node.email);
      const nonCompliant = (await admin.ok(COMPLIANCE_USERS, { twoFactorCompliant: false, first: 100 })).users.edges.map((e) => e.node.email);
      expect(compliant).toContain(adminUser.email);
      expect(nonCompliant).toContain(other.email);
      expect(nonCompliant).toContain(ADMIN_EMAIL);
      // An agent is not held to it: TOTP still set up fine.
      const agent = await createAgent(t);
      await agent.client.ok(ENABLE_TOTP);
      const overview = (await admin.ok(WEBAUTHN_OVERVIEW)).securityOverview;
      expect(overview.webauthnEnabled).toBeGreaterThanOrEqual(1);
    } finally {
      await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
      await admin.ok(UPDATE_POLICY, { input: { requireTwoFactor: [], phishingResistantFor: [] } });
    }
  });

  it('passkeys off by policy: not offered, not registrable, no passwordless sign-in', async () => {
    const a = await createAgent(t);
    const key = new SoftAuthenticator({ origin: ORIGIN });
    await register(a, key);
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
    await admin.ok(UPDATE_POLICY, { input: { allowedMethods: ['EMAIL', 'TOTP'] } });
    try {
      expect((await challengeFor(a)).methods).toEqual(['TOTP', 'BACKUP_CODE']);
      expect(codeOf(await a.client.fail(BEGIN_REGISTRATION))).toBe('FORBIDDEN');
      const start = await passwordlessStart();
      expect(codeOf(await t.gql.fail(FINISH_PASSKEY_LOGIN, { loginToken: start.loginToken, response: asJson(key.assert(start.options)) }))).toBe('FORBIDDEN');
    } finally {
      await admin.ok(REAUTH, { password: ADMIN_PASSWORD });
      await admin.ok(UPDATE_POLICY, { input: { allowedMethods: ['EMAIL', 'TOTP', 'WEBAUTHN'] } });
    }
  });
});
