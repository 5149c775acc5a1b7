import { createHash } from 'node:crypto';
import { createAgent, dbTime, startTestApp, TestApp } from './support/create-app';
import { codeOf, GqlClient } from './support/gql';
import { DEACTIVATE_USER } from './support/lifecycle-operations';
import { CONFIRM_EMAIL, CONFIRM_TOTP, ENABLE_TOTP, LOGIN, ME, SEND_LOGIN_CODE, SETUP_EMAIL, VERIFY_CODE } from './support/operations';
import { INVITE_USER, REQUEST_PASSWORD_RESET, RESEND_INVITE, RESET_PASSWORD, RESET_USER_STATUS, SEND_PASSWORD_RESET } from './support/reset-operations';
import type { ReceivedMail } from './support/smtp-sink';
import { totpFor } from './support/totp';

type Agent = Awaited<ReturnType<typeof createAgent>>;

const WEB = 'http://web.test';
const NEW_PASSWORD = 'a fresh new secret 2026';

/** API.md Part 2, "Password reset" and "Invitations": the whole app over HTTP, real SMTP. */
describe('password reset and invitations', () => {
  let t: TestApp;
  let admin: GqlClient;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp({ WEB_APP_URL: WEB });
    admin = await t.admin();
    adminId = (await admin.ok(ME)).me.id;
  });
  afterAll(async () => t?.close());

  const isLink = (m: ReceivedMail) => m.text.includes(`${WEB}/reset-password?`);
  /** The set-password link of the next link mail to `email` after `since` of its mails. */
  async function linkMail(email: string, since: number): Promise<{ url: URL; token: string; mail: ReceivedMail }> {
    const mail = await t.smtp.waitFor(email, isLink, since);
    const url = new URL(/(https?:\/\/\S+\/reset-password\?\S+)/.exec(mail.text)![1]);
    return { url, token: url.searchParams.get('token')!, mail };
  }
  const linkMails = (email: string) => t.smtp.to(email).filter(isLink);
  async function requestLink(email: string): Promise<string> {
    const before = t.smtp.to(email).length;
    expect(await t.gql.ok(REQUEST_PASSWORD_RESET, { email })).toEqual({ requestPasswordReset: true });
    return (await linkMail(email, before)).token;
  }
  const events = async (userId: string) =>
    (await t.db.query('SELECT type, actor_id, detail FROM security_events WHERE user_id = ? ORDER BY created_at, id', [userId])) as Array<{ type: string; actor_id: string | null; detail: string | null }>;
  const ofType = async (userId: string, type: string) => (await events(userId)).filter((e) => e.type === type);
  /** A fresh link can be asked for at once (the 60 s limit is tested on its own). */
  const allowNextMail = (userId: string) =>
    t.db.query('UPDATE password_reset_tokens SET issued_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 61_000)), userId]);
  /** Waits until a mail to `control` (asked after the others) arrived: the background work asked before it is done. */
  async function settle(): Promise<void> {
    const control = await createAgent(t);
    await requestLink(control.email);
  }

  async function enableEmailAndTotp(a: Agent): Promise<string> {
    const before = t.smtp.to(a.email).length;
    await a.client.ok(SETUP_EMAIL);
    await a.client.ok(CONFIRM_EMAIL, { code: await t.smtp.code(a.email, before) });
    const { enableTotp } = await a.client.ok(ENABLE_TOTP);
    await a.client.ok(CONFIRM_TOTP, { code: totpFor(enableTotp.secret) });
    return enableTotp.secret;
  }

  it('without a factor other than email: the mailed link sets the password and signs in; every other session ends', async () => {
    const a = await createAgent(t);
    const other = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    const before = t.smtp.to(a.email).length;
    expect(await t.gql.ok(REQUEST_PASSWORD_RESET, { email: a.email.toUpperCase() })).toEqual({ requestPasswordReset: true });
    const { url, token } = await linkMail(a.email, before);
    expect(`${url.origin}${url.pathname}`).toBe(`${WEB}/reset-password`);
    expect(url.searchParams.get('invite')).toBeNull();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // stored as SHA-256 only, valid 30 minutes
    const [row] = await t.db.query('SELECT token_hash, kind, issued_at, expires_at FROM password_reset_tokens WHERE user_id = ?', [a.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.kind).toBe('RESET');
    expect(new Date(row.expires_at).getTime() - new Date(row.issued_at).getTime()).toBe(30 * 60_000);

    // a password the policy refuses: BAD_USER_INPUT, and the link still works afterwards
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'password123' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'short' }))).toBe('BAD_USER_INPUT');
    // nothing changed yet
    expect((await a.client.ok(ME)).me.id).toBe(a.id);

    const { resetPassword } = await t.gql.ok(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD });
    expect(resetPassword.__typename).toBe('AuthSession');
    expect((await t.gql.withToken(resetPassword.token).ok(ME)).me.id).toBe(a.id);

    // every other session ended; the old password is gone, the new one works
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql.withToken(other.login.token).fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql.fail(LOGIN, { email: a.email, password: a.password }))).toBe('UNAUTHENTICATED');
    expect((await t.gql.ok(LOGIN, { email: a.email, password: NEW_PASSWORD })).login.__typename).toBe('AuthSession');

    // single use
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'yet another secret 2026' }))).toBe('CODE_EXPIRED');
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token: 'not-a-token', newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token: 'x'.repeat(43), newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');

    // the user is told after the change; nothing secret in it
    const told = await t.smtp.waitFor(a.email, (m) => m.subject === 'Your password was reset', before);
    expect(told.text).not.toContain(token);
    const trail = await events(a.id);
    expect(trail.filter((e) => ['PASSWORD_RESET_REQUESTED', 'PASSWORD_RESET'].includes(e.type))).toEqual([
      { type: 'PASSWORD_RESET_REQUESTED', actor_id: null, detail: null },
      { type: 'PASSWORD_RESET', actor_id: null, detail: null },
    ]);
    expect(trail).toContainEqual({ type: 'LOGIN', actor_id: null, detail: 'password reset' });
    expect(JSON.stringify(trail)).not.toContain(token);
  });

  it('with TOTP: the reset asks for it (EMAIL not offered) and sets the password only when verifyCode succeeds', async () => {
    const a = await createAgent(t);
    const secret = await enableEmailAndTotp(a);
    const pending = await t.gql.ok(LOGIN, { email: a.email, password: a.password });
    expect(pending.login.methods).toContain('EMAIL');
    const token = await requestLink(a.email);

    const { resetPassword } = await t.gql.ok(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD });
    expect(resetPassword.__typename).toBe('TwoFactorChallenge');
    expect([...resetPassword.methods].sort()).toEqual(['BACKUP_CODE', 'TOTP']);
    // the link came by email: an emailed code proves nothing more
    expect(codeOf(await t.gql.fail(SEND_LOGIN_CODE, { challengeToken: resetPassword.challengeToken }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: resetPassword.challengeToken, method: 'EMAIL', code: '123456' }))).toBe('BAD_USER_INPUT');
    // not changed yet: the old password still opens a challenge, the session still works
    expect((await t.gql.ok(LOGIN, { email: a.email, password: a.password })).login.__typename).toBe('TwoFactorChallenge');
    expect((await a.client.ok(ME)).me.id).toBe(a.id);

    const { verifyCode } = await t.gql.ok(VERIFY_CODE, { challengeToken: resetPassword.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(verifyCode.user.id).toBe(a.id);
    expect(codeOf(await a.client.fail(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql.fail(LOGIN, { email: a.email, password: a.password }))).toBe('UNAUTHENTICATED');
    expect((await t.gql.ok(LOGIN, { email: a.email, password: NEW_PASSWORD })).login.__typename).toBe('TwoFactorChallenge');
    // the login challenge that was pending before the reset ended with it
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: pending.login.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 60_000) }))).toBe('CODE_EXPIRED');
    // and the link is used up
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'yet another secret 2026' }))).toBe('CODE_EXPIRED');
    expect(await ofType(a.id, 'PASSWORD_RESET')).toHaveLength(1);
  });

  it('a link used while its 2FA step is pending cannot be completed twice', async () => {
    const a = await createAgent(t);
    const secret = await enableEmailAndTotp(a);
    const token = await requestLink(a.email);
    const first = (await t.gql.ok(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD })).resetPassword;
    const second = (await t.gql.ok(RESET_PASSWORD, { token, newPassword: 'the other new secret 2026' })).resetPassword;
    await t.gql.ok(VERIFY_CODE, { challengeToken: first.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 30_000) });
    expect(codeOf(await t.gql.fail(VERIFY_CODE, { challengeToken: second.challengeToken, method: 'TOTP', code: totpFor(secret, Date.now() + 60_000) }))).toBe('CODE_EXPIRED');
    expect((await t.gql.ok(LOGIN, { email: a.email, password: NEW_PASSWORD })).login.__typename).toBe('TwoFactorChallenge');
  });

  it('concurrent uses of one link: exactly one wins', async () => {
    const a = await createAgent(t);
    const token = await requestLink(a.email);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.gql.request(RESET_PASSWORD, { token, newPassword: `${NEW_PASSWORD} ${i}` })));
    expect(results.filter((r) => r.data?.resetPassword?.__typename === 'AuthSession')).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CODE_EXPIRED')).toHaveLength(7);
    expect(await ofType(a.id, 'PASSWORD_RESET')).toHaveLength(1);
  });

  it('an expired link is CODE_EXPIRED', async () => {
    const a = await createAgent(t);
    const token = await requestLink(a.email);
    await t.db.query('UPDATE password_reset_tokens SET expires_at = ? WHERE user_id = ?', [dbTime(new Date(Date.now() - 1000)), a.id]);
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');
  });

  it('unknown email: true, no mail, and about as long as for a real account', async () => {
    // a fresh account each round, so every real request issues a link and mails it (none is throttled)
    const real = await Promise.all(Array.from({ length: 10 }, () => createAgent(t)));
    const unknown = `nobody-${Date.now()}@example.com`;
    const timed = async (email: string) => {
      const start = process.hrtime.bigint();
      expect(await t.gql.ok(REQUEST_PASSWORD_RESET, { email })).toEqual({ requestPasswordReset: true });
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await timed(unknown); // warm-up
    const known: number[] = [];
    const none: number[] = [];
    for (const a of real) {
      none.push(await timed(unknown));
      known.push(await timed(a.email));
      // the mail of this round is out before the next round is timed: rounds measure the answer, not a backlog
      await linkMail(a.email, 0);
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    // Loose on purpose (shared CI machines): awaiting the mail on the answer path measured ~160 ms against ~10 ms here.
    const [k, n] = [median(known), median(none)];
    expect({ known: k, none: n, close: k < n * 3 + 20 && n < k * 3 + 20 }).toMatchObject({ close: true }); // the numbers show on failure

    await settle();
    expect(t.smtp.to(unknown)).toHaveLength(0);
    for (const a of real) expect(await ofType(a.id, 'PASSWORD_RESET_REQUESTED')).toHaveLength(1);
    // the 60 s limit: asking again at once sends nothing more
    await t.gql.ok(REQUEST_PASSWORD_RESET, { email: real[0].email });
    await settle();
    expect(linkMails(real[0].email)).toHaveLength(1);
  });

  it('one mail per 60 s per account, also for a burst', async () => {
    const a = await createAgent(t);
    const burst = await Promise.all(Array.from({ length: 6 }, () => t.gql.ok(REQUEST_PASSWORD_RESET, { email: a.email })));
    expect(burst.every((r) => r.requestPasswordReset === true)).toBe(true);
    const first = await linkMail(a.email, 0);
    await settle();
    expect(linkMails(a.email)).toHaveLength(1);

    await allowNextMail(a.id);
    const second = await requestLink(a.email);
    expect(second).not.toBe(first.token);
    // the newer link replaces the older one
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token: first.token, newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');
    expect((await t.gql.ok(RESET_PASSWORD, { token: second, newPassword: NEW_PASSWORD })).resetPassword.__typename).toBe('AuthSession');
  });

  it('deactivated and invited accounts get nothing; a link issued before deactivation dies with it', async () => {
    const d = await createAgent(t);
    const early = await requestLink(d.email);
    await admin.ok(DEACTIVATE_USER, { userId: d.id, reason: 'left the company' });
    await allowNextMail(d.id);
    const linksBefore = linkMails(d.email).length;
    expect(await t.gql.ok(REQUEST_PASSWORD_RESET, { email: d.email })).toEqual({ requestPasswordReset: true });
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token: early, newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');

    const invitedEmail = `invited-${Date.now()}@example.com`;
    await admin.ok(INVITE_USER, { input: { email: invitedEmail, displayName: 'Ivy Invited' } });
    await linkMail(invitedEmail, 0);
    expect(await t.gql.ok(REQUEST_PASSWORD_RESET, { email: invitedEmail })).toEqual({ requestPasswordReset: true });

    await settle();
    expect(linkMails(d.email)).toHaveLength(linksBefore);
    expect(linkMails(invitedEmail)).toHaveLength(1);
    expect(await ofType(d.id, 'PASSWORD_RESET_REQUESTED')).toHaveLength(1);
    expect(codeOf(await t.gql.fail(LOGIN, { email: d.email, password: d.password }))).toBe('UNAUTHENTICATED');
  });

  it('invite → the mailed link (invite=1, 72 h) sets the first password → ACTIVE; the admin is the actor', async () => {
    const email = `new-agent-${Date.now()}@example.com`;
    const { inviteUser } = await admin.ok(INVITE_USER, { input: { email, displayName: 'Nina New', role: 'AGENT' } });
    expect(inviteUser).toMatchObject({ email, displayName: 'Nina New', role: 'AGENT', status: 'INVITED' });
    // no password yet: nothing signs in
    expect(codeOf(await t.gql.fail(LOGIN, { email, password: '' }))).toBe('UNAUTHENTICATED');

    const { url, token, mail } = await linkMail(email, 0);
    expect(mail.subject).toBe('You are invited to CloudCX');
    expect(url.searchParams.get('invite')).toBe('1');
    const [row] = await t.db.query('SELECT kind, issued_at, expires_at FROM password_reset_tokens WHERE user_id = ?', [inviteUser.id]);
    expect(row.kind).toBe('INVITE');
    expect(new Date(row.expires_at).getTime() - new Date(row.issued_at).getTime()).toBe(72 * 3600_000);

    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'password123' }))).toBe('BAD_USER_INPUT');
    const { resetPassword } = await t.gql.ok(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD });
    expect(resetPassword.__typename).toBe('AuthSession');
    expect(resetPassword.user.id).toBe(inviteUser.id);
    expect((await admin.ok(RESET_USER_STATUS, { id: inviteUser.id })).user!.status).toBe('ACTIVE');
    expect((await t.gql.ok(LOGIN, { email, password: NEW_PASSWORD })).login.__typename).toBe('AuthSession');
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token, newPassword: 'yet another secret 2026' }))).toBe('CODE_EXPIRED');

    const trail = await events(inviteUser.id);
    expect(trail[0]).toEqual({ type: 'USER_INVITED', actor_id: adminId, detail: 'role AGENT' });
    expect(trail.map((e) => e.type)).toEqual(expect.arrayContaining(['USER_INVITED', 'PASSWORD_RESET', 'LOGIN']));

    // a taken email (any case) is CONFLICT; agents cannot invite
    expect(codeOf(await admin.fail(INVITE_USER, { input: { email: email.toUpperCase(), displayName: 'Again' } }))).toBe('CONFLICT');
    const agent = await createAgent(t);
    expect(codeOf(await agent.client.fail(INVITE_USER, { input: { email: `x-${email}`, displayName: 'X' } }))).toBe('FORBIDDEN');
  });

  it('resendInvite: a new link, the old one void; only while INVITED', async () => {
    const email = `resend-${Date.now()}@example.com`;
    const { inviteUser } = await admin.ok(INVITE_USER, { input: { email, displayName: 'Rita Resend', role: 'ADMIN' } });
    const first = await linkMail(email, 0);
    expect(await admin.ok(RESEND_INVITE, { userId: inviteUser.id })).toEqual({ resendInvite: true });
    const second = await linkMail(email, 1);
    expect(second.token).not.toBe(first.token);
    expect(second.url.searchParams.get('invite')).toBe('1');
    expect(codeOf(await t.gql.fail(RESET_PASSWORD, { token: first.token, newPassword: NEW_PASSWORD }))).toBe('CODE_EXPIRED');
    expect((await t.gql.ok(RESET_PASSWORD, { token: second.token, newPassword: NEW_PASSWORD })).resetPassword.user.role).toBe('ADMIN');
    expect(codeOf(await admin.fail(RESEND_INVITE, { userId: inviteUser.id }))).toBe('CONFLICT');
    expect(await ofType(inviteUser.id, 'USER_INVITED')).toEqual([
      { type: 'USER_INVITED', actor_id: adminId, detail: 'role ADMIN' },
      { type: 'USER_INVITED', actor_id: adminId, detail: 'invitation sent again' },
    ]);
    expect(codeOf(await admin.fail(RESEND_INVITE, { userId: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });

  it('sendPasswordReset: an admin mails an active user a link; the event names the admin', async () => {
    const a = await createAgent(t);
    expect(await admin.ok(SEND_PASSWORD_RESET, { userId: a.id })).toEqual({ sendPasswordReset: true });
    const { token } = await linkMail(a.email, 0);
    expect(await ofType(a.id, 'PASSWORD_RESET_REQUESTED')).toEqual([{ type: 'PASSWORD_RESET_REQUESTED', actor_id: adminId, detail: 'sent by an administrator' }]);
    expect((await t.gql.ok(RESET_PASSWORD, { token, newPassword: NEW_PASSWORD })).resetPassword.__typename).toBe('AuthSession');

    // an admin action is not held by the 60 s limit (the newest link replaces the older), and
    // concurrent ones do not trip over each other's row locks (MariaDB)
    const sends = await Promise.all([1, 2].map(() => admin.request(SEND_PASSWORD_RESET, { userId: a.id })));
    expect(sends.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(linkMails(a.email)).toHaveLength(3);

    const email = `pending-${Date.now()}@example.com`;
    const { inviteUser } = await admin.ok(INVITE_USER, { input: { email, displayName: 'Pia Pending' } });
    expect(codeOf(await admin.fail(SEND_PASSWORD_RESET, { userId: inviteUser.id }))).toBe('CONFLICT');
    const agent = await createAgent(t);
    expect(codeOf(await agent.client.fail(SEND_PASSWORD_RESET, { userId: a.id }))).toBe('FORBIDDEN');
    // like every admin mutation, it needs a recent sign-in
    const stale = await t.admin();
    await t.db.query('UPDATE sessions SET recent_auth_at = ? WHERE token_hash = ?', [dbTime(new Date(Date.now() - 11 * 60_000)), createHash('sha256').update(stale.token!).digest('hex')]);
    expect(codeOf(await stale.fail(SEND_PASSWORD_RESET, { userId: a.id }))).toBe('REAUTH_REQUIRED');
  });
});
