import { ApiError, gql, type VariablesArg } from '../api';
import { busy, button, field, fieldError, focusHeading, h, messageBox, replace, select } from '../dom';
import type { TypedDocumentString } from '../gql/graphql';
import { describeError } from '../messages';
import { CREATE_USER_WITH_PASSWORD, INVITE_USER, RESEND_INVITE, SEND_PASSWORD_RESET } from '../ops-reset';
import { Cancelled, withReauth } from '../reauth';
import { route, type Ctx } from '../router';

/** Admin mutations need a recent sign-in: confirm it in the dialog when asked, then retry. */
const mutate = <R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>) => withReauth(() => gql(document, ...variables));

const POLICY_HINT = 'At least 8 characters; common passwords are refused. Give it to the person in a safe way: an invitation is safer.';

/**
 * "Send password reset link" (active accounts) or "Resend invitation" (invited ones) for an
 * admin page about one user; null for other states. `msg` reports the outcome.
 */
export function resetLinkAction(user: { id: string; email: string; status: string }, msg: ReturnType<typeof messageBox>): HTMLElement | null {
  const invited = user.status === 'INVITED';
  if (!invited && user.status !== 'ACTIVE') return null;
  return button(invited ? 'Resend invitation' : 'Send password reset link', async (ev) => {
    msg.clear();
    try {
      if (invited) await busy(ev.currentTarget as HTMLElement, () => mutate(RESEND_INVITE, { userId: user.id }));
      else await busy(ev.currentTarget as HTMLElement, () => mutate(SEND_PASSWORD_RESET, { userId: user.id }));
      msg.ok(invited
        ? `A new invitation was emailed to ${user.email}; it is valid for 72 hours. The earlier link no longer works.`
        : `A password reset link was emailed to ${user.email}; it is valid for 30 minutes.`);
    } catch (err) {
      if (!(err instanceof Cancelled)) msg.error(describeError(err));
    }
  }, { class: 'secondary' });
}

/** Admin console > Add user: invite by email (default), or create with a password. */
route(/^\/admin\/users\/new$/, 'admin', (ctx) => form(ctx));

function form(ctx: Ctx) {
  const heading = h('h1', null, 'Add user');
  const msg = messageBox();
  const email = field('Email', { name: 'email', type: 'email', autocomplete: 'off', required: true, maxlength: 254 });
  const name = field('Display name', { name: 'displayName', autocomplete: 'off', required: true, maxlength: 100 });
  const role = select('Role', 'role', [['AGENT', 'Agent'], ['ADMIN', 'Admin']], 'AGENT');
  const password = field('Password', { name: 'password', type: 'password', autocomplete: 'new-password', maxlength: 128 }, POLICY_HINT);
  // A wrapper carries `hidden`: `.field` sets its own display, which would override the attribute.
  const passwordBox = h('div', { hidden: true }, password.wrap);
  const how = (value: string, label: string, hint: string, checked: boolean) =>
    h('label', null,
      h('input', {
        type: 'radio', name: 'how', value, checked,
        onchange: () => {
          const withPassword = value === 'password';
          passwordBox.hidden = !withPassword;
          password.input.required = withPassword;
          submit.textContent = withPassword ? 'Create user' : 'Send invitation';
        },
      }),
      h('span', null, ` ${label}`, h('span', { class: 'hint' }, ` — ${hint}`)));
  const choice = h('fieldset', { class: 'choices' }, h('legend', null, 'How will they get a password?'),
    how('invite', 'Email an invitation', 'they choose their own password from a link valid for 72 hours', true),
    how('password', 'Set a password now', 'you give it to them', false));
  const submit = h('button', { type: 'submit' }, 'Send invitation');
  const fieldOf = (e: ApiError, withPassword: boolean) => fieldOfError(e, withPassword, { email, name, password });
  const theForm: HTMLFormElement = h('form', {
    class: 'card',
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      const withPassword = theForm.querySelector<HTMLInputElement>('input[name="how"]:checked')?.value === 'password';
      for (const f of [email, name, password]) fieldError(f, null);
      const base = { email: email.input.value.trim(), displayName: name.input.value.trim(), role: role.input.value as 'AGENT' | 'ADMIN' };
      try {
        if (withPassword) {
          const { createUser } = await busy(theForm, () => mutate(CREATE_USER_WITH_PASSWORD, { input: { ...base, password: password.input.value } }));
          if (ctx.alive()) done(ctx, { ...createUser, status: 'ACTIVE' }, `${createUser.email} can sign in with the password you set.`);
        } else {
          const { inviteUser } = await busy(theForm, () => mutate(INVITE_USER, { input: base }));
          if (ctx.alive()) done(ctx, { ...inviteUser, status: 'INVITED' }, `We emailed ${inviteUser.email} an invitation. The link is valid for 72 hours; until then the account has no password.`);
        }
      } catch (err) {
        if (err instanceof Cancelled) return;
        if (err instanceof ApiError && err.code === 'MAIL_DELIVERY_FAILED') {
          msg.error('The user was added, but the invitation email could not be sent. Open the user from the list and resend the invitation in a moment.');
          return;
        }
        // A refusal about one field is shown at that field (aria-invalid, aria-describedby), which gets the focus.
        const at = err instanceof ApiError ? fieldOf(err, withPassword) : null;
        if (at) {
          fieldError(at, `${err instanceof ApiError ? err.message.replace(/\.?$/, '.') : ''}`);
          return at.input.focus();
        }
        msg.error(describeError(err));
      }
    },
  }, email.wrap, name.wrap, role.wrap, choice, passwordBox, h('div', { class: 'actions' }, submit, h('a', { href: '/admin', 'data-link': true }, 'Cancel')));
  replace(ctx.main,
    heading,
    h('p', null, h('a', { href: '/admin', 'data-link': true }, '← Users')),
    msg.el,
    theForm,
  );
  focusHeading(heading);
}

/** The field a refusal of the server is about: a taken or malformed email, a display name, a password the policy refuses. */
function fieldOfError<F>(e: ApiError, withPassword: boolean, fields: { email: F; name: F; password: F }): F | null {
  if (e.code === 'CONFLICT' || (e.code === 'BAD_USER_INPUT' && /email/i.test(e.message) && !/password/i.test(e.message))) return fields.email;
  if (e.code === 'BAD_USER_INPUT' && /display ?name/i.test(e.message)) return fields.name;
  if (e.code === 'BAD_USER_INPUT' && withPassword && /password/i.test(e.message)) return fields.password;
  return null;
}

function done(ctx: Ctx, user: { id: string; email: string; displayName: string; status: string }, text: string) {
  const heading = h('h1', null, user.status === 'INVITED' ? 'Invitation sent' : 'User created');
  const msg = messageBox();
  replace(ctx.main,
    heading,
    h('div', { class: 'card' },
      h('p', { role: 'status' }, text),
      msg.el,
      h('div', { class: 'actions' },
        h('a', { href: `/admin/users/${encodeURIComponent(user.id)}`, 'data-link': true, class: 'button secondary' }, `Open ${user.displayName}`),
        user.status === 'INVITED' ? resetLinkAction(user, msg) : null,
        h('a', { href: '/admin/users/new', 'data-link': true, class: 'button' }, 'Add another user'),
      ),
    ),
  );
  focusHeading(heading);
}
