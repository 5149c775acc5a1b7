import { ApiError, gql, type VariablesOf } from './api';
import { busy, button, codeField, field, h, messageBox, replace, tieError } from './dom';
import { describeError, METHOD_LABEL } from './messages';
import { REAUTH, type Method, type User } from './ops';
import { SEND_REAUTH_EMAIL_CODE } from './ops-signin';
import { sendCode } from './send-code';
import { BEGIN_WEBAUTHN_REAUTH } from './ops-passkeys';
import { CeremonyCancelled, describePasskeyError, passkeysSupported, useCredential } from './passkeys';
import { currentUser } from './router';

export class Cancelled extends Error {}

/**
 * Runs `op`; when the API answers REAUTH_REQUIRED, asks the person to confirm it is them
 * (password, a passkey or security key, or a second-factor code), then runs `op` again.
 */
export async function withReauth<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'REAUTH_REQUIRED') throw e;
    await promptReauth(await currentUser());
    return op();
  }
}

function promptReauth(user: User | null): Promise<void> {
  const methods: Method[] = [];
  if (user?.security.webauthn.enabled && passkeysSupported()) methods.push('WEBAUTHN');
  if (user?.security.totp.enabled) methods.push('TOTP');
  if (user?.security.email.enabled) methods.push('EMAIL');
  if (user?.security.backupCodes.remaining) methods.push('BACKUP_CODE');
  const opener = document.activeElement as HTMLElement | null;

  return new Promise((resolve, reject) => {
    const msg = messageBox();
    const title = h('h2', { id: 'reauth-title', tabindex: -1 }, 'Confirm it’s you');
    const body = h('div');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'reauth-title', 'aria-describedby': 'reauth-intro' },
      title,
      h('p', { id: 'reauth-intro' }, 'For your security, confirm your identity to continue. You will not be asked again for 10 minutes.'),
      msg.el,
      body,
    );
    let settled = false;
    const close = (ok: boolean) => {
      settled = true;
      dialog.close();
      dialog.remove();
      opener?.focus();
      if (ok) resolve();
      else reject(new Cancelled('cancelled'));
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(false);
    });
    dialog.addEventListener('close', () => {
      if (!settled) close(false);
    });

    /** The method of the code form (WEBAUTHN: the passkey prompt instead of a code). */
    let method: Method | null = null;
    const submitWith = async (form: HTMLFormElement, vars: () => Promise<VariablesOf<typeof REAUTH>>) => {
      msg.clear();
      // The typed answer (password or code) carries the error: aria-invalid, described by the message.
      const answer = form.querySelector<HTMLInputElement>('input[name="password"], input[name="code"]');
      if (answer) tieError(answer, null);
      try {
        await busy(form, async () => gql(REAUTH, await vars()), method === 'WEBAUTHN' ? 'Waiting for your passkey…' : 'Confirming…');
        close(true);
      } catch (e) {
        if (answer && method !== 'WEBAUTHN' && e instanceof ApiError && ['UNAUTHENTICATED', 'INVALID_CODE', 'CODE_EXPIRED'].includes(e.code)) tieError(answer, msg.el);
        if (e instanceof CeremonyCancelled) msg.info('The passkey request was cancelled or timed out. Try again, or choose another way to confirm.');
        else if (method === null && e instanceof ApiError && e.code === 'UNAUTHENTICATED') msg.error('That password is not right.');
        else msg.error(method === 'WEBAUTHN' ? describePasskeyError(e) : describeError(e));
      }
    };
    /** Options for reauthenticate(WEBAUTHN), then the browser's prompt: the assertion is the code. */
    const passkeyVars = async (): Promise<VariablesOf<typeof REAUTH>> => {
      const options = (await gql(BEGIN_WEBAUTHN_REAUTH)).beginWebAuthnReauthentication;
      return { method: 'WEBAUTHN', code: await useCredential(options) };
    };
    const cancel = button('Cancel', () => close(false), { class: 'secondary' });

    const byPassword = () => {
      const pw = field('Password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
      method = null;
      const other = methods.includes('WEBAUTHN')
        ? methods.length > 1 ? 'Use a passkey or a verification code instead' : 'Use a passkey or security key instead'
        : 'Use a verification code instead';
      const form: HTMLFormElement = h('form', { onsubmit: (e: Event) => { e.preventDefault(); void submitWith(form, async () => ({ password: pw.input.value })); } },
        pw.wrap,
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirm'), cancel),
        methods.length ? h('p', null, button(other, byCode, { class: 'link' })) : null,
      );
      body.replaceChildren(form);
      pw.input.focus();
    };

    const byCode = () => {
      method = methods[0];
      const codeWrap = h('div');
      const submit = h('button', { type: 'submit' }, 'Confirm');
      const form: HTMLFormElement = h('form', {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const m = method!;
          void submitWith(form, m === 'WEBAUTHN' ? passkeyVars : async () => ({ method: m, code: codeInput().value.trim() }));
        },
      });
      const codeInput = () => form.querySelector<HTMLInputElement>('input[name="code"]')!;
      const choose = (m: Method) => {
        method = m;
        msg.clear();
        submit.textContent = m === 'WEBAUTHN' ? 'Use a passkey or security key' : 'Confirm';
        if (m === 'WEBAUTHN') {
          return replace(codeWrap, h('p', { class: 'hint' }, 'Your browser will ask for the fingerprint, face, screen lock or security key of a passkey you added to your account.'));
        }
        const input = m === 'BACKUP_CODE'
          ? field('Backup code', { name: 'code', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'none', required: true })
          : codeField(m === 'TOTP' ? 'Code from your authenticator app' : 'Code from the email');
        // The shared "send a code" component: a code mailed earlier (this dialog closed and opened
        // again) can still be entered, and the re-send wait is a countdown, not an error.
        const sender = m === 'EMAIL'
          ? sendCode({
              key: `reauth:${user?.id ?? ''}`,
              send: async () => (await gql(SEND_REAUTH_EMAIL_CODE)).sendReauthenticationCode,
              onStart: () => msg.clear(),
              onError: (err) => msg.error(describeError(err)),
              onCodeWaiting: (focus) => focus && input.input.focus(),
            })
          : null;
        replace(codeWrap, sender?.controls, sender?.status, input.wrap);
      };
      const radios = h('fieldset', { class: 'choices' }, h('legend', null, 'Verify with'),
        methods.map((m, i) => h('label', null, h('input', { type: 'radio', name: 'reauth-method', value: m, checked: i === 0, onchange: () => choose(m) }), ` ${METHOD_LABEL[m]}`)));
      form.append(radios, codeWrap, h('div', { class: 'actions' }, submit, cancel));
      body.replaceChildren(form, h('p', null, button('Use my password instead', byPassword, { class: 'link' })));
      choose(method);
      radios.querySelector('input')!.focus();
    };

    document.body.append(dialog);
    dialog.showModal();
    byPassword();
  });
}
