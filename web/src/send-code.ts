/**
 * "Send a code": the one component that emails a code and keeps the re-send limit honest, used by
 * the sign-in step (login.ts), the re-authentication dialog (reauth.ts) and the email set-up
 * (settings.ts).
 *
 * - The wait of the re-send limit (one mail per 30 s per account) is a countdown under the button,
 *   "You can request a new code in 25 s", not an error: the service says when the next send is
 *   allowed (`CodeDelivery.resendAvailableAt`, `retryAfterSeconds` of TOO_MANY_ATTEMPTS).
 * - A code that was mailed can still be entered: a refused re-send says whether one is waiting
 *   (`extensions.codePending`) and the host keeps (or shows) its code field.
 * - What was sent and when the next send is allowed are kept per purpose (`key`), in this page's
 *   memory only, so a component built again for the same thing (a method switched back on the
 *   sign-in step, Cancel → Set up again) continues the countdown instead of starting over.
 */
import { ApiError } from './api';
import { h, uid } from './dom';
import { resendWaitSentence } from './messages';

/** What a send answers (`CodeDelivery`). */
export interface Delivery {
  sentTo: string;
  expiresAt: string;
  resendAvailableAt?: string | null;
}

interface Sent {
  /** Whether a code of this purpose was mailed and may still be entered (false: only the wait is known). */
  codeWaiting: boolean;
  /** The masked address of that code, or null when only the service knows one waits. */
  sentTo: string | null;
  /** When that code stops working (page clock), or null when unknown. */
  expiresAt: number | null;
  /** When the next send is allowed (page clock). */
  resendAt: number;
}

/** Per purpose (`login:<challenge>`, `setup-email:<user>`, `reauth:<user>`). Memory only: nothing in storage. */
const sent = new Map<string, Sent>();

/** The documented interval, for an answer whose times the page's clock cannot place. */
const RESEND_SECONDS = 30;

export interface SendCodeOptions {
  /** What the code is for: a second component with the same key continues the first one's state. */
  key: string;
  /** Asks the service to email a code. */
  send(): Promise<Delivery>;
  /** The button before any code was sent (default "Email me a code"); afterwards "Resend code". */
  firstLabel?: string;
  /** A code may be waiting in the inbox: the host shows its code field (and focuses it when `focus`). */
  onCodeWaiting?(focus: boolean): void;
  /** Before each send (e.g. clear the host's message). */
  onStart?(): void;
  /** A failure this component does not explain itself (anything but the re-send wait). */
  onError(e: unknown): void;
}

/** sent: a new code is on its way; waiting: none sent now, but the last one can be entered; wait: nothing to enter yet. */
export type SendOutcome = 'sent' | 'waiting' | 'wait' | 'failed';

export interface SendCode {
  /** "We sent a 6-digit code to j***@example.com…" (a status region: changes only when a code is sent). */
  status: HTMLParagraphElement;
  /** The send button: disabled while sending and while the re-send wait runs. */
  button: HTMLButtonElement;
  /** "You can request a new code in 25 s" (not a live region: it changes every second). */
  wait: HTMLSpanElement;
  /** `button` and `wait` in one paragraph, for hosts that place them together. */
  controls: HTMLParagraphElement;
  /** Whether a code may be waiting to be entered. */
  readonly codeWaiting: boolean;
  send(): Promise<SendOutcome>;
}

const live = (s: Sent | undefined): s is Sent => !!s && s.codeWaiting && (s.expiresAt === null || s.expiresAt > Date.now());

/** Page-clock milliseconds until `iso` (a time of the service), trusted when it is near `RESEND_SECONDS`. */
function untilResend(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) - Date.now() : NaN;
  return Number.isFinite(ms) && ms >= 0 && ms <= 5 * 60_000 ? ms : RESEND_SECONDS * 1000;
}

export function sendCode(opts: SendCodeOptions): SendCode {
  const firstLabel = opts.firstLabel ?? 'Email me a code';
  const againLabel = 'Resend code';
  const waitId = uid('resend-wait');
  const status = h('p', { class: 'send-code-status', role: 'status', tabindex: -1 });
  const wait = h('span', { id: waitId, class: 'hint send-code-wait' });
  let sending = false;
  let timer = 0;

  const state = () => sent.get(opts.key);
  const label = () => (state()?.codeWaiting ? againLabel : firstLabel);
  const button: HTMLButtonElement = h('button', {
    type: 'button',
    class: 'secondary',
    'aria-describedby': waitId,
    onclick: () => void component.send(),
  }, label());
  const controls = h('p', { class: 'send-code' }, button, ' ', wait);

  const describeSent = (s: Sent, fresh: boolean) => {
    if (!s.sentTo) return 'We emailed you a code a moment ago. Enter it below.';
    return fresh
      ? `We sent a 6-digit code to ${s.sentTo}. It is valid for 10 minutes.`
      : `We sent a 6-digit code to ${s.sentTo}. Enter it below, or request a new one.`;
  };

  /** Button and countdown from the state; runs every second while a wait is on. */
  const tick = () => {
    const left = Math.ceil(((state()?.resendAt ?? 0) - Date.now()) / 1000);
    if (!sending) {
      button.disabled = left > 0;
      button.textContent = label();
    }
    wait.textContent = left > 0 ? resendWaitSentence(left) : '';
    wait.hidden = left <= 0;
    if (left > 0 && !timer) timer = window.setInterval(tick, 1000);
    if (left <= 0 && timer) {
      window.clearInterval(timer);
      timer = 0;
    }
  };

  const component: SendCode = {
    status,
    button,
    wait,
    controls,
    get codeWaiting() {
      return live(state());
    },
    async send(): Promise<SendOutcome> {
      if (sending) return 'failed';
      opts.onStart?.();
      sending = true;
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = 'Sending…';
      try {
        const d = await opts.send();
        const s: Sent = { codeWaiting: true, sentTo: d.sentTo, expiresAt: Date.parse(d.expiresAt) || null, resendAt: Date.now() + untilResend(d.resendAvailableAt) };
        sent.set(opts.key, s);
        status.textContent = describeSent(s, true);
        opts.onCodeWaiting?.(true);
        return 'sent';
      } catch (e) {
        // The re-send limit: a countdown, and the code that was mailed stays usable.
        if (e instanceof ApiError && e.code === 'TOO_MANY_ATTEMPTS' && e.retryAfterSeconds && e.extensions.reason !== 'ACCOUNT_LOCKED') {
          const before = state();
          const waiting = e.extensions.codePending === true || (e.extensions.codePending === undefined && live(before));
          const resendAt = Date.now() + e.retryAfterSeconds * 1000;
          if (waiting) {
            const s: Sent = live(before) ? { ...before, resendAt } : { codeWaiting: true, sentTo: null, expiresAt: null, resendAt };
            sent.set(opts.key, s);
            status.textContent = describeSent(s, false);
            opts.onCodeWaiting?.(true);
            return 'waiting';
          }
          // A code for something else was mailed a moment ago: nothing to enter here yet.
          sent.set(opts.key, { codeWaiting: false, sentTo: null, expiresAt: null, resendAt });
          status.textContent = 'A code was emailed to you a moment ago for something else. Ask for yours when the countdown ends.';
          status.focus();
          return 'wait';
        }
        opts.onError(e);
        return 'failed';
      } finally {
        sending = false;
        button.removeAttribute('aria-busy');
        tick();
      }
    },
  };

  // Built again for the same purpose: what was sent, and the countdown where it was.
  const s = state();
  if (live(s)) status.textContent = describeSent(s, false);
  tick();
  return component;
}
