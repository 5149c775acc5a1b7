/**
 * Admin console › SSO providers (issue 15): the list (stacked cards on phones), the form that shows
 * the redirect URI to register before saving (with Copy), the save that reports a discovery
 * problem instead of enabling a provider that cannot work, "Test sign-in" (a real round trip in a
 * new tab, ending on /admin/sso/test), and Remove in a dialog that says how many accounts go.
 * admin.ts registers the routes; this module holds their pages.
 */
import { ApiError, gql, type VariablesArg } from '../api';
import { table, text } from '../components';
import { busy, button, field, fieldError, focusHeading, h, messageBox, replace, select, uid } from '../dom';
import { describeError } from '../messages';
import { ADMIN_SSO, CONFIGURE_SSO, REMOVE_SSO, type ProviderKind, type SsoProviderConfig, type SsoProviderInput } from '../ops';
import { SSO_PROVIDER_DRAFT, SSO_TEST_RESULT, TEST_SSO_PROVIDER } from '../ops-sso';
import type { TypedDocumentString } from '../gql/graphql';
import { Cancelled, withReauth } from '../reauth';
import { dropQuery, type Ctx } from '../router';

/** Every admin mutation needs a recent sign-in (API.md): when the API asks, confirm it in a dialog, then retry. */
const mutate = <R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>) => withReauth(() => gql(document, ...variables));

const KIND_LABEL: Record<ProviderKind, string> = { GOOGLE: 'Google', OFFICE365: 'Office 365', OIDC: 'OpenID Connect' };

const accounts = (n: number) => (n === 1 ? '1 account' : `${n} accounts`);

/**
 * A read-only copy of `value` with a Copy button and its own status line ("Copied."). The
 * clipboard API needs a secure origin; elsewhere the text is selected for Ctrl+C.
 */
function copyField(label: string, value: string, hint: string, copyLabel: string): HTMLElement {
  const id = uid('copy');
  const hintId = `${id}-hint`;
  const input = h('input', { id, type: 'text', readonly: true, value, class: 'copy-value', 'aria-describedby': hintId, spellcheck: 'false' });
  const said = h('p', { class: 'hint copy-status', role: 'status' });
  const copy = button('Copy', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(value);
      said.textContent = 'Copied to the clipboard.';
    } catch {
      said.textContent = document.execCommand?.('copy') ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C) to copy it.';
    }
  }, { class: 'secondary', 'aria-label': copyLabel });
  return h('div', { class: 'field copy-field' },
    h('label', { for: id }, label),
    h('p', { id: hintId, class: 'hint' }, hint),
    h('div', { class: 'copy-row' }, input, copy),
    said);
}

