import { gql, type VariablesArg } from '../api';
import { eventsList, table, text } from '../components';
import { busy, button, field, focusHeading, formatDate, h, messageBox, replace, select, uid } from '../dom';
import { describeError } from '../messages';
import {
  ADMIN_SSO, CONFIGURE_SSO, REMOVE_SSO, RESET_2FA, UNLINK_USER_PROVIDER, UNLOCK, USER_DETAIL, USER_EVENTS, USER_SSO,
  type EnabledMethodFilter, type ProviderKind, type SsoProviderConfig, type SsoProviderInput, type User,
} from '../ops';
import type { TypedDocumentString } from '../gql/graphql';
import { DEACTIVATE_USER, REACTIVATE_USER, SET_USER_ROLE, USER_LIFECYCLE } from '../ops-lifecycle';
import { resetLinkAction } from './add-user';
import { Cancelled, withReauth } from '../reauth';
import { CONSOLE_OVERVIEW, CONSOLE_USERS } from '../ops-policy';
import { route, type Ctx } from '../router';
import { REVOKE_USER_SESSIONS, USER_SESSIONS } from '../ops-sessions';

/** Every admin mutation needs a recent sign-in (API.md): when the API asks, confirm it in a dialog, then retry. */
const mutate = <R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>) => withReauth(() => gql(document, ...variables));

export const subnav = (current: 'users' | 'sso' | 'policy') =>
  h('nav', { class: 'subnav', 'aria-label': 'Admin console' },
    h('a', { href: '/admin', 'data-link': true, 'aria-current': current === 'users' ? 'page' : null }, 'Overview and users'),
    h('a', { href: '/admin/policy', 'data-link': true, 'aria-current': current === 'policy' ? 'page' : null }, 'Security policy'),
    h('a', { href: '/admin/sso', 'data-link': true, 'aria-current': current === 'sso' ? 'page' : null }, 'SSO providers'));

const methodsOf = (u: User) => {
  const m = [u.security.email.enabled && 'Email', u.security.totp.enabled && 'App', u.security.webauthn.enabled && 'Passkey'].filter(Boolean);
  return m.length ? m.join(', ') : 'Off';
};
const isLocked = (u: User) => !!u.security.lockedUntil && new Date(u.security.lockedUntil).getTime() > Date.now();

route(/^\/admin$/, 'admin', (ctx) => {
  const overview = h('div', { class: 'stats' }, h('p', { class: 'hint' }, 'Loading…'));
  replace(ctx.main,
    h('h1', null, 'Admin console'),
    subnav('users'),
    h('section', { 'aria-labelledby': 'ov-h', class: 'card' }, h('h2', { id: 'ov-h' }, 'Security overview'), overview),
    usersSection(ctx),
  );
  void (async () => {
    try {
      const { securityOverview: o } = await gql(CONSOLE_OVERVIEW);
      const stat = (label: string, value: number) => h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, String(value)));
      // Policy and lifecycle counts open the users list filtered to the accounts they count.
      const linked = (label: string, value: number, query: string) =>
        h('div', { class: 'stat' }, h('dt', null, label), h('dd', null, h('a', { href: `/admin?${query}#users-h`, 'data-link': true, 'aria-label': `${value} ${label}: show them` }, String(value))));
      replace(overview, h('dl', null,
        stat('Users', o.users),
        stat('Two-factor on', o.twoFactorEnabled),
        stat('Email codes', o.emailEnabled),
        stat('Authenticator app', o.totpEnabled),
        stat('Locked now', o.lockedNow),
        stat('2 or fewer backup codes', o.lowBackupCodes),
        linked('Not compliant with the 2FA policy', o.nonCompliant, 'twoFactorCompliant=false&status=ACTIVE'),
        linked('Of them in grace period', o.inGracePeriod, 'twoFactorCompliant=false&status=ACTIVE'),
        linked('Invited', o.invited, 'status=INVITED'),
        linked('Deactivated', o.deactivated, 'status=DEACTIVATED'),
      ));
    } catch (e) {
      replace(overview, h('p', { class: 'message error', role: 'alert' }, describeError(e)));
    }
  })();
});

