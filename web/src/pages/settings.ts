import { ApiError, gql, session as pageSession, type ResultOf } from '../api';
import { eventsList, RELOAD_EVENTS } from '../components';
import { busy, button, codeField, field, fieldError, focusHeading, formatDate, h, messageBox, replace, uid } from '../dom';
import { flash } from '../flash';
import { describeError, ssoErrorSentence } from '../messages';
import {
  BACKUP_CODES, CONFIRM_EMAIL, CONFIRM_TOTP, DISABLE_EMAIL, DISABLE_TOTP, ENABLE_TOTP, LINK, MY_EVENTS, MY_SSO, REGENERATE, UNLINK,
  type User, type WebAuthnCredential,
} from '../ops';
import { BEGIN_WEBAUTHN_REGISTRATION, FINISH_WEBAUTHN_REGISTRATION, REMOVE_WEBAUTHN_CREDENTIAL, RENAME_WEBAUTHN_CREDENTIAL } from '../ops-passkeys';
import { CANCELLED_SENTENCE, CeremonyCancelled, createCredential, describePasskeyError, passkeysSupported } from '../passkeys';
import { CHANGE_PASSWORD } from '../ops-lifecycle';
import { REVOKE_ALL_TRUSTED_DEVICES, REVOKE_TRUSTED_DEVICE, TRUSTED_DEVICES } from '../ops-devices';
import { Cancelled, withReauth } from '../reauth';
import { SEND_SETUP_CODE } from '../ops-signin';
import { sendCode } from '../send-code';
import { currentUser, dropQuery, forgetUser, navigate, route } from '../router';
import { MY_SESSIONS, REVOKE_OTHER_SESSIONS, REVOKE_SESSION } from '../ops-sessions';

type Msg = ReturnType<typeof messageBox>;

/**
 * Dispatched (bubbling) by a section after a change that the server records as a security event:
 * the page's activity list reads its newest events again, so the change shows without a reload.
 */
const SECURITY_CHANGED = 'security-changed';
const changed = (from: Element) => from.dispatchEvent(new Event(SECURITY_CHANGED, { bubbles: true }));

/**
 * A button whose action waits for the server: meanwhile it is marked busy (`aria-busy`, a spinner)
 * and further presses do nothing. It stays focusable: a disabled button would drop the focus to the
 * page when the re-authentication dialog closes and hands the focus back to it.
 */
function actionButton(text: string, action: (ev: MouseEvent) => Promise<unknown>, props: Record<string, unknown> = {}): HTMLButtonElement {
  const btn: HTMLButtonElement = button(text, async (ev) => {
    if (btn.getAttribute('aria-busy') === 'true') return;
    btn.setAttribute('aria-busy', 'true');
    btn.setAttribute('aria-disabled', 'true');
    try {
      await action(ev);
    } finally {
      btn.removeAttribute('aria-busy');
      btn.removeAttribute('aria-disabled');
    }
  }, props);
  return btn;
}

/** A status that replaced the control that was pressed (now gone from the page) gets the focus. */
function announce(msg: Msg, text: string) {
  msg.ok(text);
  focusHeading(msg.el);
}

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
  const activity = eventsList('Your security events', async (after) => (await gql(MY_EVENTS, { first: 10, after })).mySecurityEvents);
  ctx.main.addEventListener(SECURITY_CHANGED, () => activity.dispatchEvent(new Event(RELOAD_EVENTS)));
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
      activity,
    ),
  );
  if (ctx.match[1] || linked || error) focusHeading(sso.querySelector('h2')!);
});

/** Reports a failure unless the person just closed the re-authentication prompt. */
function fail(msg: Msg, e: unknown, describe: (e: unknown) => string = describeError) {
  if (!(e instanceof Cancelled)) msg.error(describe(e));
}

/** A wrong or malformed code is the code field's error, tied to it; anything else is the section's. */
function codeError(f: { wrap: HTMLElement; input: HTMLInputElement }, msg: Msg, e: unknown) {
  if (e instanceof ApiError && (e.code === 'INVALID_CODE' || e.code === 'BAD_USER_INPUT')) fieldError(f, describeError(e));
  else fail(msg, e);
  f.input.select();
}

/** Registration options older than this are fetched again before the browser prompt (they live 5 minutes). */
const OPTIONS_FRESH_MS = 4 * 60_000;

/**
 * Profile > Two-factor authentication: the methods and their set-up flows. Also the body of the
 * forced enrolment page (enroll.ts), which follows the changes through `onChange` (the account
 * changed) and `onOverview` (a flow ended: back on the list of methods, new backup codes saved).
 */