/** `/admin/sso`: the providers, their form and their removal. */
export function ssoProvidersPage(ctx: Ctx, subnav: HTMLElement): void {
  const msg = messageBox();
  const list = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  const editor = h('div');
  const add = button('Add a provider', () => void edit(null));
  /** Where "Test sign-in" puts the link to the provider (a user's click opens the tab: no pop-up blocker). */
  const testLink = h('div');
  let providers: SsoProviderConfig[] = [];

  const load = async () => {
    try {
      providers = (await gql(ADMIN_SSO)).adminSsoProviders;
    } catch (e) {
      return msg.error(describeError(e));
    }
    if (!ctx.alive()) return;
    if (!providers.length) return replace(list, h('p', null, 'No provider yet. Add one to show its sign-in button on the login page.'));
    const head = ['Provider', 'Status', 'Redirect URI to register', 'Linked accounts', 'Actions'];
    replace(list, h('div', { class: 'sso-list' }, table('SSO providers', head, providers.map((p) => [
      h('div', null, h('strong', null, p.displayName), h('br'), h('span', { class: 'hint' }, `${KIND_LABEL[p.kind]} · client `, h('code', null, p.clientId))),
      h('div', null,
        h('span', { class: p.enabled ? 'badge on' : 'badge' }, p.enabled ? 'Enabled' : 'Disabled'),
        p.requireTwoFactor ? h('span', { class: 'hint' }, ' asks for 2FA') : null,
        p.discoveryProblem ? h('p', { class: 'hint warn problem' }, `Not enabled: ${p.discoveryProblem}`) : null),
      h('code', { class: 'uri' }, p.redirectUri),
      text(p.linkedAccounts),
      h('div', { class: 'actions' },
        button('Edit', () => void edit(p), { class: 'secondary', 'aria-label': `Edit ${p.displayName}` }),
        button('Test sign-in', (ev) => void test(p, ev.currentTarget as HTMLButtonElement), { class: 'secondary', 'aria-label': `Test sign-in with ${p.displayName}` }),
        button('Remove', (ev) => remove(p, ev.currentTarget as HTMLButtonElement), { class: 'danger', 'aria-label': `Remove ${p.displayName}` })),
    ]), { hideCaption: true, stack: true })));
  };

  /** "Test sign-in": the server starts a flow bound to this browser; the admin opens it in a new tab. */
  const test = async (p: SsoProviderConfig, from: HTMLButtonElement) => {
    msg.clear();
    try {
      const { testSsoProvider } = await busy(from, () => mutate(TEST_SSO_PROVIDER, { id: p.id }), 'Preparing…');
      const link = h('a', { href: testSsoProvider.authorizationUrl, target: '_blank', rel: 'noopener noreferrer', class: 'button' }, `Continue to ${p.displayName} in a new tab`);
      replace(testLink, h('div', { class: 'message info', role: 'status' },
        h('p', null, `Test sign-in with ${p.displayName} (as saved) is ready. Sign in there with any account of the provider: the new tab shows what the provider sent back. Nobody is signed in here and nothing is linked.`),
        h('p', null, link)));
      link.addEventListener('click', () => window.setTimeout(() => replace(testLink), 0));
      link.focus();
    } catch (e) {
      if (!(e instanceof Cancelled)) {
        msg.error(describeError(e));
        focusHeading(msg.el);
      }
    }
  };

  /** Remove: a modal dialog in view, naming how many accounts lose the provider. */
  const remove = (p: SsoProviderConfig, opener: HTMLButtonElement) => {
    msg.clear();
    const dmsg = messageBox();
    const titleId = uid('remove-title');
    const descId = uid('remove-desc');
    const cancel = button('Cancel', () => close(), { class: 'secondary' });
    const confirm = h('button', { type: 'submit', class: 'danger' }, `Remove ${p.displayName}`);
    const form: HTMLFormElement = h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        dmsg.clear();
        try {
          await busy(form, () => mutate(REMOVE_SSO, { id: p.id }), 'Removing…');
          close(false);
          msg.ok(`${p.displayName} is removed${p.linkedAccounts ? `; ${accounts(p.linkedAccounts)} unlinked and emailed` : ''}.`);
          await load();
          focusHeading(msg.el);
        } catch (err) {
          if (!(err instanceof Cancelled)) dmsg.error(describeError(err));
        }
      },
    }, dmsg.el, h('div', { class: 'actions' }, confirm, cancel));
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': descId },
      h('h2', { id: titleId }, `Remove ${p.displayName}?`),
      h('div', { id: descId },
        h('p', null, h('strong', null, p.linkedAccounts
          ? `${accounts(p.linkedAccounts)} ${p.linkedAccounts === 1 ? 'is' : 'are'} linked to ${p.displayName}.`
          : `No account is linked to ${p.displayName}.`)),
        h('p', null, p.linkedAccounts
          ? 'Removing it unlinks them: they can no longer sign in with it, and each person is emailed. Its sign-in button disappears from the login page.'
          : 'Its sign-in button disappears from the login page.')),
      form);
    const close = (refocus = true) => {
      dialog.close();
      dialog.remove();
      if (refocus && opener.isConnected) opener.focus();
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close();
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  };

  const edit = async (p: SsoProviderConfig | null, problem: string | null = null) => {
    if (!problem) msg.clear();
    replace(testLink);
    // A new provider: its id (and so its redirect URI) is drafted now, to register before saving.
    let draft: { id: string; redirectUri: string } | null = null;
    if (!p) {
      try {
        draft = (await busy(add, () => gql(SSO_PROVIDER_DRAFT))).ssoProviderDraft;
      } catch (e) {
        msg.error(describeError(e));
        return focusHeading(msg.el);
      }
    }
    const redirectUri = p?.redirectUri ?? draft!.redirectUri;
    const kind = select('Kind', 'kind', Object.entries(KIND_LABEL) as Array<[string, string]>, p?.kind ?? 'OIDC');
    const displayName = field('Display name', { name: 'displayName', required: true, value: p?.displayName, placeholder: 'Google' }, 'Shown on the sign-in button.');
    const clientId = field('Client ID', { name: 'clientId', required: true, value: p?.clientId, autocomplete: 'off' });
    const clientSecret = field('Client secret', { name: 'clientSecret', type: 'password', autocomplete: 'new-password', required: !p }, p ? 'Leave empty to keep the stored secret.' : 'Stored encrypted; never shown again.');
    const issuer = field('Issuer URL', { name: 'issuer', type: 'url', value: p?.issuer, placeholder: 'https://' },
      'Google: https://accounts.google.com (default). Office 365: built from the tenant. OpenID Connect: required. Checked when you save: its discovery document must answer.');
    const tenant = field('Tenant (Office 365)', { name: 'tenant', value: p?.tenant ?? '', placeholder: 'organizations' }, 'common, organizations, or a tenant ID.');
    const allowed = field('Allowed tenant IDs (Office 365)', { name: 'allowedTenants', placeholder: 'comma-separated', value: p?.allowedTenants?.join(', ') }, 'With common or organizations: accept only these tenants (empty: any).');
    const enabledId = uid('enabled');
    const tfaId = uid('tfa');
    const enabled = h('input', { id: enabledId, type: 'checkbox', name: 'enabled', checked: p ? p.enabled || !!problem : true });
    const requireTwoFactor = h('input', { id: tfaId, type: 'checkbox', name: 'requireTwoFactor', checked: p?.requireTwoFactor ?? true });
    const office = [tenant.wrap, allowed.wrap];
    const syncKind = () => office.forEach((w) => (w.hidden = kind.input.value !== 'OFFICE365'));
    kind.input.addEventListener('change', syncKind);
    if (problem) fieldError(issuer, `Not enabled: ${problem}`);
    const titleId = uid('sso-form');
    const title = h('h2', { id: titleId }, p ? `Edit ${p.displayName}` : 'Add a provider');
    const close = () => {
      replace(editor);
      add.focus();
    };
    const form: HTMLFormElement = h('form', {
      class: 'card flow',
      'aria-labelledby': titleId,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        fieldError(issuer, null);
        const office365 = kind.input.value === 'OFFICE365';
        const tenants = allowed.input.value.split(/[\s,]+/).filter(Boolean);
        const input: SsoProviderInput = {
          ...(p ? { id: p.id } : { newId: draft!.id }),
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
          const { configureSsoProvider: saved } = await busy(form, () => mutate(CONFIGURE_SSO, { input }), 'Saving…');
          await load();
          if (saved.discoveryProblem) {
            // Saved, but not enabled: the form stays (now editing the saved provider) with the reason on the issuer.
            await edit(saved, saved.discoveryProblem);
            msg.error(`${saved.displayName} is saved but not enabled: its issuer did not pass the check. ${saved.discoveryProblem} Correct the issuer URL and save again, or try Test sign-in.`);
          } else {
            replace(editor);
            msg.ok(saved.enabled ? `${saved.displayName} is saved and enabled: its sign-in button is on the login page.` : `${saved.displayName} is saved, disabled: it is not on the login page.`);
          }
          focusHeading(msg.el);
        } catch (err) {
          if (err instanceof Cancelled) return;
          msg.error(describeError(err));
          if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && /issuer/i.test(err.message)) fieldError(issuer, err.message);
          focusHeading(msg.el);
        }
      },
    },
      title,
      copyField('Redirect URI', redirectUri, p ? 'Registered at the provider as an allowed redirect (callback) URI.' : 'Register it at the provider first (an allowed redirect or callback URI), then fill in what the provider gives you.', 'Copy the redirect URI'),
      kind.wrap, displayName.wrap, clientId.wrap, clientSecret.wrap, issuer.wrap, tenant.wrap, allowed.wrap,
      h('div', { class: 'field check' }, enabled, h('label', { for: enabledId }, 'Enabled: show it on the sign-in page')),
      h('div', { class: 'field check' }, requireTwoFactor, h('label', { for: tfaId }, 'Also ask for the account’s own two-factor method')),
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, 'Save provider'),
        p ? button('Test sign-in', (ev) => void test(p, ev.currentTarget as HTMLButtonElement), { class: 'secondary' }) : null,
        button('Cancel', close, { class: 'secondary' })),
    );
    syncKind();
    replace(editor, form);
    if (!problem) focusHeading(title);
  };

  replace(ctx.main, h('h1', null, 'SSO providers'), subnav, msg.el, testLink,
    h('section', { class: 'card', 'aria-label': 'Configured providers' }, list, h('p', null, add)), editor);
  void load();
}

