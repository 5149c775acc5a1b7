import { gql, type VariablesArg } from '../api';
import { eventsList } from '../components';
import { busy, button, focusHeading, formatDate, h, messageBox, replace, select, uid } from '../dom';
import { describeError } from '../messages';
import { UNLINK_USER_PROVIDER, UNLOCK, USER_DETAIL, USER_EVENTS, USER_SSO, type User } from '../ops';
import type { TypedDocumentString } from '../gql/graphql';
import { DEACTIVATE_USER, REACTIVATE_USER, SET_USER_ROLE, USER_LIFECYCLE } from '../ops-lifecycle';
import { resetLinkAction } from './add-user';
import { Cancelled, withReauth } from '../reauth';
import { CONSOLE_OVERVIEW } from '../ops-policy';
import { route } from '../router';
import { adminErrorSentence, confirmReset, hasFactorToReset } from './admin-recovery';
import { cameFromList, resetSentence, usersSection } from './admin-users';
import { ssoProvidersPage, ssoTestPage } from './admin-sso';
import { REVOKE_USER_SESSIONS, USER_SESSIONS } from '../ops-sessions';

/** Every admin mutation needs a recent sign-in (API.md): when the API asks, confirm it in a dialog, then retry. */
const mutate = <R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>) => withReauth(() => gql(document, ...variables));

export const subnav = (current: 'users' | 'sso' | 'policy') =>
  h('nav', { class: 'subnav', 'aria-label': 'Admin console' },
    h('a', { href: '/admin', 'data-link': true, 'aria-current': current === 'users' ? 'page' : null }, 'Overview and users'),
    h('a', { href: '/admin/policy', 'data-link': true, 'aria-current': current === 'policy' ? 'page' : null }, 'Security policy'),
    h('a', { href: '/admin/sso', 'data-link': true, 'aria-current': current === 'sso' ? 'page' : null }, 'SSO providers'));

const isLocked = (u: User) => !!u.security.lockedUntil && new Date(u.security.lockedUntil).getTime() > Date.now();

route(/^\/admin$/, 'admin', (ctx) => {
  const overview = h('div', { class: 'stats' }, h('p', { class: 'hint' }, 'Loading…'));
  const loadOverview = async () => {
    try {
      const { securityOverview: o } = await gql(CONSOLE_OVERVIEW);
      if (!ctx.alive()) return;
      // Every count opens the users list filtered to the accounts it counts (the list's state is the address).
      const stat = (label: string, value: number, query: string) =>
        h('div', { class: 'stat' }, h('dt', null, label), h('dd', null,
          h('a', { href: `/admin${query ? `?${query}` : ''}#users`, 'data-link': true, 'aria-label': `${value} ${label}: show them` }, String(value))));
      replace(overview, h('dl', null,
        stat('Users', o.users, ''),
        stat('Two-factor on', o.twoFactorEnabled, 'twoFactorEnabled=true'),
        stat('Email codes', o.emailEnabled, 'method=EMAIL'),
        stat('Authenticator app', o.totpEnabled, 'method=TOTP'),
        stat('Passkeys and security keys', o.webauthnEnabled, 'method=WEBAUTHN'),
        stat('Locked now', o.lockedNow, 'locked=true'),
        stat('2 or fewer backup codes', o.lowBackupCodes, 'backupCodesRemainingAtMost=2'),
        stat('Not compliant with the 2FA policy', o.nonCompliant, 'twoFactorCompliant=false&status=ACTIVE'),
        stat('Of them in grace period', o.inGracePeriod, 'twoFactorCompliant=false&status=ACTIVE'),
        stat('Invited', o.invited, 'status=INVITED'),
        stat('Deactivated', o.deactivated, 'status=DEACTIVATED'),
      ));
    } catch (e) {
      replace(overview, h('p', { class: 'message error', role: 'alert' }, describeError(e)));
    }
  };
  replace(ctx.main,
    h('h1', null, 'Admin console'),
    subnav('users'),
    h('section', { 'aria-labelledby': 'ov-h', class: 'card' }, h('h2', { id: 'ov-h' }, 'Security overview'), overview),
    usersSection(ctx, () => void loadOverview()),
  );
  void loadOverview();
});

