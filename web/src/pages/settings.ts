import { ApiError, gql, session as pageSession, type ResultOf } from '../api';
import { eventsList } from '../components';
import { busy, button, codeField, countdown, field, fieldError, focusHeading, formatDate, h, messageBox, replace } from '../dom';
import { flash } from '../flash';
import { describeError, ssoErrorSentence } from '../messages';
import {
  BACKUP_CODES, CONFIRM_EMAIL, CONFIRM_TOTP, DISABLE_EMAIL, DISABLE_TOTP, ENABLE_TOTP, LINK, MY_EVENTS, MY_SSO, REGENERATE, SETUP_EMAIL, UNLINK,
  type CodeDelivery, type User, type WebAuthnCredential,
} from '../ops';
import { BEGIN_WEBAUTHN_REGISTRATION, FINISH_WEBAUTHN_REGISTRATION, REMOVE_WEBAUTHN_CREDENTIAL, RENAME_WEBAUTHN_CREDENTIAL } from '../ops-passkeys';
import { CANCELLED_SENTENCE, CeremonyCancelled, createCredential, describePasskeyError, passkeysSupported } from '../passkeys';
import { CHANGE_PASSWORD } from '../ops-lifecycle';
import { REVOKE_ALL_TRUSTED_DEVICES, REVOKE_TRUSTED_DEVICE, TRUSTED_DEVICES } from '../ops-devices';
import { Cancelled, withReauth } from '../reauth';
import { currentUser, dropQuery, forgetUser, navigate, route } from '../router';
import { MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from '../ops-sessions';

type Msg = ReturnType<typeof messageBox>;

route(/^\/settings(\/sso)?$/, 'user', (ctx) => {
  const msg = messageBox();
  const flashed = flash.take();
  if (flashed) msg.ok(flashed);
  const ssoMsg = messageBox();
  const linked = ctx.query.get('linked');
  const error = ctx.query.get('error');
  if (error) ssoMsg.error(ssoErrorSentence(error));
  if (ctx.query.size) dropQuery();
  const sso = ssoSection(ssoMsg, linked);
  replace(ctx.main,
    h('h1', null, 'User settings'),
    h('p', null, 'Signed in as ', h('strong', null, ctx.me.displayName), ` (${ctx.me.email})`),
    msg.el,
    twoFactorSection(ctx.me),
    sso,
    passwordSection(),
    trustedBrowsersSection(),
    signedInSection(),
    h('section', { 'aria-labelledby': 'activity-h', class: 'card' },
      h('h2', { id: 'activity-h' }, 'Recent security activity'),
      h('p', { class: 'hint' }, 'Sign-ins and changes to your account’s security. If something looks wrong, change your password and tell your administrator.'),
      eventsList('Your security events', async (after) => (await gql(MY_EVENTS, { first: 10, after })).mySecurityEvents),
    ),
  );
  if (ctx.match[1] || linked || error) focusHeading(sso.querySelector('h2')!);
});

/** Reports a failure unless the person just closed the re-authentication prompt. */
function fail(msg: Msg, e: unknown, describe: (e: unknown) => string = describeError) {
  if (!(e instanceof Cancelled)) msg.error(describe(e));
}

/** Registration options older than this are fetched again before the browser prompt (they live 5 minutes). */
const OPTIONS_FRESH_MS = 4 * 60_000;

/**
 * Profile > Two-factor authentication: the methods and their set-up flows. Also the body of the
 * forced enrolment page (enroll.ts), which follows the changes through `onChange`.
 */
export function twoFactorSection(initial: User, opts: { onChange?: (user: User) => void } = {}): HTMLElement {
  let user = initial;
  const section = h('section', { id: 'two-factor', class: 'card', 'aria-labelledby': 'tf-h' });
  const heading = h('h2', { id: 'tf-h' }, 'Two-factor authentication');
  const msg = messageBox();
  const body = h('div');
  replace(section, heading, msg.el, body);

  const refresh = async () => {
    user = (await currentUser(true))!;
    opts.onChange?.(user);
  };
  /** Shows a step of a flow under its own heading, which gets the focus. */
  const step = (title: string, ...content: Array<Node | null>) => {
    const h3 = h('h3', null, title);
    replace(body, h('div', { class: 'flow' }, h3, ...content));
    focusHeading(h3);
  };
  const back = (focus = true) => {
    overview();
    if (focus) focusHeading(heading);
  };
  const cancel = () => button('Cancel', () => { msg.clear(); back(); }, { class: 'secondary' });

  const methodRow = (name: string, description: string, state: { enabled: boolean; enabledAt: string | null }, setUp: () => void, turnOff: () => void) =>
    h('div', { class: 'method-row' },
      h('div', null,
        h('h3', null, name, ' ', h('span', { class: state.enabled ? 'badge on' : 'badge' }, state.enabled ? 'On' : 'Off')),
        h('p', { class: 'hint' }, state.enabled ? `${description} On since ${formatDate(state.enabledAt)}.` : description),
      ),
      state.enabled
        ? button('Turn off', turnOff, { class: 'secondary', 'aria-label': `Turn off ${name.toLowerCase()}` })
        : button('Set up', setUp, { 'aria-label': `Set up ${name.toLowerCase()}` }),
    );

  const overview = () => {
    const s = user.security;
    const b = s.backupCodes;
    replace(body,
      h('p', null, !s.twoFactorEnabled
        ? 'Two-factor authentication is off. Turn on at least one method to protect your account.'
        : s.webauthn.enabled
          ? 'Two-factor authentication is on: signing in needs your password and a second step, or one of your passkeys.'
          : 'Two-factor authentication is on: signing in needs your password and a code.'),
      methodRow('Email codes', 'A 6-digit code is emailed to you when you sign in.', s.email, setUpEmail, () => turnOff('EMAIL')),
      methodRow('Authenticator app', 'An app on your phone shows a new 6-digit code every 30 seconds.', s.totp, setUpTotp, () => turnOff('TOTP')),
      passkeysBlock(),
      s.twoFactorEnabled
        ? h('div', { class: 'method-row' },
            h('div', null,
              h('h3', null, 'Backup codes'),
              h('p', { class: b.remaining <= 2 ? 'hint warn' : 'hint' },
                `${b.remaining} of ${b.total} unused${b.generatedAt ? `, generated ${formatDate(b.generatedAt)}` : ''}. Use one if you cannot get a code any other way.`),
            ),
            h('div', { class: 'actions' },
              button('View backup codes', viewCodes, { class: 'secondary' }),
              button('Generate new codes', confirmRegenerate, { class: 'secondary' }),
            ),
          )
        : null,
    );
  };

  const enabledDone = async (backupCodes: string[] | null, what: string) => {
    await refresh();
    if (backupCodes) showCodes(backupCodes.map((code) => ({ code, used: false })), 'Save your backup codes', `${what} Save these backup codes now: each one signs you in once if you lose access to your phone, email or passkey.`);
    else {
      back();
      msg.ok(what);
    }
  };

  const setUpEmail = async () => {
    msg.clear();
    let delivery: CodeDelivery;
    try {
      delivery = (await withReauth(() => gql(SETUP_EMAIL))).setupEmailTwoFactor;
    } catch (e) {
      return fail(msg, e);
    }
    const code = codeField('Code from the email');
    const status = h('p', null, `We sent a 6-digit code to ${delivery.sentTo}. Enter it below; it is valid for 10 minutes.`);
    const resend: HTMLButtonElement = button('Resend code', async () => {
      msg.clear();
      try {
        delivery = (await withReauth(() => gql(SETUP_EMAIL))).setupEmailTwoFactor;
        status.textContent = `We sent a new code to ${delivery.sentTo}. Only the newest code works.`;
        countdown(resend, 30, 'Resend code');
      } catch (e) {
        fail(msg, e);
        if (e instanceof ApiError && e.retryAfterSeconds) countdown(resend, e.retryAfterSeconds, 'Resend code');
      }
    }, { class: 'secondary' });
    const form: HTMLFormElement = h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        try {
          const r = await busy(form, () => withReauth(() => gql(CONFIRM_EMAIL, { code: code.input.value.trim() })));
          await enabledDone(r.confirmEmailTwoFactor.backupCodes, 'Email codes are on.');
        } catch (err) {
          fail(msg, err);
          code.input.select();
        }
      },
    }, code.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirm'), resend, cancel()));
    step('Set up email codes', status, form);
    countdown(resend, 30, 'Resend code');
  };

  const setUpTotp = async () => {
    msg.clear();
    let e: ResultOf<typeof ENABLE_TOTP>['enableTotp'];
    try {
      e = (await withReauth(() => gql(ENABLE_TOTP))).enableTotp;
    } catch (err) {
      return fail(msg, err);
    }
    const grouped = e.secret.replace(/(.{4})(?=.)/g, '$1 ');
    const code = codeField('6-digit code from the app');
    const form: HTMLFormElement = h('form', {
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        msg.clear();
        try {
          const r = await busy(form, () => withReauth(() => gql(CONFIRM_TOTP, { code: code.input.value.trim() })));
          await enabledDone(r.confirmTotp.backupCodes, 'The authenticator app is on.');
        } catch (err) {
          fail(msg, err);
          code.input.select();
        }
      },
    }, code.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirm'), cancel()));
    step('Set up an authenticator app',
      h('ol', { class: 'steps' },
        h('li', null,
          h('p', null, 'Scan this QR code with your authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).'),
          h('img', { class: 'qr', src: e.qrCodeDataUrl, width: 200, height: 200, alt: 'QR code to add CloudCX to your authenticator app' }),
        ),
        h('li', null,
          h('p', null, 'Can’t scan it? Choose “enter a setup key” in the app and type this key (time-based):'),
          h('p', null, h('code', { class: 'secret', 'data-secret': e.secret, 'aria-label': `Setup key: ${e.secret.split('').join(' ')}` }, grouped), ' ',
            button('Copy key', () => void copy(e.secret, msg, 'The key is copied.'), { class: 'link' })),
        ),
        h('li', null, h('p', null, 'Enter the 6-digit code the app now shows for CloudCX.'), form),
      ));
  };

  const turnOff = (method: 'EMAIL' | 'TOTP') => {
    msg.clear();
    const name = method === 'EMAIL' ? 'email codes' : 'the authenticator app';
    const s = user.security;
    const other = s.webauthn.enabled || (method === 'EMAIL' ? s.totp.enabled : s.email.enabled);
    step(`Turn off ${name}?`,
      h('p', null, other
        ? `You will no longer be able to sign in with ${name}.`
        : 'This is your last method: two-factor authentication will be off and your backup codes will stop working.'),
      h('div', { class: 'actions' },
        button('Turn off', async (ev) => {
          try {
            await busy((ev.currentTarget as HTMLElement).parentElement!, () => withReauth<unknown>(() => (method === 'EMAIL' ? gql(DISABLE_EMAIL) : gql(DISABLE_TOTP))));
            await refresh();
            back();
            msg.ok(method === 'EMAIL' ? 'Email codes are off.' : 'The authenticator app is off.');
          } catch (e) {
            fail(msg, e);
          }
        }, { class: 'danger' }),
        button('Keep it on', () => back(), { class: 'secondary' }),
      ));
  };

  /**
   * Passkeys and security keys: the list (name, kind, added, last used), add (recent
   * authentication, a name, the browser's prompt, the backup codes when it is the first method),
   * rename in place, remove (confirmed; recent authentication).
   */
  const passkeysBlock = () => {
    const s = user.security;
    const creds = s.webauthnCredentials;
    const supported = passkeysSupported();
    return h('section', { class: 'passkeys', 'aria-labelledby': 'pk-h' },
      h('div', { class: 'method-row' },
        h('div', null,
          h('h3', { id: 'pk-h' }, 'Passkeys and security keys', ' ', h('span', { class: s.webauthn.enabled ? 'badge on' : 'badge' }, s.webauthn.enabled ? 'On' : 'Off')),
          h('p', { class: 'hint' },
            'Confirm it’s you with your fingerprint, face, screen lock or a USB or NFC security key. A passkey can also sign you in without your password.',
            s.webauthn.enabled ? ` On since ${formatDate(s.webauthn.enabledAt)}.` : ''),
          supported
            ? null
            : h('p', { class: 'hint warn' }, 'This browser cannot use passkeys or security keys. To add one, open this page in a current version of Chrome, Edge, Firefox or Safari.'),
        ),
        supported ? button('Add a passkey or security key', addPasskey, creds.length ? { class: 'secondary' } : {}) : null,
      ),
      creds.length
        ? h('ul', { class: 'plain passkey-list', 'aria-label': 'Your passkeys and security keys' }, creds.map(credentialRow))
        : null,
    );
  };

  const credentialRow = (c: WebAuthnCredential) => {
    const li = h('li', { class: 'credential-row', 'data-credential': c.id });
    const show = () => replace(li,
      h('div', null,
        h('p', null, h('strong', { class: 'credential-name' }, c.name), ' ', h('span', { class: 'badge' }, c.passkey ? 'Passkey' : 'Security key')),
        h('p', { class: 'hint' },
          `${c.passkey ? 'Signs you in with or without your password' : 'Asked for after your password'} · added ${formatDate(c.createdAt)} · last used ${c.lastUsedAt ? formatDate(c.lastUsedAt) : 'never'}`),
      ),
      h('div', { class: 'actions' },
        button('Rename', () => rename(c, li, show), { class: 'secondary', 'aria-label': `Rename ${c.name}` }),
        button('Remove', () => confirmRemove(c), { class: 'secondary', 'aria-label': `Remove ${c.name}` }),
      ),
    );
    show();
    return li;
  };

  const rename = (c: WebAuthnCredential, li: HTMLElement, show: () => void) => {
    msg.clear();
    const name = field(`New name for “${c.name}”`, { name: 'credentialName', value: c.name, required: true, maxlength: 64, autocomplete: 'off', spellcheck: 'false' });
    const form: HTMLFormElement = h('form', {
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        fieldError(name, null);
        const next = name.input.value.trim();
        if (!next) {
          fieldError(name, 'Enter a name, for example “Work laptop”.');
          return name.input.focus();
        }
        try {
          const r = await busy(form, () => gql(RENAME_WEBAUTHN_CREDENTIAL, { id: c.id, name: next }));
          await refresh();
          back(false);
          msg.ok(`“${c.name}” is renamed to “${r.renameWebAuthnCredential.name}”.`);
          focusHeading(msg.el);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
            fieldError(name, describePasskeyError(err));
            name.input.focus();
          } else fail(msg, err, describePasskeyError);
        }
      },
    },
    name.wrap,
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Save name'),
      button('Cancel', () => {
        show();
        li.querySelector<HTMLElement>('button')?.focus();
      }, { class: 'secondary' }),
    ));
    replace(li, form);
    name.input.select();
  };

  const addPasskey = async () => {
    msg.clear();
    // Fetched before the name is asked for, so the browser's prompt opens straight from the
    // "Continue" press (some browsers allow it only then). Kept in memory only.
    let options: string | null = null;
    let fetchedAt = 0;
    const fetchOptions = async () => {
      options = (await withReauth(() => gql(BEGIN_WEBAUTHN_REGISTRATION))).beginWebAuthnRegistration;
      fetchedAt = Date.now();
      return options;
    };
    try {
      await fetchOptions();
    } catch (e) {
      return fail(msg, e, describePasskeyError);
    }
    const name = field('Name', { name: 'credentialName', required: true, maxlength: 64, autocomplete: 'off', spellcheck: 'false' },
      'So you can tell them apart later, for example “Work laptop”, “Phone” or “YubiKey 5”.');
    const status = h('p', { class: 'hint', role: 'status' });
    const form: HTMLFormElement = h('form', {
      novalidate: true,
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        fieldError(name, null);
        const label = name.input.value.trim();
        if (!label) {
          fieldError(name, 'Enter a name, for example “Work laptop”.');
          return name.input.focus();
        }
        try {
          await busy(form, async () => {
            const opts = options && Date.now() - fetchedAt < OPTIONS_FRESH_MS ? options : await fetchOptions();
            status.textContent = 'Follow your browser’s prompt: touch your security key, or use your fingerprint, face or screen lock.';
            const response = await createCredential(opts);
            status.textContent = 'Checking…';
            options = null; // answered: the next try needs new options
            const r = await withReauth(() => gql(FINISH_WEBAUTHN_REGISTRATION, { response, name: label }));
            await enabledDone(r.finishWebAuthnRegistration.backupCodes, `“${label}” is added: you can use it to sign in.`);
          });
        } catch (err) {
          status.textContent = '';
          // A closed prompt leaves the options usable; anything else starts afresh next time.
          if (err instanceof CeremonyCancelled) return msg.info(CANCELLED_SENTENCE);
          options = null;
          if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && /name/i.test(err.message)) {
            fieldError(name, describePasskeyError(err));
            return name.input.focus();
          }
          fail(msg, err, describePasskeyError);
        }
      },
    },
    name.wrap,
    status,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Continue'), cancel()));
    step('Add a passkey or security key',
      h('p', null, 'Name it, then follow your browser’s prompt. You can use this device’s fingerprint, face or screen lock, a phone, or a USB or NFC security key.'),
      form);
  };

  const confirmRemove = (c: WebAuthnCredential) => {
    msg.clear();
    const s = user.security;
    const last = s.webauthnCredentials.length <= 1 && !s.email.enabled && !s.totp.enabled;
    step(`Remove “${c.name}”?`,
      h('p', null, last
        ? 'This is your last method: two-factor authentication will be off and your backup codes will stop working.'
        : `You will no longer be able to sign in or confirm it’s you with “${c.name}”.`),
      c.passkey ? h('p', { class: 'hint' }, 'Your device or password manager may still list the passkey; you can delete it there too.') : null,
      h('div', { class: 'actions' },
        button('Remove', async (ev) => {
          msg.clear();
          try {
            await busy((ev.currentTarget as HTMLElement).parentElement!, () => withReauth(() => gql(REMOVE_WEBAUTHN_CREDENTIAL, { id: c.id })));
            await refresh();
            back();
            msg.ok(last && !user.security.twoFactorEnabled
              ? `“${c.name}” is removed. Two-factor authentication is off and your backup codes no longer work.`
              : `“${c.name}” is removed.`);
          } catch (e) {
            fail(msg, e, describePasskeyError);
          }
        }, { class: 'danger', 'aria-label': `Remove ${c.name}` }),
        button('Keep it', () => back(), { class: 'secondary' }),
      ));
  };

  const viewCodes = async () => {
    msg.clear();
    try {
      const { backupCodes } = await withReauth(() => gql(BACKUP_CODES));
      showCodes(backupCodes, 'Your backup codes', 'Each code signs you in once. Used codes are struck through.');
    } catch (e) {
      fail(msg, e);
    }
  };

  const confirmRegenerate = () => {
    msg.clear();
    step('Generate new backup codes?',
      h('p', null, 'You get 10 new codes and your current codes stop working.'),
      h('div', { class: 'actions' },
        button('Generate new codes', async (ev) => {
          try {
            const r = await busy((ev.currentTarget as HTMLElement).parentElement!, () => withReauth(() => gql(REGENERATE)));
            await refresh();
            showCodes(r.regenerateBackupCodes.map((code) => ({ code, used: false })), 'Your new backup codes', 'Your old codes no longer work. Save these now: each one signs you in once.');
          } catch (e) {
            fail(msg, e);
          }
        }),
        cancel(),
      ));
  };

  const showCodes = (codes: Array<{ code: string; used: boolean }>, title: string, intro: string) => {
    const unused = codes.filter((c) => !c.used).map((c) => c.code);
    const fileText = unused.join('\n') + '\n';
    step(title,
      h('p', null, intro),
      h('ul', { class: 'codes', 'aria-label': 'Backup codes' },
        codes.map((c) => c.used
          ? h('li', { class: 'used' }, h('s', null, c.code), h('span', { class: 'visually-hidden' }, ' (used)'))
          : h('li', null, h('code', null, c.code)))),
      h('div', { class: 'actions' },
        button('Download', () => download('cloudcx-backup-codes.txt', fileText), { 'aria-label': 'Download the backup codes as a text file' }),
        button('Copy', () => void copy(fileText, msg, 'The backup codes are copied.'), { class: 'secondary', 'aria-label': 'Copy the backup codes' }),
        button('Done', () => back(), { class: 'secondary' }),
      ));
  };

  overview();
  return section;
}

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copy(content: string, msg: Msg, done: string) {
  try {
    await navigator.clipboard.writeText(content);
    msg.ok(done);
  } catch {
    msg.error('Copying is not allowed here: select the text and copy it by hand.');
  }
}

