import { randomBytes } from 'node:crypto';
import { AuthService } from '../../src/auth/login/auth.service';
import { ApiErrorCode } from '../../src/common/errors/api-error-code';
import { ResetTokenKind } from '../../src/password-reset/password-reset-token.entity';
import { PasswordResetTokensService } from '../../src/password-reset/password-reset-tokens.service';
import { PasswordResetService } from '../../src/password-reset/password-reset.service';
import { UsersService } from '../../src/users/users.service';
import { UserStatus } from '../../src/users/user-status.enum';
import { agent } from './support/factory';
import { META, Medium, apiCodeOf, startServices } from './support/medium';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NEW_PASSWORD = 'a fresh new secret 2026';
const ADMIN_ID = '00000000-0000-4000-8000-0000000000ad';

/** The expiry and single-use rules of set-password links, on the real services and database, with a fake clock. */
describe('password reset rules (service tier, SQLite, fake clock)', () => {
  let m: Medium;
  let reset: PasswordResetService;

  beforeAll(async () => {
    m = await startServices();
    reset = m.get(PasswordResetService);
  });
  afterAll(async () => m?.close());

  /** The token of the newest link mailed to `to`. */
  const lastLink = (to: string): string => {
    const mail = [...m.mail.sent].reverse().find((x) => x.to === to && x.template === 'account-link');
    if (!mail) throw new Error(`no link mailed to ${to}`);
    return new URL(String(mail.context.url)).searchParams.get('token')!;
  };
  const use = (token: string) => reset.resetPassword(token, NEW_PASSWORD, META);

  it('a reset link lives 30 minutes', async () => {
    const a = await agent(m).build();
    await reset.adminSendReset(ADMIN_ID, a.user.id, META);
    const early = lastLink(a.user.email);
    m.clock.advance(30 * MINUTE - 1_000);
    expect((await use(early)).kind).toBe('session');

    const b = await agent(m).build();
    await reset.adminSendReset(ADMIN_ID, b.user.id, META);
    const late = lastLink(b.user.email);
    m.clock.advance(30 * MINUTE);
    expect(await apiCodeOf(use(late))).toBe(ApiErrorCode.CODE_EXPIRED);
  });

  it('an invitation lives 72 hours and makes the account ACTIVE', async () => {
    const email = () => `invitee-${randomBytes(4).toString('hex')}@example.com`;
    const first = await reset.invite(ADMIN_ID, { email: email(), displayName: 'Early' }, META);
    const early = lastLink(first.email);
    m.clock.advance(72 * HOUR - 1_000);
    expect((await use(early)).kind).toBe('session');
    expect((await m.get(UsersService).getById(first.id)).status).toBe(UserStatus.ACTIVE);

    const second = await reset.invite(ADMIN_ID, { email: email(), displayName: 'Late' }, META);
    const late = lastLink(second.email);
    m.clock.advance(72 * HOUR);
    expect(await apiCodeOf(use(late))).toBe(ApiErrorCode.CODE_EXPIRED);
    expect((await m.get(UsersService).getById(second.id)).status).toBe(UserStatus.INVITED);
  });

  it('the public form: one link per 60 s per account', async () => {
    const a = await agent(m).build();
    const tokens = m.get(PasswordResetTokensService);
    expect(await tokens.issue(a.user.id, ResetTokenKind.RESET, { throttled: true })).toEqual(expect.any(String));
    expect(await tokens.issue(a.user.id, ResetTokenKind.RESET, { throttled: true })).toBeNull();
    m.clock.advance(59_999);
    expect(await tokens.issue(a.user.id, ResetTokenKind.RESET, { throttled: true })).toBeNull();
    m.clock.advance(1);
    expect(await tokens.issue(a.user.id, ResetTokenKind.RESET, { throttled: true })).toEqual(expect.any(String));
  });

  it("a link is single use and works only for its own account's state", async () => {
    const a = await agent(m).build();
    await reset.adminSendReset(ADMIN_ID, a.user.id, META);
    const token = lastLink(a.user.email);
    expect(await apiCodeOf(reset.resetPassword(token, 'password123', META))).toBe(ApiErrorCode.BAD_USER_INPUT);
    expect((await use(token)).kind).toBe('session');
    expect(await apiCodeOf(use(token))).toBe(ApiErrorCode.CODE_EXPIRED);
    // what a password change, an admin 2FA reset or a deactivation runs also voids an outstanding reset link
    await reset.adminSendReset(ADMIN_ID, a.user.id, META);
    const outstanding = lastLink(a.user.email);
    await m.get(AuthService).endPendingSignIns(a.user.id);
    expect(await apiCodeOf(use(outstanding))).toBe(ApiErrorCode.CODE_EXPIRED);
  });
});