route(/^\/admin\/users\/([^/]+)$/, 'admin', async (ctx) => {
  const id = decodeURIComponent(ctx.match[1]);
  const msg = messageBox();
  const state = h('div');
  const heading = h('h1', null, 'User');
  const events = h('div');
  const resetBody = h('div');
  msg.el.setAttribute('tabindex', '-1');
  const self = id === ctx.me.id;

  /** The outcome of an action, where focus goes next (the button that did it may be gone). */
  const done = (text: string) => {
    msg.ok(text);
    msg.el.focus();
  };

  /**
   * Offered only when a reset would remove something, and never on your own page (the server
   * refuses both, with a sentence); the confirmation names the person and lists what goes.
   */
  const drawReset = (u: User) => {
    if (self) {
      return replace(resetBody, h('p', null, 'This is your own account: you cannot reset your own two-factor authentication here. If you lose your factors, ask another admin.'));
    }
    if (!hasFactorToReset(u.security)) {
      return replace(resetBody, h('p', null, `Nothing to reset: ${u.displayName} has no two-factor method on and no backup codes left.`));
    }
    replace(resetBody,
      h('p', null, 'For someone who lost every factor: turns every method off, voids the backup codes, signs them out everywhere and emails them your reason. They sign in with their password and set up two-factor again.'),
      h('p', null, button('Reset two-factor…', async () => {
        msg.clear();
        const result = await confirmReset(u);
        if (result === 'changed' && ctx.alive()) {
          // The account changed meanwhile (nothing left to reset): show it as it is now.
          const fresh = (await gql(USER_DETAIL, { id })).user;
          if (!fresh || !ctx.alive()) return;
          draw(fresh);
          const now = resetBody.querySelector<HTMLElement>('p');
          now?.setAttribute('tabindex', '-1');
          return now?.focus();
        }
        if (!result || result === 'changed' || !ctx.alive()) return;
        draw(result.user);
        sessions.replaceWith((sessions = userSessionsSection(result.user, msg)));
        done(resetSentence(result.user.displayName, result.unlinked));
      }, { class: 'danger' })));
  };

  const draw = (u: User) => {
    heading.textContent = u.displayName;
    const s = u.security;
    const row = (k: string, v: string) => [h('dt', null, k), h('dd', null, v)];
    replace(state,
      h('p', null, `${u.email} · ${u.role === 'ADMIN' ? 'Admin' : 'Agent'} · created ${formatDate(u.createdAt)} · last sign-in ${formatDate(u.lastLoginAt)}`),
      h('dl', { class: 'facts' },
        row('Two-factor', s.twoFactorEnabled ? 'On' : 'Off'),
        row('Email codes', s.email.enabled ? `On since ${formatDate(s.email.enabledAt)}` : 'Off'),
        row('Authenticator app', s.totp.enabled ? `On since ${formatDate(s.totp.enabledAt)}` : 'Off'),
        row('Passkeys and security keys', s.webauthn.enabled
          ? `On since ${formatDate(s.webauthn.enabledAt)}: ${s.webauthnCredentials.map((c) => `${c.name} (${c.passkey ? 'passkey' : 'security key'})`).join(', ')}`
          : 'Off'),
        row('Backup codes', s.backupCodes.total ? `${s.backupCodes.remaining} of ${s.backupCodes.total} unused` : 'None'),
        row('Last second-factor check', formatDate(s.lastTwoFactorAt)),
        row('Code checks locked', isLocked(u) ? `Until ${formatDate(s.lockedUntil)}` : 'No'),
        h('dt', null, 'Single sign-on'), h('dd', { 'data-sso': true }, '…'),
      ),
      isLocked(u)
        ? h('p', null, button('Unlock', async (ev) => {
            msg.clear();
            try {
              const { unlockAccount } = await busy(ev.currentTarget as HTMLElement, () => mutate(UNLOCK, { userId: id }));
              draw(unlockAccount);
              // The button is gone: focus goes to the outcome, not to <body>.
              done(`${unlockAccount.displayName} can enter codes again: code checks are unlocked.`);
            } catch (err) {
              if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
            }
          }))
        : null,
    );
    drawReset(u);
    void drawSso(state.querySelector<HTMLElement>('[data-sso]')!);
    replace(events, eventsList(`Security events of ${u.email}`, async (after) =>
      (await gql(USER_EVENTS, { userId: id, first: 20, after })).securityEvents, { showActor: true }));
  };
  const drawSso = async (dd: HTMLElement) => {
    try {
      const r = await gql(USER_SSO, { id });
      const list = r.user?.security.ssoConnections ?? [];
      if (!list.length) return void (dd.textContent = 'None');
      replace(dd, h('ul', { class: 'plain' }, list.map((c) => {
        const why = h('input', { id: uid('unlink-reason'), type: 'text', name: 'reason', required: true, maxlength: 500 });
        const form: HTMLFormElement = h('form', {
          class: 'inline',
          onsubmit: async (e: Event) => {
            e.preventDefault();
            msg.clear();
            try {
              await busy(form, () => mutate(UNLINK_USER_PROVIDER, { userId: id, providerId: c.provider.id, reason: why.value.trim() }));
              msg.ok(`The ${c.provider.displayName} connection is removed and the user was emailed.`);
              await drawSso(dd);
              focusHeading(msg.el);
            } catch (err) {
              if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
            }
          },
        }, h('label', { for: why.id }, 'Reason'), why, h('button', { type: 'submit', class: 'secondary' }, `Remove ${c.provider.displayName} connection`));
        return h('li', null, `${c.provider.displayName} (${c.email ?? 'no email'}${c.email && c.emailVerified === false ? ', unverified' : ''}) `, form);
      })));
    } catch {
      dd.textContent = 'Not available';
    }
  };

  // Back to the list as it was (filters, sort, page): the browser's history entry holds it.
  const back = h('a', {
    href: '/admin', 'data-link': true,
    onclick: (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !cameFromList(id)) return;
      e.preventDefault();
      e.stopPropagation();
      history.back();
    },
  }, '← All users');
  replace(ctx.main, h('p', null, back), heading, msg.el);
  let user: User | null;
  try {
    user = (await gql(USER_DETAIL, { id })).user;
  } catch (e) {
    return msg.error(describeError(e));
  }
  if (!ctx.alive()) return;
  if (!user) {
    heading.textContent = 'User not found';
    return;
  }
  let sessions = userSessionsSection(user, msg);
  ctx.main.append(
    h('section', { class: 'card', 'aria-labelledby': 'state-h' }, h('h2', { id: 'state-h' }, 'Security state'), state),
    h('section', { class: 'card', 'aria-labelledby': 'reset-h' }, h('h2', { id: 'reset-h' }, 'Reset two-factor'), resetBody),
    accountSection(user, msg),
    sessions,
    h('section', { class: 'card', 'aria-labelledby': 'ev-h' }, h('h2', { id: 'ev-h' }, 'Security events'), events),
  );
  draw(user);
});