function ssoSection(msg: Msg, linkedId: string | null): HTMLElement {
  const list = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  const section = h('section', { id: 'sso', class: 'card', 'aria-labelledby': 'sso-h' },
    h('h2', { id: 'sso-h' }, 'Single sign-on'),
    h('p', { class: 'hint' }, 'Connect a Google or Microsoft account to sign in with it. Your password keeps working.'),
    msg.el,
    list,
  );
  const load = async (first = false) => {
    let data: ResultOf<typeof MY_SSO>;
    try {
      data = await gql(MY_SSO);
    } catch (e) {
      replace(list, h('p', null, 'Single sign-on is not available right now.'));
      return void (e instanceof ApiError && e.code !== 'GRAPHQL_VALIDATION_FAILED' && msg.error(describeError(e)));
    }
    const connections = data.me.security.ssoConnections;
    const providers = [...data.ssoProviders];
    for (const c of connections) if (!providers.some((p) => p.id === c.provider.id)) providers.push(c.provider);
    if (first && linkedId) {
      const p = providers.find((x) => x.id === linkedId);
      msg.ok(`Your ${p?.displayName ?? 'single sign-on'} account is connected.`);
    }
    if (!providers.length) return replace(list, h('p', null, 'Your administrator has not set up single sign-on.'));
    replace(list, h('ul', { class: 'plain' }, providers.map((p) => {
      const c = connections.find((x) => x.provider.id === p.id);
      return h('li', { class: 'method-row' },
        h('div', null,
          h('h3', null, p.displayName, ' ', h('span', { class: c ? 'badge on' : 'badge' }, c ? 'Connected' : 'Not connected')),
          c ? h('p', { class: 'hint' }, `${c.email ?? 'Account without an email address'}${c.email && c.emailVerified === false ? ' (unverified email)' : ''} · connected ${formatDate(c.linkedAt)}`) : null,
        ),
        c
          ? button('Disconnect', async (ev) => {
              msg.clear();
              try {
                await busy(ev.currentTarget as HTMLElement, () => withReauth(() => gql(UNLINK, { providerId: p.id })));
                msg.ok(`${p.displayName} is disconnected.`);
                await load();
              } catch (e) {
                fail(msg, e);
              }
            }, { class: 'secondary', 'aria-label': `Disconnect ${p.displayName}` })
          : button('Connect', async (ev) => {
              msg.clear();
              try {
                const r = await busy(ev.currentTarget as HTMLElement, () => withReauth(() => gql(LINK, { providerId: p.id })));
                window.location.assign(r.linkProvider.authorizationUrl);
              } catch (e) {
                fail(msg, e);
              }
            }, { 'aria-label': `Connect ${p.displayName}` }),
      );
    })));
  };
  void load(true);
  return section;
}

