import { ApiError, gql } from '../api';
import { busy, button, codeField, countdown, field, focusHeading, h, messageBox, replace } from '../dom';
import { flash } from '../flash';
import { describeError, METHOD_LABEL, ssoErrorSentence } from '../messages';
import {
  BIND_SSO, COMPLETE_SSO, LOGIN, SEND_LOGIN_CODE, SSO_PROVIDERS, SSO_TICKET,
  type AuthSession, type Challenge, type CodeDelivery, type LoginResult, type Method, type SsoTicketInfo,
} from '../ops';
import { VERIFY_CODE_REMEMBER } from '../ops-devices';
import { BEGIN_PASSKEY_LOGIN, BEGIN_WEBAUTHN_CHALLENGE, FINISH_PASSKEY_LOGIN } from '../ops-passkeys';
import { CeremonyCancelled, describePasskeyError, passkeysSupported, useCredential } from '../passkeys';
import { dropQuery, forgetUser, navigate, route, safeNext, type Ctx } from '../router';

function signedIn(next: string) {
  // The answer set the session cookie: the token is not kept anywhere in the page. The router asks
  // `me` again, which also sends a session that may only enrol (enrollmentRequired) to /enroll.
  forgetUser();
  navigate(next, { replace: true });
}

function afterFirstFactor(ctx: Ctx, result: LoginResult | { __typename: 'AuthSession' }, next: string, onSignedIn?: () => void) {
  if (result.__typename === 'AuthSession') {
    onSignedIn?.();
    return signedIn(next);
  }
  twoFactorStep(ctx.main, result, () => {
    onSignedIn?.();
    signedIn(next);
  });
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
      });
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

route(/^\/login$/, 'public', async (ctx) => {
  const next = safeNext(ctx.query.get('next'));
  const error = ctx.query.get('error');
  const msg = messageBox();
  if (error) msg.error(ssoErrorSentence(error));
  const email = field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true });
  const password = field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form: HTMLFormElement = h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      try {
        const { login } = await busy(form, () => gql(LOGIN, { email: email.input.value.trim(), password: password.input.value }));
        if (ctx.alive()) afterFirstFactor(ctx, login, next);
      } catch (err) {
        msg.error(describeError(err));
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

/**
 * The second step of every sign-in (password, SSO with requireTwoFactor, SSO bind): pick a
 * method, prove it, get a session.
 */
export function twoFactorStep(container: HTMLElement, challenge: Challenge, done: (s: AuthSession) => void): void {
  // A passkey first: nothing to type, and it cannot be phished. Offered only where the browser can use it.
  const order: Method[] = ['WEBAUTHN', 'TOTP', 'EMAIL', 'BACKUP_CODE'];
  const passkeyUnusable = challenge.methods.includes('WEBAUTHN') && !passkeysSupported();
  const methods = order.filter((m) => challenge.methods.includes(m) && !(m === 'WEBAUTHN' && passkeyUnusable));
  const heading = h('h1', null, 'Two-factor authentication');
  const msg = messageBox();
  const panel = h('div', { class: 'method-panel' });
  let emailSent: CodeDelivery | null = null;
  // One box, moved into whichever method's form is shown (it keeps its state). The page cannot
  // read the policy (admin only): the hint names the default period.
  const remember = h('input', { type: 'checkbox', name: 'rememberDevice', id: 'remember-device' });
  const rememberRow = h('p', { class: 'remember' },
    h('label', { for: 'remember-device' }, remember, ' Remember this browser'),
    h('br'),
    h('span', { class: 'hint' }, 'Signing in here again skips this step for 30 days (or as long as your organisation allows). Don’t tick it on a shared computer you don’t control.'));

  const verify = async (form: HTMLFormElement, method: Method, code: string) => {
    msg.clear();
    try {
      const { verifyCode } = await busy(form, () => gql(VERIFY_CODE_REMEMBER, { challengeToken: challenge.challengeToken, method, code, rememberDevice: remember.checked }));
      done(verifyCode);
    } catch (err) {
      msg.error(describeError(err));
      form.querySelector<HTMLInputElement>('input[name="code"]')?.select();
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
            return gql(VERIFY_CODE_REMEMBER, { challengeToken: challenge.challengeToken, method: 'WEBAUTHN', code, rememberDevice: remember.checked });
          });
          done(verifyCode);
        } catch (err) {
          if (err instanceof CeremonyCancelled) msg.info('The passkey request was cancelled or timed out. Try again, or choose another way to verify.');
          else msg.error(describePasskeyError(err));
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
    msg.clear();
    if (method === 'WEBAUTHN') return replace(panel, passkeyForm());
    if (method !== 'EMAIL') return replace(panel, codeForm(method).form);
    const status = h('p', { class: 'hint' });
    const resend: HTMLButtonElement = button(emailSent ? 'Resend code' : 'Email me a code', () => void send(), { class: 'secondary' });
    const { form, input } = codeForm('EMAIL');
    form.hidden = !emailSent;
    const send = async () => {
      msg.clear();
      try {
        emailSent = (await gql(SEND_LOGIN_CODE, { challengeToken: challenge.challengeToken })).sendLoginCode;
        status.textContent = `We sent a 6-digit code to ${emailSent.sentTo}. It is valid for 10 minutes.`;
        form.hidden = false;
        countdown(resend, 30, 'Resend code');
        input.focus();
      } catch (err) {
        msg.error(describeError(err));
        if (err instanceof ApiError && err.retryAfterSeconds) countdown(resend, err.retryAfterSeconds, emailSent ? 'Resend code' : 'Email me a code');
      }
    };
    if (emailSent) status.textContent = `We sent a 6-digit code to ${emailSent.sentTo}.`;
    replace(panel, status, form, h('p', null, resend));
  };

  const choices = h('fieldset', { class: 'choices' }, h('legend', null, 'Verify with'),
    methods.map((m, i) => h('label', null, h('input', { type: 'radio', name: 'method', value: m, checked: i === 0, onchange: () => show(m) }), ` ${METHOD_LABEL[m]}`)));
  replace(container, h('div', { class: 'narrow' },
    heading,
    h('p', null, 'Your account is protected with two-factor authentication. Choose how to confirm it’s you.'),
    passkeyUnusable ? h('p', { class: 'hint' }, 'Your account also has a passkey or security key, but this browser cannot use it.') : null,
    msg.el,
    h('div', { class: 'card' }, methods.length > 1 ? choices : null, panel),
    h('p', null, h('a', { href: '/login', 'data-link': true }, 'Start over')),
  ));
  if (methods.length) show(methods[0]);
  else replace(panel, h('p', null, 'This browser cannot use your passkey or security key. Sign in from a browser that can, or ask your administrator.'));
  focusHeading(heading);
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
  const ticket = ctx.query.get('ticket');
  dropQuery();
  if (!ticket) return ssoFailed(ctx, 'This page needs a sign-in ticket. Start single sign-on from the sign-in page.');
  replace(ctx.main, h('div', { class: 'narrow' }, h('h1', null, 'Connect your account'), h('p', { role: 'status' }, 'One moment…')));
  let info: SsoTicketInfo;
  try {
    info = (await gql(SSO_TICKET, { ticket })).ssoTicket;
  } catch (e) {
    if (ctx.alive()) ssoFailed(ctx, ticketExpired(e));
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
          gql(BIND_SSO, { ticket, email: email.input.value.trim(), password: password.input.value }));
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