/** The admin's words for a test round trip that failed (`?error=` of /admin/sso/test). */
const TEST_ERRORS: Record<string, string> = {
  provider_not_configured: 'The provider was removed, or is not configured.',
  invalid_state: 'The test expired, was started in another browser, or your session ended. Start it again from SSO providers.',
  access_denied: 'The sign-in was cancelled at the provider, or the provider refused access (is this app allowed for that account?).',
  provider_error: 'The provider refused the request or the code exchange. Check the client ID, the client secret and the redirect URI registered at the provider.',
  provider_unavailable: 'The provider could not be reached. Check the issuer URL, or try again in a moment.',
  invalid_token: 'The provider’s ID token did not pass the checks (issuer, audience, signature, tenant). Check the issuer URL, the client ID and the allowed tenants.',
};

/** `/admin/sso/test`: where a "Test sign-in" round trip lands, in its own tab. */
export async function ssoTestPage(ctx: Ctx, subnav: HTMLElement): Promise<void> {
  const ticket = ctx.query.get('ticket');
  const error = ctx.query.get('error');
  const back = h('p', null, h('a', { href: '/admin/sso', 'data-link': true }, 'Back to SSO providers'));
  if (error) {
    // A reload must not show an old failure as new.
    dropQuery();
    const providerName = (await gql(ADMIN_SSO).catch(() => null))?.adminSsoProviders.find((p) => p.id === ctx.query.get('provider'))?.displayName;
    if (!ctx.alive()) return;
    return replace(ctx.main, h('h1', null, 'Test sign-in failed'), subnav,
      h('div', { class: 'message error', role: 'alert' },
        h('p', null, `${providerName ? `${providerName}: ` : ''}${TEST_ERRORS[error] ?? 'The round trip did not complete.'}`),
        h('p', null, 'Reason code: ', h('code', null, error))),
      back);
  }
  if (!ticket) {
    return replace(ctx.main, h('h1', null, 'Test sign-in'), subnav, h('p', null, 'No test result here. Start a test with “Test sign-in” next to a provider.'), back);
  }
  replace(ctx.main, h('h1', null, 'Test sign-in'), subnav, h('p', { class: 'hint' }, 'Loading the result…'));
  try {
    const { ssoTestResult: r } = await gql(SSO_TEST_RESULT, { ticket });
    if (!ctx.alive()) return;
    replace(ctx.main, h('h1', null, `Test sign-in with ${r.provider.displayName} worked`), subnav,
      h('div', { class: 'message ok', role: 'status' }, 'The provider signed the account in and its ID token passed every check. Nobody was signed in here and nothing was linked.'),
      h('section', { class: 'card', 'aria-labelledby': 'test-facts-h' },
        h('h2', { id: 'test-facts-h' }, 'What the provider sent'),
        h('dl', { class: 'facts' },
          h('dt', null, 'Subject (the identity key)'), h('dd', null, h('code', { class: 'uri' }, r.subject)),
          h('dt', null, 'Email'), h('dd', null, r.email ?? 'none sent'),
          h('dt', null, 'Email verified'), h('dd', null, r.emailVerified ? 'Yes' : 'No: it is shown to agents as unverified'))),
      h('p', null, 'You can close this tab.'),
      back);
  } catch (e) {
    if (!ctx.alive()) return;
    replace(ctx.main, h('h1', null, 'Test sign-in'), subnav,
      h('div', { class: 'message error', role: 'alert' },
        e instanceof ApiError && e.code === 'CODE_EXPIRED' ? 'This test result has expired (5 minutes) or belongs to another browser. Run the test again.' : describeError(e)),
      back);
  }
}