/**
 * Change password: the current one, the new one twice. The server keeps this session, ends every
 * other one and mails the account; a wrong current password counts like a failed sign-in.
 */
function passwordSection(): HTMLElement {
  const msg = messageBox();
  const current = field('Current password', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const next = field('New password', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minlength: 12, maxlength: 128 }, 'At least 12 characters; not your email address or a common password.');
  const again = field('New password again', { name: 'newPasswordAgain', type: 'password', autocomplete: 'new-password', required: true });
  const form: HTMLFormElement = h('form', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      if (next.input.value !== again.input.value) {
        msg.error('The two new passwords are not the same.');
        again.input.select();
        return;
      }
      try {
        await busy(form, () => gql(CHANGE_PASSWORD, { currentPassword: current.input.value, newPassword: next.input.value }));
        form.reset();
        msg.ok('Your password is changed. Every other device was signed out.');
        focusHeading(msg.el);
      } catch (err) {
        msg.error(err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? 'Your current password is not right.' : describeError(err));
        current.input.select();
      }
    },
  }, current.wrap, next.wrap, again.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password')));
  return h('section', { id: 'password', class: 'card', 'aria-labelledby': 'pw-h' },
    h('h2', { id: 'pw-h' }, 'Password'),
    h('p', { class: 'hint' }, 'Changing it signs you out on every other device.'),
    msg.el,
    form);
}