export function twoFactorSection(initial: User, opts: { onChange?: (user: User) => void; onOverview?: (user: User) => void } = {}): HTMLElement {
  let user = initial;
  const section = h('section', { id: 'two-factor', class: 'card', 'aria-labelledby': 'tf-h' });
  const heading = h('h2', { id: 'tf-h' }, 'Two-factor authentication');
  const msg = messageBox();
  const body = h('div');
  replace(section, heading, msg.el, body);

  const refresh = async () => {
    user = (await currentUser(true))!;
    opts.onChange?.(user);
    changed(section);
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
    opts.onOverview?.(user);
  };
  const cancel = () => button('Cancel', () => { msg.clear(); back(); }, { class: 'secondary' });

  const methodRow = (name: string, description: string, state: { enabled: boolean; enabledAt: string | null }, setUp: () => unknown, turnOff: () => void) =>
    h('div', { class: 'method-row' },
      h('div', null,
        h('h3', null, name, ' ', h('span', { class: state.enabled ? 'badge on' : 'badge' }, state.enabled ? 'On' : 'Off')),
        h('p', { class: 'hint' }, state.enabled ? `${description} On since ${formatDate(state.enabledAt)}.` : description),
      ),
      state.enabled
        ? button('Turn off', turnOff, { class: 'secondary', 'aria-label': `Turn off ${name.toLowerCase()}` })
        : actionButton('Set up', async () => setUp(), { 'aria-label': `Set up ${name.toLowerCase()}` }),
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
              actionButton('View backup codes', viewCodes, { class: 'secondary' }),
              button('Generate new codes', confirmRegenerate, { class: 'secondary' }),
            ),
          )
        : null,
    );
  };

  const enabledDone = async (backupCodes: string[] | null, what: string) => {
    await refresh();
    if (backupCodes) {
      showCodes(backupCodes.map((code) => ({ code, used: false })), 'Save your backup codes',
        `${what} Save these backup codes now: each one signs you in once if you lose access to your phone, email or passkey.`, { handOff: what });
    } else {
      back();
      msg.ok(what);
    }
  };

  /**
   * Email codes: the "send a code" component mails the code and keeps the re-send wait. Set up
   * again within that wait (after Cancel) finds the code that was mailed still usable: the form
   * comes back with it and the countdown, instead of "Too many attempts".
   */
  const setUpEmail = async () => {
    msg.clear();
    const code = codeField('Code from the email');
    const sender = sendCode({
      key: `setup-email:${user.id}`,
      send: async () => (await withReauth(() => gql(SEND_SETUP_CODE))).setupEmailTwoFactor,
      onStart: () => msg.clear(),
      onError: (e) => fail(msg, e),
      onCodeWaiting: (focus) => {
        if (focus && code.input.isConnected) code.input.focus();
      },
    });
    const form: HTMLFormElement = h('form', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        msg.clear();
        fieldError(code, null);
        try {
          const r = await busy(form, () => withReauth(() => gql(CONFIRM_EMAIL, { code: code.input.value.trim() })), 'Confirming…');
          await enabledDone(r.confirmEmailTwoFactor.backupCodes, 'Email codes are on.');
        } catch (err) {
          // A wrong or spent code is the field's error, tied to it; anything else is the section's.
          if (err instanceof ApiError && (err.code === 'INVALID_CODE' || err.code === 'CODE_EXPIRED' || err.code === 'BAD_USER_INPUT')) fieldError(code, describeError(err));
          else fail(msg, err);
          code.input.select();
        }
      },
    }, code.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirm'), sender.button, cancel()), h('p', { class: 'send-code' }, sender.wait));
    // Asked from the overview: nothing is shown until the service answered (a refusal stays there).
    if ((await sender.send()) === 'failed') return;
    step('Set up email codes', sender.status, form);
  };

  const setUpTotp = async () => {
    msg.clear();
    let e: ResultOf<typeof ENABLE_TOTP>['enableTotp'];
    try {
      e = (await withReauth(() => gql(ENABLE_TOTP))).enableTotp;
    } catch (err) {
      return fail(msg, err);
    }
    const groups = e.secret.match(/.{1,4}/g) ?? [];
    const code = codeField('6-digit code from the app');
    const form: HTMLFormElement = h('form', {
      onsubmit: async (ev: Event) => {
        ev.preventDefault();
        msg.clear();
        fieldError(code, null);
        try {
          const r = await busy(form, () => withReauth(() => gql(CONFIRM_TOTP, { code: code.input.value.trim() })));
          await enabledDone(r.confirmTotp.backupCodes, 'The authenticator app is on.');
        } catch (err) {
          codeError(code, msg, err);
        }
      },
    }, code.wrap, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirm'), cancel()));
    step('Set up an authenticator app',
      h('ol', { class: 'steps' },
        h('li', null,
          h('p', null, 'Scan this QR code with your authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password).'),
          h('img', { class: 'qr', src: e.qrCodeDataUrl, width: 200, height: 200, alt: 'QR code to add CloudCX to your authenticator app' }),
          // On the phone that holds the app there is nothing to scan: the otpauth:// link hands
          // the account to the app (Google Authenticator, Microsoft Authenticator, 1Password…).
          h('p', { class: 'open-app' }, 'Setting up on this phone? ',
            h('a', { href: e.otpauthUrl, class: 'button secondary' }, 'Open in authenticator app')),
        ),
        h('li', null,
          h('p', null, 'Can’t scan it? Choose “enter a setup key” in the app and type this key (time-based):'),
          // The key is text a screen reader reads, letter by letter in the hidden part (an
          // aria-label on <code> is not read: the element has no role that takes a name).
          h('p', { class: 'setup-key' },
            h('code', { class: 'secret', 'data-secret': e.secret }, groups.join(' ')),
            h('span', { class: 'visually-hidden' }, ` (letter by letter: ${groups.map((g) => g.split('').join(' ')).join(', ')})`),
            ' ',
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
        actionButton('Turn off', async () => {
          msg.clear();
          try {
            await withReauth<unknown>(() => (method === 'EMAIL' ? gql(DISABLE_EMAIL) : gql(DISABLE_TOTP)));
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
        supported ? actionButton('Add a passkey or security key', addPasskey, creds.length ? { class: 'secondary' } : {}) : null,
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
        actionButton('Remove', async () => {
          msg.clear();
          try {
            await withReauth(() => gql(REMOVE_WEBAUTHN_CREDENTIAL, { id: c.id }));
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
        actionButton('Generate new codes', async () => {
          msg.clear();
          try {
            const r = await withReauth(() => gql(REGENERATE));
            await refresh();
            showCodes(r.regenerateBackupCodes.map((code) => ({ code, used: false })), 'Your new backup codes',
              'Your old codes no longer work. Save these now: each one signs you in once.', { handOff: 'You have new backup codes; the old ones no longer work.' });
          } catch (e) {
            fail(msg, e);
          }
        }),
        cancel(),
      ));
  };

  /**
   * The codes, whose they are and when they were made, to Download, Print or Copy (the file and
   * the copy carry the account and the date too). New codes (`handOff`: the status once they are
   * saved) are handed off as on GitHub: the step ends only with "I saved my codes", which opens
   * once they were downloaded, printed or copied; until then leaving the page asks first.
   */
  const showCodes = (codes: Array<{ code: string; used: boolean }>, title: string, intro: string, opts: { handOff?: string } = {}) => {
    const unused = codes.filter((c) => !c.used).map((c) => c.code);
    const generatedAt = user.security.backupCodes.generatedAt ?? new Date().toISOString();
    const when = formatDate(generatedAt);
    const fileText = [
      'CloudCX backup codes',
      `Account: ${user.email}`,
      `Generated: ${when}`,
      '',
      'Each code signs you in once when you cannot use your other methods. Keep them somewhere safe, apart from your phone and computer.',
      '',
      ...unused,
      '',
    ].join('\n');
    // What Print prints (styles.css): the page around it is left out.
    const sheet = h('div', { class: 'codes-sheet' },
      h('p', { class: 'print-only codes-title' }, 'CloudCX backup codes'),
      h('dl', { class: 'facts codes-for' },
        h('dt', null, 'Account'), h('dd', null, user.email),
        h('dt', null, 'Generated'), h('dd', null, h('time', { datetime: generatedAt }, when))),
      h('ul', { class: 'codes', 'aria-label': 'Backup codes' },
        codes.map((c) => c.used
          ? h('li', { class: 'used' }, h('s', null, c.code), h('span', { class: 'visually-hidden' }, ' (used)'))
          : h('li', null, h('code', null, c.code)))),
    );
    let release: (() => void) | null = null;
    const savedHint = h('p', { id: uid('codes-saved'), class: 'hint' }, 'First download, print or copy them: without them, a lost phone or passkey can lock you out.');
    const saved = opts.handOff
      ? button('I saved my codes', () => {
          release?.();
          back();
          msg.ok(opts.handOff!);
        }, { disabled: true, 'aria-describedby': savedHint.id })
      : null;
    const kept = () => {
      if (!saved?.disabled) return;
      saved.disabled = false;
      savedHint.textContent = 'Keep them somewhere safe, apart from your phone and computer.';
    };
    step(title,
      h('p', null, intro),
      sheet,
      h('div', { class: 'actions' },
        button('Download', () => {
          download('cloudcx-backup-codes.txt', fileText);
          kept();
        }, { 'aria-label': 'Download the backup codes as a text file' }),
        button('Print', () => {
          window.print();
          kept();
        }, { class: 'secondary', 'aria-label': 'Print the backup codes' }),
        button('Copy', async () => {
          if (await copy(fileText, msg, 'The backup codes are copied.')) kept();
        }, { class: 'secondary', 'aria-label': 'Copy the backup codes' }),
      ),
      saved
        ? h('div', { class: 'codes-saved' }, savedHint, h('div', { class: 'actions' }, saved))
        : h('div', { class: 'actions' }, button('Done', () => back(), { class: 'secondary' })),
    );
    if (saved) release = holdUntilSaved(body.querySelector<HTMLElement>('.flow')!);
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

async function copy(content: string, msg: Msg, done: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(content);
    msg.ok(done);
    return true;
  } catch {
    msg.error('Copying is not allowed here: select the text and copy it by hand.');
    return false;
  }
}

/**
 * While new backup codes wait to be saved: leaving the page by a link, Sign out, a reload or
 * closing the tab asks first. Returns the release; the guard also lapses once `flow` is gone
 * from the page (its step ended, or the page changed).
 */
function holdUntilSaved(flow: HTMLElement): () => void {
  const question = 'Your new backup codes are not saved yet. Leave anyway? Without them, a lost phone or passkey can lock you out of your account.';
  const live = () => {
    if (flow.isConnected) return true;
    release();
    return false;
  };
  const onUnload = (e: BeforeUnloadEvent) => {
    if (!live()) return;
    e.preventDefault();
    e.returnValue = question; // older browsers ask only when this is set
  };
  const onClick = (e: MouseEvent) => {
    if (!live()) return;
    const target = (e.target as Element | null)?.closest('a[href]:not([download]):not([href^="#"]), [data-action="logout"]');
    if (!target || flow.contains(target)) return;
    if (window.confirm(question)) return release();
    e.preventDefault();
    e.stopImmediatePropagation();
  };
  const release = () => {
    window.removeEventListener('beforeunload', onUnload);
    document.removeEventListener('click', onClick, true);
  };
  window.addEventListener('beforeunload', onUnload);
  // Capturing, on the document: ahead of the router's own click handler (and the logout button's).
  document.addEventListener('click', onClick, true);
  return release;
}

/**
 * Why `linkProvider` failed. The API's own sentence when the provider cannot be reached (or the
 * service is briefly unavailable): the generic "The service had a problem" would blame the
 * service and hide that trying again later is the answer.
 */
function describeLinkError(e: unknown): string {
  if (e instanceof ApiError && e.code === 'SERVICE_UNAVAILABLE' && e.message) {
    const text = e.message.trim();
    return /[.!?]$/.test(text) ? text : `${text}.`;
  }
  return describeError(e);
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
          ? actionButton('Disconnect', async () => {
              msg.clear();
              try {
                await withReauth(() => gql(UNLINK, { providerId: p.id }));
                announce(msg, `${p.displayName} is disconnected.`);
                await load();
                changed(section);
              } catch (e) {
                fail(msg, e);
              }
            }, { class: 'secondary', 'aria-label': `Disconnect ${p.displayName}` })
          : actionButton('Connect', async () => {
              msg.clear();
              try {
                const r = await withReauth(() => gql(LINK, { providerId: p.id }));
                window.location.assign(r.linkProvider.authorizationUrl);
              } catch (e) {
                fail(msg, e, describeLinkError);
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
      for (const f of [current, next, again]) fieldError(f, null);
      // Each problem sits under its field (aria-invalid, aria-describedby), which gets the focus.
      if (next.input.value !== again.input.value) {
        fieldError(again, 'The two new passwords are not the same.');
        again.input.select();
        return;
      }
      try {
        await busy(form, () => gql(CHANGE_PASSWORD, { currentPassword: current.input.value, newPassword: next.input.value }));
        form.reset();
        announce(msg, 'Your password is changed. Every other device was signed out.');
        changed(form);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') {
          fieldError(current, 'Your current password is not right.');
          current.input.select();
        } else if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
          fieldError(next, describeError(err));
          next.input.select();
        } else {
          msg.error(describeError(err));
          current.input.select();
        }
        changed(form); // a wrong current password is recorded too
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
      announce(msg, n === 1 ? '1 browser is forgotten.' : `${n} browsers are forgotten.`);
      await load();
      changed(list);
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
            announce(msg, `${name} is forgotten${d.current ? ': this browser will ask for your second factor again' : ''}.`);
            await load();
            changed(list);
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
      announce(msg, n === 1 ? '1 other session is ended: it is signed out.' : `${n} other sessions are ended: they are signed out.`);
      await load();
      changed(list);
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
            announce(msg, `The session on ${name} is ended: it is signed out.`);
            await load();
            changed(list);
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
