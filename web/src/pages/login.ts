import { ApiError, gql } from '../api';
import { busy, button, codeField, field, focusHeading, h, messageBox, replace, tieError } from '../dom';
import { flash } from '../flash';
import { sessionNotice } from '../session-notice';
import { describeError, endsSignIn, lockedSentence, METHOD_LABEL, ssoErrorSentence, triesLeftSentence } from '../messages';
import {
  BIND_SSO, COMPLETE_SSO, LOGIN, SSO_PROVIDERS, SSO_TICKET,
  type AuthSession, type Challenge, type LoginResult, type Method, type SsoTicketInfo,
} from '../ops';
import { SEND_SIGN_IN_CODE, VERIFY_SIGN_IN_CODE } from '../ops-signin';
import { BEGIN_PASSKEY_LOGIN, BEGIN_WEBAUTHN_CHALLENGE, FINISH_PASSKEY_LOGIN } from '../ops-passkeys';
import { CeremonyCancelled, describePasskeyError, passkeysSupported, useCredential } from '../passkeys';
import { sendCode } from '../send-code';
import { currentUser, dropQuery, forgetUser, navigate, route, safeNext, type Ctx } from '../router';

/** A finished second step: the session, and how many backup codes are left when one was used. */
export type SignedInSession = AuthSession & { backupCodesRemaining?: number | null };

/** After a sign-in with a backup code: that one was used, and how many are left. */
export function backupCodeSentence(left: number): string {
  if (left === 0) return 'You signed in with your last backup code. Generate new codes now, or you may be locked out if you lose your other methods.';
  const count = left === 1 ? '1 backup code is' : `${left} backup codes are`;
  return `You signed in with a backup code, so it no longer works. ${count} left.${left <= 2 ? ' Generate new codes soon.' : ''}`;
}

function signedIn(ctx: Ctx, next: string, session?: SignedInSession) {
  // The answer set the session cookie: the token is not kept anywhere in the page. The router asks
  // `me` again, which also sends a session that may only enrol (enrollmentRequired) to /enroll.
  forgetUser();
  const left = session?.backupCodesRemaining;
  if (typeof left === 'number') {
    // User settings shows it at the top (with the codes' section below); anywhere else, this page says it first.
    if (next.startsWith('/settings')) {
      const earlier = flash.take(); // e.g. "Single sign-on is connected."
      flash.set(earlier ? `${earlier} ${backupCodeSentence(left)}` : backupCodeSentence(left));
    }
    else return backupCodeNotice(ctx, next, left);
  }
  navigate(next, { replace: true });
}

/** A backup code was used on the way to a page that would not say so: say it, then continue. */
function backupCodeNotice(ctx: Ctx, next: string, left: number) {
  const heading = h('h1', null, 'You used a backup code');
  replace(ctx.main, h('div', { class: 'narrow' },
    heading,
    h('p', { class: left <= 2 ? 'message error' : 'message info' }, backupCodeSentence(left)),
    h('p', null,
      h('a', { href: next, 'data-link': true, class: 'button' }, 'Continue'), ' ',
      h('a', { href: '/settings', 'data-link': true, class: 'button secondary' }, 'Manage backup codes')),
  ));
  focusHeading(heading);
}

function afterFirstFactor(ctx: Ctx, result: LoginResult | { __typename: 'AuthSession' }, next: string, onSignedIn?: () => void) {
  if (result.__typename === 'AuthSession') {
    onSignedIn?.();
    return signedIn(ctx, next);
  }
  twoFactorStep(ctx.main, result, (session) => {
    onSignedIn?.();
    signedIn(ctx, next, session);
  }, { restart: next === '/settings' ? '/login' : `/login?next=${encodeURIComponent(next)}` });
}

/**
 * "Sign in with a passkey": a discoverable passkey signs in without the email and password (it
 * counts as both factors). The login token and the options live only in this click's variables.
 */