/**
 * The account's life: role, deactivate (with a reason, mailed to the person) or reactivate. The
 * server refuses acting on yourself and removing the last active admin, with a sentence.
 */
function accountSection(initial: { id: string; email: string; role: string }, msg: ReturnType<typeof messageBox>): HTMLElement {
  const body = h('div');
  const draw = async () => {
    let u: { id: string; status: string; role: string } | null;
    try {
      u = (await gql(USER_LIFECYCLE, { id: initial.id })).user;
    } catch (e) {
      return replace(body, h('p', null, describeError(e)));
    }
    if (!u) return replace(body, h('p', null, 'User not found'));
    const role = select('Role', 'role', [['AGENT', 'Agent'], ['ADMIN', 'Admin']], u.role);
    const roleForm: HTMLFormElement = h('form', {
      class: 'inline',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        try {
          const r = await busy(roleForm, () => mutate(SET_USER_ROLE, { userId: initial.id, role: role.input.value as 'AGENT' | 'ADMIN' }));
          msg.ok(`${initial.email} is now ${r.setUserRole.role === 'ADMIN' ? 'an admin' : 'an agent'}.`);
          msg.el.focus();
          await draw();
        } catch (err) {
          if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
        }
      },
    }, role.wrap, h('button', { type: 'submit', class: 'secondary' }, 'Save role'));
    const why = h('input', { id: uid('deactivate-reason'), type: 'text', name: 'reason', required: true, minlength: 3, maxlength: 500, 'aria-describedby': 'deactivate-hint' });
    const lifecycle: HTMLElement = u.status === 'DEACTIVATED'
      ? h('p', null, 'This account is deactivated: it cannot sign in in any way. ', button('Reactivate', async (ev) => {
          msg.clear();
          try {
            await busy(ev.currentTarget as HTMLElement, () => mutate(REACTIVATE_USER, { userId: initial.id }));
            msg.ok(`${initial.email} can sign in again.`);
            msg.el.focus();
            await draw();
          } catch (err) {
            if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
          }
        }))
      : h('form', {
          onsubmit: async (e: Event) => {
            e.preventDefault();
            msg.clear();
            try {
              await busy(e.currentTarget as HTMLElement, () => mutate(DEACTIVATE_USER, { userId: initial.id, reason: why.value.trim() }));
              msg.ok(`${initial.email} is deactivated: signed out everywhere, and every way to sign in is closed. They were emailed the reason.`);
              msg.el.focus();
              await draw();
            } catch (err) {
              if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
            }
          },
        },
          h('div', { class: 'field' },
            h('label', { for: why.id }, 'Reason for deactivating'),
            h('p', { id: 'deactivate-hint', class: 'hint' }, 'Recorded in the audit log and included in the email to the person.'),
            why),
          h('button', { type: 'submit', class: 'danger' }, 'Deactivate account'));
    const link = resetLinkAction({ id: initial.id, email: initial.email, status: u.status }, msg);
    replace(body, h('p', null, `Status: ${u.status === 'ACTIVE' ? 'Active' : u.status === 'INVITED' ? 'Invited (no password yet)' : 'Deactivated'}`, link ? ' ' : '', link ?? ''), roleForm, lifecycle);
  };
  void draw();
  return h('section', { class: 'card', 'aria-labelledby': 'account-h' }, h('h2', { id: 'account-h' }, 'Account'), body);
}