const STATUS_LABEL: Record<'ACTIVE' | 'INVITED' | 'DEACTIVATED', string> = { ACTIVE: 'Active', INVITED: 'Invited', DEACTIVATED: 'Deactivated' };

/** Where an account stands with the 2FA policy. */
function policyState(s: { twoFactorRequired: boolean; enrollmentDeadline?: string | null }): string {
  if (!s.twoFactorRequired) return 'Not required';
  if (!s.enrollmentDeadline) return 'Compliant';
  return new Date(s.enrollmentDeadline).getTime() > Date.now() ? `Due ${formatDate(s.enrollmentDeadline)}` : 'Overdue: can only enrol';
}

function usersSection(ctx: Ctx): HTMLElement {
  const PAGE = 20;
  const msg = messageBox();
  const results = h('div', { 'aria-live': 'polite' });
  const search = field('Search', { name: 'search', type: 'search', placeholder: 'Name or email' });
  const twoFactor = select('Two-factor', 'twoFactor', [['', 'Any'], ['true', 'On'], ['false', 'Off']]);
  const method = select('Method', 'method', [['', 'Any'], ['EMAIL', 'Email codes'], ['TOTP', 'Authenticator app']]);
  const locked = select('Locked', 'locked', [['', 'Any'], ['true', 'Locked now'], ['false', 'Not locked']]);
  const lowCodes = field('Backup codes at most', { name: 'backupCodesRemainingAtMost', type: 'number', min: 0, max: 10, inputmode: 'numeric' });
  // Preset from the address (the overview's counts link here with their filter).
  const compliance = select('2FA policy', 'twoFactorCompliant', [['', 'Any'], ['false', 'Not compliant'], ['true', 'Compliant']], ctx.query.get('twoFactorCompliant') ?? '');
  const status = select('Status', 'status', [['', 'Any'], ['ACTIVE', 'Active'], ['INVITED', 'Invited'], ['DEACTIVATED', 'Deactivated']], ctx.query.get('status') ?? '');
  let cursors: Array<string | null> = [null]; // start cursor of each page seen
  let pageIndex = 0;

  const vars = () => ({
    search: search.input.value.trim() || null,
    twoFactorEnabled: twoFactor.input.value ? twoFactor.input.value === 'true' : null,
    method: (method.input.value || null) as EnabledMethodFilter | null,
    locked: locked.input.value ? locked.input.value === 'true' : null,
    backupCodesRemainingAtMost: lowCodes.input.value === '' ? null : Number(lowCodes.input.value),
    twoFactorCompliant: compliance.input.value ? compliance.input.value === 'true' : null,
    status: (status.input.value || null) as 'ACTIVE' | 'INVITED' | 'DEACTIVATED' | null,
    first: PAGE,
    after: cursors[pageIndex],
  });

  const load = async () => {
    msg.clear();
    try {
      const { users } = await gql(CONSOLE_USERS, vars());
      if (!ctx.alive()) return;
      if (users.pageInfo.hasNextPage) cursors[pageIndex + 1] = users.pageInfo.endCursor;
      const from = pageIndex * PAGE + 1;
      const rows = users.edges.map(({ node: u }) => [
        h('a', { href: `/admin/users/${encodeURIComponent(u.id)}`, 'data-link': true }, u.displayName),
        text(u.email),
        text(u.role === 'ADMIN' ? 'Admin' : 'Agent'),
        text(methodsOf(u)),
        text(u.security.twoFactorEnabled ? `${u.security.backupCodes.remaining} of ${u.security.backupCodes.total}` : '—'),
        text(isLocked(u) ? `Until ${formatDate(u.security.lockedUntil)}` : 'No'),
        text(policyState(u.security)),
        text(STATUS_LABEL[u.status]),
        text(formatDate(u.lastLoginAt)),
      ]);
      replace(results,
        h('p', null, users.totalCount ? `Showing ${from}–${from + users.edges.length - 1} of ${users.totalCount} users.` : 'No users match these filters.'),
        rows.length ? table('Users', ['Name', 'Email', 'Role', 'Two-factor', 'Backup codes', 'Locked', '2FA policy', 'Status', 'Last sign-in'], rows, { hideCaption: true }) : null,
        h('div', { class: 'actions' },
          pageIndex > 0 ? button('Previous page', () => { pageIndex--; void load(); }, { class: 'secondary' }) : null,
          users.pageInfo.hasNextPage ? button('Next page', () => { pageIndex++; void load(); }, { class: 'secondary' }) : null,
        ),
      );
    } catch (e) {
      msg.error(describeError(e));
    }
  };

  const form: HTMLFormElement = h('form', {
    class: 'filters',
    role: 'search',
    'aria-label': 'Filter users',
    onsubmit: (e: Event) => {
      e.preventDefault();
      cursors = [null];
      pageIndex = 0;
      void busy(form, load);
    },
  }, search.wrap, twoFactor.wrap, method.wrap, locked.wrap, lowCodes.wrap, compliance.wrap, status.wrap, h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Apply filters')));
  void load();
  return h('section', { 'aria-labelledby': 'users-h', class: 'card' }, h('h2', { id: 'users-h' }, 'Users'), h('p', null, h('a', { href: '/admin/users/new', 'data-link': true, class: 'button' }, 'Add user')), form, msg.el, results);
}

route(/^\/admin\/users\/([^/]+)$/, 'admin', async (ctx) => {
  const id = decodeURIComponent(ctx.match[1]);
  const msg = messageBox();
  const state = h('div');
  const heading = h('h1', null, 'User');
  const events = h('div');
  const reason = h('textarea', { id: uid('reason'), name: 'reason', rows: 3, required: true, maxlength: 500, 'aria-describedby': 'reason-hint' });
  const unlinkSso = h('input', { id: uid('unlink-sso'), type: 'checkbox', name: 'unlinkSso' });
  const resetForm: HTMLFormElement = h('form', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      try {
        const { resetTwoFactor } = await busy(resetForm, () => mutate(RESET_2FA, { userId: id, reason: reason.value.trim(), unlinkSso: unlinkSso.checked }));
        reason.value = '';
        const sso = unlinkSso.checked ? ', single sign-on connections are removed' : '';
        unlinkSso.checked = false;
        draw(resetTwoFactor);
        msg.ok(`Two-factor authentication of ${resetTwoFactor.email} is reset: every method is off, backup codes are void${sso}, sessions are ended and the user was emailed.`);
        msg.el.focus();
      } catch (err) {
        if (!(err instanceof Cancelled)) msg.error(describeError(err));
      }
    },
  },
    h('div', { class: 'field' },
      h('label', { for: reason.id }, 'Reason'),
      h('p', { id: 'reason-hint', class: 'hint' }, 'Recorded in the audit log and included in the email to the user. Confirm who asked, and how you checked it was them.'),
      reason),
    h('div', { class: 'field check' }, unlinkSso, h('label', { for: unlinkSso.id }, 'Also remove the single sign-on connections (when a connection may not be theirs)')),
    h('button', { type: 'submit', class: 'danger' }, 'Reset two-factor'),
  );
  msg.el.setAttribute('tabindex', '-1');

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
              msg.ok('Code checks are unlocked.');
            } catch (err) {
              if (!(err instanceof Cancelled)) msg.error(describeError(err));
            }
          }))
        : null,
    );
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
        const why = h('input', { id: uid('unlink-reason'), name: 'reason', required: true, maxlength: 500 });
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
              if (!(err instanceof Cancelled)) msg.error(describeError(err));
            }
          },
        }, h('label', { for: why.id }, 'Reason'), why, h('button', { type: 'submit', class: 'secondary' }, `Remove ${c.provider.displayName} connection`));
        return h('li', null, `${c.provider.displayName} (${c.email ?? 'no email'}${c.email && c.emailVerified === false ? ', unverified' : ''}) `, form);
      })));
    } catch {
      dd.textContent = 'Not available';
    }
  };

  replace(ctx.main, h('p', null, h('a', { href: '/admin', 'data-link': true }, '← All users')), heading, msg.el);
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
  ctx.main.append(
    h('section', { class: 'card', 'aria-labelledby': 'state-h' }, h('h2', { id: 'state-h' }, 'Security state'), state),
    h('section', { class: 'card', 'aria-labelledby': 'reset-h' },
      h('h2', { id: 'reset-h' }, 'Reset two-factor'),
      h('p', null, 'For a user who lost every factor: turns every method off, voids the backup codes, signs the user out everywhere and emails them. They can sign in with their password and set up two-factor again.'),
      resetForm),
    accountSection(user, msg),
    userSessionsSection(user, msg),
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
          if (!(err instanceof Cancelled)) msg.error(describeError(err));
        }
      },
    }, role.wrap, h('button', { type: 'submit', class: 'secondary' }, 'Save role'));
    const why = h('input', { id: uid('deactivate-reason'), name: 'reason', required: true, minlength: 3, maxlength: 500, 'aria-describedby': 'deactivate-hint' });
    const lifecycle: HTMLElement = u.status === 'DEACTIVATED'
      ? h('p', null, 'This account is deactivated: it cannot sign in in any way. ', button('Reactivate', async (ev) => {
          msg.clear();
          try {
            await busy(ev.currentTarget as HTMLElement, () => mutate(REACTIVATE_USER, { userId: initial.id }));
            msg.ok(`${initial.email} can sign in again.`);
            msg.el.focus();
            await draw();
          } catch (err) {
            if (!(err instanceof Cancelled)) msg.error(describeError(err));
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
              if (!(err instanceof Cancelled)) msg.error(describeError(err));
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

const KIND_LABEL: Record<ProviderKind, string> = { GOOGLE: 'Google', OFFICE365: 'Office 365', OIDC: 'OpenID Connect' };

route(/^\/admin\/sso$/, 'admin', (ctx) => {
  const msg = messageBox();
  const list = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  const editor = h('div');
  const add = button('Add a provider', () => edit(null));
  let providers: SsoProviderConfig[] = [];

  const load = async () => {
    try {
      providers = (await gql(ADMIN_SSO)).adminSsoProviders;
    } catch (e) {
      return msg.error(describeError(e));
    }
    if (!providers.length) return replace(list, h('p', null, 'No provider yet. Add one to show its sign-in button on the login page.'));
    replace(list, table('SSO providers', ['Name', 'Kind', 'Status', 'Client ID', 'Redirect URI to register', 'Actions'], providers.map((p) => [
      text(p.displayName),
      text(KIND_LABEL[p.kind]),
      text(`${p.enabled ? 'Enabled' : 'Disabled'}${p.requireTwoFactor ? ', asks for 2FA' : ''}`),
      h('code', null, p.clientId),
      h('code', { class: 'uri' }, p.redirectUri),
      h('div', { class: 'actions' },
        button('Edit', () => edit(p), { class: 'secondary', 'aria-label': `Edit ${p.displayName}` }),
        button('Remove', () => remove(p), { class: 'danger', 'aria-label': `Remove ${p.displayName}` })),
    ]), { hideCaption: true }));
  };

  const remove = (p: SsoProviderConfig) => {
    msg.clear();
    const title = h('h2', null, `Remove ${p.displayName}?`);
    replace(editor, h('div', { class: 'card flow' }, title,
      h('p', null, 'Its sign-in button disappears and the accounts connected to it can no longer sign in with it.'),
      h('div', { class: 'actions' },
        button('Remove', async (ev) => {
          try {
            await busy(ev.currentTarget as HTMLElement, () => mutate(REMOVE_SSO, { id: p.id }));
            replace(editor);
            msg.ok(`${p.displayName} is removed.`);
            await load();
            focusHeading(msg.el);
          } catch (e) {
            if (!(e instanceof Cancelled)) msg.error(describeError(e));
          }
        }, { class: 'danger' }),
        button('Cancel', () => { replace(editor); add.focus(); }, { class: 'secondary' }))));
    focusHeading(title);
  };

  const edit = (p: SsoProviderConfig | null) => {
    msg.clear();
    const kind = select('Kind', 'kind', Object.entries(KIND_LABEL) as Array<[string, string]>, p?.kind ?? 'OIDC');
    const displayName = field('Display name', { name: 'displayName', required: true, value: p?.displayName, placeholder: 'Google' }, 'Shown on the sign-in button.');
    const clientId = field('Client ID', { name: 'clientId', required: true, value: p?.clientId, autocomplete: 'off' });
    const clientSecret = field('Client secret', { name: 'clientSecret', type: 'password', autocomplete: 'new-password', required: !p }, p ? 'Leave empty to keep the stored secret.' : 'Stored encrypted; never shown again.');
    const issuer = field('Issuer URL', { name: 'issuer', type: 'url', value: p?.issuer, placeholder: 'https://' }, 'Google: https://accounts.google.com (default). Office 365: built from the tenant. OpenID Connect: required.');
    const tenant = field('Tenant (Office 365)', { name: 'tenant', value: p?.tenant ?? '', placeholder: 'organizations' }, 'common, organizations, or a tenant ID.');
    const allowed = field('Allowed tenant IDs (Office 365)', { name: 'allowedTenants', placeholder: 'comma-separated', value: p?.allowedTenants?.join(', ') }, 'With common or organizations: accept only these tenants (empty: any).');
    const enabledId = uid('enabled');
    const tfaId = uid('tfa');
    const enabled = h('input', { id: enabledId, type: 'checkbox', name: 'enabled', checked: p ? p.enabled : true });
    const requireTwoFactor = h('input', { id: tfaId, type: 'checkbox', name: 'requireTwoFactor', checked: p?.requireTwoFactor ?? true });
    const office = [tenant.wrap, allowed.wrap];
    const syncKind = () => office.forEach((w) => (w.hidden = kind.input.value !== 'OFFICE365'));
    kind.input.addEventListener('change', syncKind);
    const title = h('h2', null, p ? `Edit ${p.displayName}` : 'Add a provider');
    const form: HTMLFormElement = h('form', {
      class: 'card flow',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        const office365 = kind.input.value === 'OFFICE365';
        const tenants = allowed.input.value.split(/[\s,]+/).filter(Boolean);
        const input: SsoProviderInput = {
          ...(p ? { id: p.id } : {}),
          kind: kind.input.value as ProviderKind,
          displayName: displayName.input.value.trim(),
          clientId: clientId.input.value.trim(),
          enabled: enabled.checked,
          requireTwoFactor: requireTwoFactor.checked,
        };
        if (clientSecret.input.value) input.clientSecret = clientSecret.input.value;
        if (issuer.input.value.trim()) input.issuer = issuer.input.value.trim();
        if (office365 && tenant.input.value.trim()) input.tenant = tenant.input.value.trim();
        if (office365) input.allowedTenants = tenants;
        try {
          const { configureSsoProvider: saved } = await busy(form, () => mutate(CONFIGURE_SSO, { input }));
          replace(editor);
          msg.ok(`${saved.displayName} is saved. Register this redirect URI at the provider: ${saved.redirectUri}`);
          await load();
          focusHeading(msg.el);
        } catch (err) {
          if (!(err instanceof Cancelled)) msg.error(describeError(err));
        }
      },
    },
      title,
      kind.wrap, displayName.wrap, clientId.wrap, clientSecret.wrap, issuer.wrap, tenant.wrap, allowed.wrap,
      h('div', { class: 'field check' }, enabled, h('label', { for: enabledId }, 'Enabled: show it on the sign-in page')),
      h('div', { class: 'field check' }, requireTwoFactor, h('label', { for: tfaId }, 'Also ask for the account’s own two-factor method')),
      p ? h('p', null, 'Redirect URI to register at the provider: ', h('code', { class: 'uri' }, p.redirectUri)) : h('p', { class: 'hint' }, 'The redirect URI to register is shown after saving.'),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save provider'), button('Cancel', () => { replace(editor); add.focus(); }, { class: 'secondary' })),
    );
    syncKind();
    replace(editor, form);
    focusHeading(title);
  };

  replace(ctx.main, h('h1', null, 'SSO providers'), subnav('sso'), msg.el, h('section', { class: 'card', 'aria-label': 'Configured providers' }, list, h('p', null, add)), editor);
  void load();
});

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
      if (!(err instanceof Cancelled)) msg.error(describeError(err));
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