function passkeySignIn(ctx: Ctx, msg: ReturnType<typeof messageBox>, next: string): HTMLElement | null {
  if (!passkeysSupported()) return null;
  const start: HTMLButtonElement = button('Sign in with a passkey', async () => {
    msg.clear();
    try {
      const session = await busy(start, async () => {
        const { beginPasskeyLogin } = await gql(BEGIN_PASSKEY_LOGIN);
        const response = await useCredential(beginPasskeyLogin.options);
        return (await gql(FINISH_PASSKEY_LOGIN, { loginToken: beginPasskeyLogin.loginToken, response })).finishPasskeyLogin;
      }, 'Waiting for your passkey…');
      if (ctx.alive()) afterFirstFactor(ctx, session, next);
    } catch (err) {
      if (!ctx.alive()) return;
      if (err instanceof CeremonyCancelled) msg.info('No passkey was used: the request was cancelled or timed out, or this device has no passkey for CloudCX. Try again, or sign in with your email and password.');
      else if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') msg.error('This passkey cannot sign you in. Sign in with your email and password, or ask your administrator.');
      else msg.error(describePasskeyError(err));
      start.focus();
    }
  }, { class: 'secondary wide' });
  return h('section', { class: 'passkey-sign-in', 'aria-labelledby': 'passkey-heading' },
    h('h2', { id: 'passkey-heading', class: 'visually-hidden' }, 'Sign in with a passkey'),
    h('p', { class: 'or', 'aria-hidden': 'true' }, 'or'),
    start,
    h('p', { class: 'hint' }, 'Use the fingerprint, face or screen lock of a device where you added a passkey.'),
  );
}

