import { ApiError, gql } from '../api';
import { busy, field, focusHeading, h, messageBox, replace } from '../dom';
import { flash } from '../flash';
import { describeError } from '../messages';
import type { AuthSession } from '../ops';
import { REQUEST_PASSWORD_RESET, RESET_PASSWORD } from '../ops-reset';
import { dropQuery, forgetUser, navigate, route, type Ctx } from '../router';
import { twoFactorStep } from './login';

const POLICY_HINT = 'At least 8 characters. A long phrase is easier to remember than a short jumble; common passwords are refused.';

function signedIn(_session: AuthSession, message: string) {
  // The answer set the session cookie: the token is not kept anywhere in the page.
  forgetUser();
  flash.set(message);
  navigate('/settings', { replace: true });
}

/**
 * `WEB_APP_URL/reset-password`: without a token, "Forgot password?" (ask for a link); with one
 * (from the mail), choose the new password, or the first one (`&invite=1`). The token is taken
 * off the address bar at once and kept only in this page's memory.
 */
route(/^\/reset-password$/, 'public', (ctx) => {
  const token = ctx.query.get('token');
  const invite = ctx.query.get('invite') === '1';
  if (token) {
    dropQuery(); // a single-use secret: out of history, reloads and Referer headers
    return newPasswordStep(ctx, token, invite);
  }
  requestStep(ctx, ctx.query.get('email') ?? '');
});

function requestStep(ctx: Ctx, prefill: string) {
  const heading = h('h1', null, 'Reset your password');
  const msg = messageBox();
  const email = field('Email', { name: 'email', type: 'email', autocomplete: 'username', required: true, value: prefill },
    'Enter the email address you sign in with. We will send a link to choose a new password.');
  const form: HTMLFormElement = h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      const address = email.input.value.trim();
      try {
        await busy(form, () => gql(REQUEST_PASSWORD_RESET, { email: address }));
        if (!ctx.alive()) return;
        // The same words whether or not the address has an account: the page must not tell.
        const done = h('h1', null, 'Check your email');
        replace(ctx.main, h('div', { class: 'narrow' },
          done,
          h('p', { role: 'status' }, 'If ', h('strong', null, address), ' belongs to an active account, we sent it a link to choose a new password. The link is valid for 30 minutes and works once.'),
          h('p', { class: 'hint' }, 'Nothing arrived after a few minutes? Check your spam folder, or ask again in a minute. Your administrator can also send you a link.'),
          h('p', null, h('a', { href: '/login', 'data-link': true }, 'Back to sign in')),
        ));
        focusHeading(done);
      } catch (err) {
        msg.error(describeError(err));
      }
    },
  }, email.wrap, h('button', { type: 'submit', class: 'wide' }, 'Email me a link'));
  replace(ctx.main, h('div', { class: 'narrow' },
    heading,
    msg.el,
    form,
    h('p', null, h('a', { href: '/login', 'data-link': true }, 'Back to sign in')),
  ));
}

function newPasswordStep(ctx: Ctx, token: string, invite: boolean) {
  const heading = h('h1', null, invite ? 'Set your password' : 'Choose a new password');
  const msg = messageBox();
  const password = field(invite ? 'Password' : 'New password', { name: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8, maxlength: 128 }, POLICY_HINT);
  const confirm = field('Type it again', { name: 'confirm-password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 128 });
  const expired = () => {
    const again = h('h1', null, invite ? 'This invitation link no longer works' : 'This link no longer works');
    replace(ctx.main, h('div', { class: 'narrow' },
      again,
      h('p', { class: 'message error', role: 'alert' }, invite
        ? 'It has expired, was already used, or a newer invitation replaced it. Ask your administrator to send the invitation again.'
        : 'It has expired, was already used, or a newer link replaced it. Ask for a new link.'),
      invite
        ? h('p', null, h('a', { href: '/login', 'data-link': true }, 'Go to sign in'))
        : h('p', null, h('a', { href: '/reset-password', 'data-link': true, class: 'button' }, 'Ask for a new link')),
    ));
    focusHeading(again);
  };
  const done = invite ? 'Your password is set. Welcome to CloudCX.' : 'Your password was changed. Every other device was signed out.';
  const form: HTMLFormElement = h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      if (password.input.value !== confirm.input.value) {
        msg.error('The two passwords are not the same. Type them again.');
        confirm.input.select();
        return;
      }
      try {
        const { resetPassword } = await busy(form, () => gql(RESET_PASSWORD, { token, newPassword: password.input.value }));
        if (!ctx.alive()) return;
        if (resetPassword.__typename === 'AuthSession') return signedIn(resetPassword, done);
        // The account has a factor other than email: the new password is set once it is proven.
        twoFactorStep(ctx.main, resetPassword, (s) => signedIn(s, done));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CODE_EXPIRED') return expired();
        msg.error(describeError(err));
        password.input.select();
      }
    },
  }, password.wrap, confirm.wrap, h('button', { type: 'submit', class: 'wide' }, invite ? 'Set password and sign in' : 'Change password and sign in'));
  replace(ctx.main, h('div', { class: 'narrow' },
    heading,
    h('p', null, invite
      ? 'Choose the password for your new CloudCX account.'
      : 'Choose a new password for your account. You will be signed out everywhere else.'),
    msg.el,
    form,
  ));
}