// SSO providers (issue 15: redirect URI before saving, discovery check, Test sign-in, Remove dialog): admin-sso.ts.
route(/^\/admin\/sso$/, 'admin', (ctx) => ssoProvidersPage(ctx, subnav('sso')));
route(/^\/admin\/sso\/test$/, 'admin', (ctx) => ssoTestPage(ctx, subnav('sso')));

/**
 * The user's live sessions (browser, OS, IP, last active) and "Sign out everywhere": ends every
 * one of them at once (the user is emailed); their next request asks them to sign in again.
 */
function userSessionsSection(initial: { id: string; email: string }, msg: ReturnType<typeof messageBox>): HTMLElement {
  const body = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  const actions = h('div', { class: 'actions' });
  const everywhere: HTMLButtonElement = button('Sign out everywhere', async (ev) => {
    msg.clear();
    try {
      const { revokeUserSessions: n } = await busy(ev.currentTarget as HTMLElement, () => mutate(REVOKE_USER_SESSIONS, { userId: initial.id }));
      msg.ok(`${initial.email} is signed out everywhere (${n === 1 ? '1 session' : `${n} sessions`} ended) and was emailed.`);
      msg.el.focus();
      await draw();
    } catch (err) {
      if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
    }
  }, { class: 'danger' });
  const draw = async () => {
    let sessions: Array<{ id: string; createdAt: string; lastSeenAt: string; browser?: string | null; os?: string | null; ip?: string | null }>;
    try {
      sessions = (await gql(USER_SESSIONS, { userId: initial.id })).userSessions;
    } catch (e) {
      return replace(body, h('p', null, describeError(e)));
    }
    replace(actions, sessions.length ? everywhere : null);
    if (!sessions.length) return replace(body, h('p', null, 'Not signed in anywhere.'));
    replace(body, h('ul', { class: 'plain user-sessions' }, sessions.map((x) =>
      h('li', null, `${x.browser ?? 'Unknown browser'} on ${x.os ?? 'unknown system'} · ${x.ip ?? 'unknown address'} · last active ${formatDate(x.lastSeenAt)} · signed in ${formatDate(x.createdAt)}`))));
  };
  void draw();
  return h('section', { class: 'card', 'aria-labelledby': 'sessions-h' },
    h('h2', { id: 'sessions-h' }, 'Sessions'),
    body,
    actions);
}
