/**
 * Admin console recovery (issue 15): the "Reset two-factor" confirmation, which names the person
 * and lists exactly what the reset removes, read from the server when it opens; and the sentences
 * of refusals the server explains.
 */
import { ApiError, gql, type ResultOf } from '../api';
import { busy, button, fieldError, formatDate, h, messageBox, replace, uid } from '../dom';
import { describeError } from '../messages';
import { RESET_2FA, type User } from '../ops';
import { RESET_PREVIEW } from '../ops-admin';
import { Cancelled, withReauth } from '../reauth';

/**
 * What to show after a failed admin call. A refusal the server explains (acting on your own
 * account, nothing to reset, the last admin, a bad reason) is shown in the server's words, never
 * as a generic "You do not have permission".
 */
export function adminErrorSentence(e: unknown): string {
  if (e instanceof ApiError && ['FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(e.code)) return e.message;
  return describeError(e);
}

type SecurityLike = Pick<User['security'], 'twoFactorEnabled' | 'email' | 'totp' | 'webauthn' | 'backupCodes'>;

/** Whether a reset would remove any factor: a method on, or backup codes left. */
export function hasFactorToReset(s: SecurityLike): boolean {
  return s.twoFactorEnabled || s.email.enabled || s.totp.enabled || s.webauthn.enabled || s.backupCodes.remaining > 0;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface ResetDone {
  user: User;
  /** The SSO connections removed with it (display names), when the admin asked. */
  unlinked: string[];
}

/**
 * The confirmation of a two-factor reset, as a modal dialog: who, what goes (the methods that are
 * on, the unused backup codes, the open sessions, the trusted browsers, and the SSO connections
 * when the admin ticks it), and the reason, which the mail to the person quotes. Resolves with the
 * reset account, null when the admin cancelled, or 'changed' when the server found nothing left
 * to reset (the account changed meanwhile: the caller reads it again). Focus returns to what opened it.
 */
export function confirmReset(target: { id: string; displayName: string; email: string }): Promise<ResetDone | null | 'changed'> {
  const opener = document.activeElement as HTMLElement | null;
  const titleId = uid('reset-title');
  const title = h('h2', { id: titleId, tabindex: -1 }, `Reset two-factor for ${target.displayName}?`);
  const msg = messageBox();
  const body = h('div', null, h('p', { class: 'hint' }, 'Reading what the reset would remove…'));
  const dialog = h('dialog', { class: 'dialog reset-dialog', 'aria-labelledby': titleId }, title, msg.el, body);

  return new Promise((resolve) => {
    let settled = false;
    let changed = false;
    const close = (result: ResetDone | null) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      if (opener?.isConnected) opener.focus();
      resolve(result ?? (changed ? 'changed' : null));
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(null);
    });
    dialog.addEventListener('close', () => close(null));
    const cancel = button('Cancel', () => close(null), { class: 'secondary' });

    const show = (preview: ResultOf<typeof RESET_PREVIEW>) => {
      const u = preview.user;
      if (!u) {
        msg.error('This user no longer exists.');
        return replace(body, h('div', { class: 'actions' }, cancel));
      }
      const s = u.security;
      const links = s.ssoConnections;
      if (!hasFactorToReset(s)) {
        // The server would refuse it too: say so rather than offer a reset that removes nothing.
        msg.info(`${u.displayName} has no two-factor authentication to reset: no method is on and no backup codes are left.` +
          (links.length ? ' Their single sign-on connections can be removed one by one on their page.' : ''));
        return replace(body, h('div', { class: 'actions' }, cancel));
      }
      const sessions = preview.userSessions.length;
      const keys = s.webauthnCredentials;
      const removes = [
        s.totp.enabled ? `The authenticator app (on since ${formatDate(s.totp.enabledAt)})` : null,
        s.email.enabled ? `Email codes (on since ${formatDate(s.email.enabledAt)})` : null,
        keys.length ? `${plural(keys.length, 'passkey or security key', 'passkeys and security keys')}: ${keys.map((k) => k.name).join(', ')}` : null,
        s.backupCodes.remaining ? `${plural(s.backupCodes.remaining, 'unused backup code')}` : null,
        sessions ? `${plural(sessions, 'open session')}: signed out everywhere` : null,
        'Every trusted browser that skips the two-factor step',
      ].filter((x): x is string => !!x);
      const ssoItem = h('li', { hidden: true }, `Single sign-on connections: ${links.map((c) => `${c.provider.displayName}${c.email ? ` (${c.email})` : ''}`).join(', ')}`);
      const list = h('ul', { class: 'removes', id: uid('removes') }, removes.map((r) => h('li', null, r)), ssoItem);
      const unlinkSso = h('input', { id: uid('unlink-sso'), type: 'checkbox', name: 'unlinkSso' });
      unlinkSso.addEventListener('change', () => (ssoItem.hidden = !unlinkSso.checked));
      const reasonId = uid('reset-reason');
      const hintId = `${reasonId}-hint`;
      const reason = h('textarea', { id: reasonId, name: 'reason', rows: 3, required: true, minlength: 3, maxlength: 500, 'aria-describedby': hintId });
      const reasonField = { wrap: h('div', { class: 'field' }), input: reason as unknown as HTMLInputElement };
      reasonField.wrap.append(
        h('label', { for: reasonId }, 'Reason'),
        h('p', { id: hintId, class: 'hint' }, `Recorded in the audit log and quoted in the email to ${u.displayName}. Say who asked and how you checked it was them.`),
        reason,
      );
      const submit = h('button', { type: 'submit', class: 'danger' }, 'Reset two-factor');
      const form: HTMLFormElement = h('form', {
        novalidate: true,
        onsubmit: async (e: Event) => {
          e.preventDefault();
          msg.clear();
          const why = reason.value.trim();
          if (why.length < 3) {
            fieldError(reasonField, 'Give a reason of at least 3 characters: it is recorded and mailed to the person.');
            return reason.focus();
          }
          fieldError(reasonField, null);
          try {
            const { resetTwoFactor } = await busy(form, () => withReauth(() => gql(RESET_2FA, { userId: u.id, reason: why, unlinkSso: unlinkSso.checked })));
            close({ user: resetTwoFactor, unlinked: unlinkSso.checked ? links.map((c) => c.provider.displayName) : [] });
          } catch (err) {
            if (err instanceof Cancelled) return;
            msg.error(adminErrorSentence(err));
            if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && /has no two-factor authentication to reset/.test(err.message)) {
              // Nothing left to reset (turned off meanwhile): only a way out remains.
              changed = true;
              cancel.textContent = 'Close';
              replace(body, h('div', { class: 'actions' }, cancel));
              return cancel.focus();
            }
            // The message sits above the form: bring it into view for a sighted keyboard user too.
            msg.el.scrollIntoView({ block: 'nearest' });
          }
        },
      },
        h('p', null, `${u.displayName} (${u.email}) will sign in with their password and set up two-factor authentication again. This removes:`),
        list,
        links.length
          ? h('div', { class: 'field check' }, unlinkSso, h('label', { for: unlinkSso.id }, `Also remove the single sign-on connection${links.length === 1 ? '' : 's'} (when one may not be theirs)`))
          : null,
        reasonField.wrap,
        h('p', { class: 'hint' }, `${u.displayName} is emailed that an administrator reset their two-factor authentication; the email quotes your reason.`),
        h('div', { class: 'actions' }, submit, cancel),
      );
      replace(body, form);
      dialog.setAttribute('aria-describedby', list.id);
    };

    document.body.append(dialog);
    dialog.showModal();
    title.focus();
    void (async () => {
      try {
        const preview = await gql(RESET_PREVIEW, { id: target.id });
        if (!settled) show(preview);
      } catch (e) {
        if (settled) return;
        msg.error(adminErrorSentence(e));
        replace(body, h('div', { class: 'actions' }, cancel));
      }
    })();
  });
}