/**
 * Trusted browsers: those remembered on the 2FA step ("Remember this browser"), which then sign
 * in with the password alone. Listed with where they were added; this browser marked; forget one
 * or all. A password change, a method turned off or an admin reset forgets them all anyway.
 */
function trustedBrowsersSection(): HTMLElement {
  const msg = messageBox();
  const list = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  const all: HTMLButtonElement = button('Forget all browsers', async (ev) => {
    msg.clear();
    try {
      const { revokeAllTrustedDevices: n } = await busy(ev.currentTarget as HTMLElement, () => gql(REVOKE_ALL_TRUSTED_DEVICES));
      msg.ok(n === 1 ? '1 browser is forgotten.' : `${n} browsers are forgotten.`);
      await load();
    } catch (e) {
      fail(msg, e);
    }
  }, { class: 'secondary' });
  const load = async () => {
    let devices: ResultOf<typeof TRUSTED_DEVICES>['myTrustedDevices'];
    try {
      devices = (await gql(TRUSTED_DEVICES)).myTrustedDevices;
    } catch (e) {
      replace(list, h('p', null, 'Trusted browsers cannot be shown right now.'));
      return void msg.error(describeError(e));
    }
    // Shown only with something to forget (not by `hidden`: the button styles override it).
    if (!devices.length) {
      all.remove();
      return replace(list, h('p', null, 'No browser is remembered. Tick “Remember this browser” on the two-factor step to add one.'));
    }
    if (!all.isConnected) actions.append(all);
    replace(list, h('ul', { class: 'plain trusted-browsers' }, devices.map((d) => {
      const name = `${d.browser ?? 'Unknown browser'} on ${d.os ?? 'unknown system'}`;
      return h('li', { class: 'method-row' },
        h('div', null,
          h('h3', null, name, ' ', d.current ? h('span', { class: 'badge on' }, 'This browser') : null),
          h('p', { class: 'hint' }, `Added ${formatDate(d.createdAt)}${d.ip ? ` from ${d.ip}` : ''} · last used ${d.lastUsedAt ? formatDate(d.lastUsedAt) : 'never'} · expires ${formatDate(d.expiresAt)}`),
        ),
        button('Forget', async (ev) => {
          msg.clear();
          try {
            await busy(ev.currentTarget as HTMLElement, () => gql(REVOKE_TRUSTED_DEVICE, { id: d.id }));
            msg.ok(`${name} is forgotten${d.current ? ': this browser will ask for your second factor again' : ''}.`);
            await load();
          } catch (e) {
            fail(msg, e);
          }
        }, { class: 'secondary', 'aria-label': `Forget ${name}${d.current ? ' (this browser)' : ''}` }),
      );
    })));
  };
  const actions = h('div', { class: 'actions' });
  void load();
  return h('section', { id: 'trusted-browsers', class: 'card', 'aria-labelledby': 'tb-h' },
    h('h2', { id: 'tb-h' }, 'Trusted browsers'),
    h('p', { class: 'hint' }, 'Browsers where you chose “Remember this browser”: signing in there asks for your password only.'),
    msg.el,
    list,
    actions);
}