/** The address bar without `param` (a one-off message must not come back on reload or Back). */
function dropParam(param: string) {
  const q = new URLSearchParams(location.search);
  q.delete(param);
  const rest = q.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}`);
}

route(/^\/login$/, 'public', async (ctx) => {
  const next = safeNext(ctx.query.get('next'));
  const error = ctx.query.get('error');
  // Said once: a reload shows the form, not yesterday's error (`next` stays).
  if (error) dropParam('error');
  // Already signed in (a bookmark, Back after signing in): the form is of no use; go where the person belongs.
  const user = await currentUser().catch(() => null);
  if (!ctx.alive()) return;
  if (user) return navigate(next, { replace: true });
  const msg = messageBox();
  if (error) msg.error(ssoErrorSentence(error));
  // Bounced here because the session ended: say why (e.g. an administrator signed you out).
  const ended = error ? null : sessionNotice.take();
  if (ended) msg.info(ended);
  const email = field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form: HTMLFormElement = h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      tieError(email.input, null);
      tieError(password.input, null);
      try {
        const { login } = await busy(form, () => gql(LOGIN, { email: email.input.value.trim(), password: password.input.value }), 'Signing in…');
        if (ctx.alive()) afterFirstFactor(ctx, login, next);
      } catch (err) {
        msg.error(describeError(err));
        // "Invalid email or password" is about both fields: each is marked, described by the message.
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
          tieError(email.input, msg.el);
          tieError(password.input, msg.el);
        }
        password.input.select();
      }
    },
  }, email.wrap, password.wrap, h('button', { type: 'submit', class: 'wide' }, 'Sign in'));
  const sso = h('section', { class: 'sso-buttons', 'aria-labelledby': 'sso-heading', hidden: true });
  const forgot = h('p', null, h('a', { href: '/reset-password', 'data-link': true }, 'Forgot password?'));
  replace(ctx.main, h('div', { class: 'narrow' }, h('h1', null, 'Sign in'), msg.el, form, forgot, passkeySignIn(ctx, msg, next), sso));
  try {
    const { ssoProviders } = await gql(SSO_PROVIDERS);
    if (!ctx.alive() || !ssoProviders.length) return;
    replace(sso,
      h('h2', { id: 'sso-heading' }, 'Or sign in with'),
      h('ul', null, ssoProviders.map((p) => h('li', null, h('a', { class: `button secondary sso-${p.kind.toLowerCase()}`, href: `/auth/sso/${encodeURIComponent(p.id)}` }, `Sign in with ${p.displayName}`)))),
    );
    sso.hidden = false;
  } catch {
    // no SSO buttons: the password form still works
  }
});

export interface TwoFactorStepOptions {
  /** Where "Sign in again" goes once this attempt cannot go on (default: the sign-in page). */
  restart?: string;
}

/**
 * The second step of every sign-in (password, SSO with requireTwoFactor, SSO bind, password
 * reset): pick a method, prove it, get a session. The limits are said as they are: the tries left
 * after a wrong code; a sign-in attempt stopped after too many wrong codes (not "expired") or an
 * account whose code checks are locked (until when, and that an administrator can unlock it) turns
 * the form off and offers "Sign in again" (shown as soon as the challenge says so).
 */
export function twoFactorStep(container: HTMLElement, challenge: Challenge, done: (s: SignedInSession) => void, opts: TwoFactorStepOptions = {}): void {
  // A passkey first: nothing to type, and it cannot be phished. Offered only where the browser can use it.
  const order: Method[] = ['WEBAUTHN', 'TOTP', 'EMAIL', 'BACKUP_CODE'];
  const passkeyUnusable = challenge.methods.includes('WEBAUTHN') && !passkeysSupported();
  const methods = order.filter((m) => challenge.methods.includes(m) && !(m === 'WEBAUTHN' && passkeyUnusable));
  const heading = h('h1', null, 'Two-factor authentication');
  const msg = messageBox();
  const panel = h('div', { class: 'method-panel' });
  // Everything the person could use to answer: disabled as one (a disabled fieldset) when the attempt is over.
  const controls = h('fieldset', { class: 'bare', role: 'presentation' });
  const restart = h('p', { class: 'restart', hidden: true },
    h('a', { href: opts.restart ?? '/login', 'data-link': true, class: 'button' }, 'Sign in again'));
  const triesHint = h('p', { class: 'hint warn', hidden: true });
  let over = false;
  // One box, moved into whichever method's form is shown (it keeps its state). The page cannot
  // read the policy (admin only): the hint names the default period.
  const remember = h('input', { type: 'checkbox', name: 'rememberDevice', id: 'remember-device' });
  const rememberRow = h('p', { class: 'remember' },
    h('label', { for: 'remember-device' }, remember, ' Remember this browser'),
    h('br'),
    h('span', { class: 'hint' }, 'Signing in here again skips this step for 30 days (or as long as your organisation allows). Don’t tick it on a shared computer you don’t control.'));

  /** This attempt cannot go on: say why, turn the form off, offer a new sign-in. */
  const stop = (text: string) => {
    over = true;
    controls.disabled = true;
    triesHint.hidden = true;
    msg.error(text);
    restart.hidden = false;
    focusHeading(msg.el);
  };

  /** What a refused answer means here: tries left, a stopped attempt, a lock; else `describe`'s sentence. */
  const refused = (err: unknown, describe: (e: unknown) => string = describeError): boolean => {
    if (err instanceof ApiError && err.code === 'INVALID_CODE') {
      const first = err.extensions.reason === 'ALREADY_USED' ? 'That code was already used; wait for the next one.' : 'That code is not right.';
      if (typeof err.extensions.lockedUntil === 'string') stop(`${first} ${lockedSentence(err.extensions.lockedUntil)}`);
      else if (err.extensions.attemptsLeft === 0) stop(`${first} This sign-in attempt was stopped after too many wrong codes. Sign in again.`);
      else {
        msg.error(`${first}${triesLeftSentence(err)}`);
        return false;
      }
      return true;
    }
    if (endsSignIn(err)) {
      stop(describeError(err));
      return true;
    }
    msg.error(describe(err));
    return false;
  };

  const verify = async (form: HTMLFormElement, method: Method, code: string) => {
    msg.clear();
    const input = form.querySelector<HTMLInputElement>('input[name="code"]');
    if (input) tieError(input, null);
    try {
      const { verifyCode } = await busy(form, () => gql(VERIFY_SIGN_IN_CODE, { challengeToken: challenge.challengeToken, method, code, rememberDevice: remember.checked }), 'Verifying…');
      done(verifyCode);
    } catch (err) {
      // A wrong code: the message (which also says the tries left) is the field's error too.
      if (!refused(err) && input) {
        if (err instanceof ApiError && (err.code === 'INVALID_CODE' || err.code === 'CODE_EXPIRED')) tieError(input, msg.el);
        input.select();
      }
    }
  };

  /** The passkey step: options for this challenge, the browser's prompt, then verifyCode(WEBAUTHN). */
  const passkeyForm = () => {
    const form: HTMLFormElement = h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        try {
          const { verifyCode } = await busy(form, async () => {
            const options = (await gql(BEGIN_WEBAUTHN_CHALLENGE, { challengeToken: challenge.challengeToken })).beginWebAuthnChallenge;
            const code = await useCredential(options);
            return gql(VERIFY_SIGN_IN_CODE, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code, rememberDevice: remember.checked });
          }, 'Waiting for your passkey…');
          done(verifyCode);
        } catch (err) {
          if (err instanceof CeremonyCancelled) msg.info('The passkey request was cancelled or timed out. Try again, or choose another way to verify.');
          else if (err instanceof ApiError && err.code === 'INVALID_CODE' && !endsSignIn(err)) msg.error(`${describePasskeyError(err)}${triesLeftSentence(err)}`);
          else if (refused(err, describePasskeyError)) return;
          form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
        }
      },
    },
    h('p', null, 'Use a passkey or security key you added to your account: your browser will ask for your fingerprint, face, screen lock or key.'),
    rememberRow,
    h('button', { type: 'submit' }, 'Use a passkey or security key'));
    return form;
  };

  const codeForm = (method: Method) => {
    const input = method === 'BACKUP_CODE'
      ? field('Backup code', { name: 'code', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', required: true }, 'Each backup code works once. Enter it with or without the dash.')
      : method === 'TOTP'
        ? codeField('Code from your authenticator app', 'code', 'Open the app and enter the 6-digit code shown for CloudCX.')
        : codeField('Code from the email');
    const form: HTMLFormElement = h('form', {
      onsubmit: (e: Event) => {
        e.preventDefault();
        void verify(form, method, input.input.value.trim());
      },
    }, input.wrap, rememberRow, h('button', { type: 'submit' }, 'Verify'));
    return { form, input: input.input };
  };

  const show = (method: Method) => {
    if (!over) msg.clear();
    if (method === 'WEBAUTHN') return replace(panel, passkeyForm());
    if (method !== 'EMAIL') return replace(panel, codeForm(method).form);
    // The "send a code" component keeps what was sent and the re-send countdown for this challenge,
    // so switching to another method and back neither loses the code nor restarts the wait.
    const { form, input } = codeForm('EMAIL');
    const sender = sendCode({
      key: `login:${challenge.challengeToken}`,
      send: async () => (await gql(SEND_SIGN_IN_CODE, { challengeToken: challenge.challengeToken })).sendLoginCode,
      onStart: () => msg.clear(),
      onError: (err) => void refused(err),
      onCodeWaiting: (focus) => {
        form.hidden = false;
        if (focus) input.focus();
      },
    });
    form.hidden = !sender.codeWaiting;
    replace(panel, sender.status, form, sender.controls);
  };

  const choices = h('fieldset', { class: 'choices' }, h('legend', null, 'Verify with'),
    methods.map((m, i) => h('label', null, h('input', { type: 'radio', name: 'method', value: m, checked: i === 0, onchange: () => show(m) }), ` ${METHOD_LABEL[m]}`)));
  controls.append(methods.length > 1 ? choices : '', panel);
  replace(container, h('div', { class: 'narrow' },
    heading,
    h('p', null, 'Your account is protected with two-factor authentication. Choose how to confirm it’s you.'),
    passkeyUnusable ? h('p', { class: 'hint' }, 'Your account also has a passkey or security key, but this browser cannot use it.') : null,
    msg.el,
    restart,
    triesHint,
    h('div', { class: 'card' }, controls),
    h('p', null, h('a', { href: opts.restart ?? '/login', 'data-link': true }, 'Start over')),
  ));
  if (methods.length) show(methods[0]);
  else replace(panel, h('p', null, 'This browser cannot use your passkey or security key. Sign in from a browser that can, or ask your administrator.'));
  focusHeading(heading);
  // Said before any code is typed: a locked account, or an account close to its lock.
  if (challenge.lockedUntil) stop(lockedSentence(challenge.lockedUntil));
  else if (challenge.attemptsLeft < 5) {
    const n = challenge.attemptsLeft;
    triesHint.textContent = `Recent wrong codes count against your account: ${n === 1 ? '1 more wrong code' : `${n} more wrong codes`} and code checks are locked for 15 minutes.`;
    triesHint.hidden = false;
  }
}

const ticketExpired = (e: unknown) =>
  e instanceof ApiError && (e.code === 'CODE_EXPIRED' || e.code === 'NOT_FOUND')
    ? 'This single sign-on has expired or was already used, or it was started in another browser. Sign in with your provider again.'
    : describeError(e);

function ssoFailed(ctx: Ctx, text: string) {
  replace(ctx.main, h('div', { class: 'narrow' },
    h('h1', null, 'Single sign-on did not complete'),
    h('p', { class: 'message error', role: 'alert' }, text),
    h('p', null, h('a', { href: '/login', 'data-link': true }, 'Back to sign in')),
  ));
  focusHeading(ctx.main.querySelector('h1')!);
}

route(/^\/sso\/complete$/, 'public', async (ctx) => {
  const ticket = ctx.query.get('ticket');
  const error = ctx.query.get('error');
  dropQuery(); // a ticket is single use: keep it out of history and reloads
  if (!ticket) return ssoFailed(ctx, error ? ssoErrorSentence(error) : 'This page needs a sign-in ticket. Start single sign-on from the sign-in page.');
  replace(ctx.main, h('div', { class: 'narrow' }, h('h1', null, 'Signing you in…'), h('p', { role: 'status' }, 'One moment while we finish single sign-on.')));
  try {
    const { completeSsoLogin } = await gql(COMPLETE_SSO, { ticket });
    if (ctx.alive()) afterFirstFactor(ctx, completeSsoLogin, '/settings');
  } catch (e) {
    if (ctx.alive()) ssoFailed(ctx, ticketExpired(e));
  }
});

/** "Google account jo@example.com", with the email flagged when the provider has not verified it. */
function identityLine(info: SsoTicketInfo): Array<Node | string> {
  const name = info.provider.displayName;
  if (!info.email) return [`a ${name} account that shares no email address`];
  return [
    `the ${name} account `,
    h('strong', { class: 'sso-identity' }, info.email),
    info.emailVerified ? '' : h('span', { class: 'hint warn' }, ' (unverified)'),
  ];
}

/**
 * First SSO sign-in of an identity linked to no account. The page first asks the service which
 * identity the ticket stands for (`ssoTicket`, which only answers in the browser that ran the
 * flow), names it, and asks the person to confirm it is theirs before it asks for a password:
 * a link someone else sent must not get a password typed into it.
 */
route(/^\/sso\/bind$/, 'public', async (ctx) => {
  // The ticket arrives as ?ticket= and moves to the fragment at once: out of the query (never sent
  // to a server again, nor in a Referer), yet still there when the page is reloaded. It is useless
  // elsewhere: the service answers it only with this browser's HttpOnly flow cookie.
  const ticket = ctx.query.get('ticket') ?? new URLSearchParams(location.hash.slice(1)).get('ticket');
  if (!ticket) {
    dropQuery();
    return ssoFailed(ctx, 'This page needs a sign-in ticket. Start single sign-on from the sign-in page.');
  }
  history.replaceState(null, '', `${location.pathname}#ticket=${encodeURIComponent(ticket)}`);
  replace(ctx.main, h('div', { class: 'narrow' }, h('h1', null, 'Connect your account'), h('p', { role: 'status' }, 'One moment…')));
  let info: SsoTicketInfo;
  try {
    info = (await gql(SSO_TICKET, { ticket })).ssoTicket;
  } catch (e) {
    if (!ctx.alive()) return;
    if (e instanceof ApiError && (e.code === 'CODE_EXPIRED' || e.code === 'NOT_FOUND')) dropQuery(); // nothing left to reload
    ssoFailed(ctx, ticketExpired(e));
    return;
  }
  if (!ctx.alive()) return;
  const name = info.provider.displayName;
  const msg = messageBox();
  const email = field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form: HTMLFormElement = h('form', {
    class: 'card',
    hidden: true,
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      try {
        const { bindSsoAccount } = await busy(form, () =>
          gql(BIND_SSO, { ticket, email: email.input.value.trim(), password: password.input.value }), 'Connecting…');
        dropQuery(); // the ticket is spent (or now carried by the sign-in's second step): a reload must not offer it again
        if (ctx.alive()) afterFirstFactor(ctx, bindSsoAccount, '/settings/sso', () => flash.set('Single sign-on is connected. Next time, use the provider’s button to sign in.'));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CONFLICT') msg.error(ssoErrorSentence('already_linked'));
        else msg.error(ticketExpired(err));
        password.input.select();
      }
    },
  }, h('p', null, 'Sign in with your CloudCX email and password once to connect it.'), email.wrap, password.wrap, h('button', { type: 'submit', class: 'wide' }, 'Connect and sign in'));
  const confirm = h('div', { class: 'card' },
    h('p', { class: 'sso-identity-line' }, 'You are about to connect ', ...identityLine(info), ' to a CloudCX account.'),
    info.email && !info.emailVerified
      ? h('p', { class: 'hint' }, `${name} has not verified that this email address belongs to whoever holds this ${name} account.`)
      : null,
    h('p', null, `Continue only if this ${name} account is yours and you started this sign-in yourself. Whoever holds it will be able to sign in to your CloudCX account.`),
    h('p', null,
      button(`Yes, this ${name} account is mine`, () => {
        confirm.hidden = true;
        form.hidden = false;
        email.input.focus();
      }),
      ' ',
      h('a', { href: '/login', 'data-link': true, class: 'button secondary' }, 'No, cancel'),
    ),
  );
  const heading = h('h1', null, 'Connect your account');
  replace(ctx.main, h('div', { class: 'narrow' },
    heading,
    h('p', null, `Your ${name} account is not connected to a CloudCX account yet.`),
    msg.el,
    confirm,
    form,
    h('p', null, h('a', { href: '/login', 'data-link': true }, 'Cancel and go to sign in')),
  ));
  focusHeading(heading);
});