const SIGNED_IN_WITH: Record<string, string> = {
  PASSWORD: 'password', TWO_FACTOR: 'password and second factor', SSO: 'single sign-on', PASSKEY: 'passkey', TRUSTED_DEVICE: 'password on a trusted browser',
};

/**
 * Where you're signed in: every live session (browser, OS, IP, last active), this one marked;
 * end one, or every other one. Ending this one is the same as "Sign out".
 */
function signedInSection(): HTMLElement {
  const msg = messageBox();
  const list = h('div', null, h('p', { class: 'hint' }, 'Loading…'));
  // Shown only with another session to end (not by `hidden`: the button styles override it).
  const actions = h('div', { class: 'actions' });
  // "End", not "Sign out": the page's one "Sign out" button stays the navigation's.
  const others: HTMLButtonElement = button('End all other sessions', async (ev) => {
    msg.clear();
    try {
      const { revokeOtherSessions: n } = await busy(ev.currentTarget as HTMLElement, () => gql(REVOKE_OTHER_SESSIONS));
      msg.ok(n === 1 ? '1 other session is ended: it is signed out.' : `${n} other sessions are ended: they are signed out.`);
      await load();
    } catch (e) {
      fail(msg, e);
    }
  }, { class: 'secondary' });
  const load = async () => {
    let sessions: ResultOf<typeof MY_SESSIONS>['mySessions'];
    try {
      sessions = (await gql(MY_SESSIONS)).mySessions;
    } catch (e) {
      replace(list, h('p', null, 'Your sessions cannot be shown right now.'));
      return void msg.error(describeError(e));
    }
    replace(actions, sessions.some((x) => !x.current) ? others : null);
    replace(list, h('ul', { class: 'plain signed-in-sessions' }, sessions.map((x) => {
      const name = `${x.browser ?? 'Unknown browser'} on ${x.os ?? 'unknown system'}`;
      return h('li', { class: 'method-row', 'data-session': x.current ? 'current' : 'other' },
        h('div', null,
          h('h3', null, name, ' ', x.current ? h('span', { class: 'badge on' }, 'This device') : null),
          h('p', { class: 'hint' }, `${x.ip ?? 'Unknown address'} · last active ${x.current ? 'now' : formatDate(x.lastSeenAt)} · signed in ${formatDate(x.createdAt)} with ${SIGNED_IN_WITH[x.signedInWith] ?? x.signedInWith}`),
        ),
        button('End session', async (ev) => {
          msg.clear();
          try {
            await busy(ev.currentTarget as HTMLElement, () => gql(REVOKE_SESSION, { id: x.id }));
            if (x.current) {
              pageSession.clear();
              forgetUser();
              return navigate('/login');
            }
            msg.ok(`The session on ${name} is ended: it is signed out.`);
            await load();
          } catch (e) {
            fail(msg, e);
          }
        }, { class: 'secondary', 'aria-label': `End session on ${name}${x.current ? ' (this device: signs you out)' : ''}` }),
      );
    })));
  };
  void load();
  return h('section', { id: 'sessions', class: 'card', 'aria-labelledby': 'ses-h' },
    h('h2', { id: 'ses-h' }, 'Where you’re signed in'),
    h('p', { class: 'hint' }, 'Browsers and apps signed in to your account now. If you don’t recognise one, end its session and change your password.'),
    msg.el,
    list,
    actions);
}
