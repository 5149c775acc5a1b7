import { ApiError, gql, type ResultOf, type VariablesOf } from '../api';
import { busy, field, fieldError, formatDate, h, messageBox, replace, uid } from '../dom';
import { describeError } from '../messages';
import { POLICY_IMPACT, SAVE_SECURITY_POLICY, SECURITY_POLICY } from '../ops-policy';
import { Cancelled, withReauth } from '../reauth';
import { route } from '../router';
import { subnav } from './admin';
import { adminErrorSentence } from './admin-recovery';

type Policy = ResultOf<typeof SECURITY_POLICY>['securityPolicy'];
type PolicyInput = VariablesOf<typeof SAVE_SECURITY_POLICY>['input'];
type Role = Policy['requireTwoFactor'][number];
type Method = Policy['allowedMethods'][number];

const ROLES: Array<[Role, string]> = [['AGENT', 'Agents'], ['ADMIN', 'Admins']];
const METHODS: Array<[Method, string, string]> = [
  ['EMAIL', 'Email codes', 'A 6-digit code by email.'],
  ['TOTP', 'Authenticator app', 'A code from an app on the phone.'],
  ['WEBAUTHN', 'Passkeys and security keys', 'A fingerprint, face or screen lock, or a USB or NFC key; a passkey also signs in without a password.'],
];

/**
 * A group of checkboxes with a legend; `checked()` reads the ticked values, `error()` shows (or with
 * null clears) a problem of the group, tied to it by `aria-describedby`.
 */
function checkboxes<T extends string>(legend: string, name: string, options: Array<[T, string, string?]>, values: readonly T[], hint?: string) {
  const boxes = options.map(([value, label, detail]) => {
    const id = uid(name);
    const input = h('input', { id, type: 'checkbox', name, value, checked: values.includes(value) });
    return { value, input, el: h('div', { class: 'field check' }, input, h('label', { for: id }, label, detail ? h('span', { class: 'hint' }, ` — ${detail}`) : null)) };
  });
  const hintId = hint ? uid(`${name}-hint`) : null;
  const errorEl = h('p', { id: uid(`${name}-error`), class: 'field-error', hidden: true });
  const el = h('fieldset', { class: 'field', 'aria-describedby': hintId }, h('legend', null, legend), hint ? h('p', { id: hintId, class: 'hint' }, hint) : null, errorEl, boxes.map((b) => b.el));
  const error = (text: string | null) => {
    errorEl.hidden = !text;
    errorEl.textContent = text ?? '';
    el.setAttribute('aria-describedby', [hintId, text ? errorEl.id : null].filter(Boolean).join(' '));
    if (!el.getAttribute('aria-describedby')) el.removeAttribute('aria-describedby');
  };
  return { el, error, first: () => boxes[0].input, checked: () => boxes.filter((b) => b.input.checked).map((b) => b.value) };
}

/** The API's sentences about the policy's lists, in the page's words (its fields, not its argument names). */
const LIST_RULES: Array<[RegExp, string]> = [
  [/^allowedMethods must name/, 'Allow at least one method: email codes, the authenticator app, or passkeys and security keys.'],
  [/^phishingResistantFor needs WEBAUTHN/, 'Roles that may use only phishing-resistant methods need “Passkeys and security keys” among the allowed methods.'],
];
const policySentence = (e: unknown) =>
  (e instanceof ApiError && e.code === 'BAD_USER_INPUT' && LIST_RULES.find(([re]) => re.test(e.message))?.[1]) || adminErrorSentence(e);

const dateOnly = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The admin's security policy page: who must use 2FA, the grace period, the allowed methods and
 * the session limits. Before saving it spells out the consequence (from `securityPolicyImpact`:
 * the server counts, under the policy as it would be saved).
 */
route(/^\/admin\/policy$/, 'admin', async (ctx) => {
  const msg = messageBox();
  replace(ctx.main, h('h1', null, 'Security policy'), subnav('policy'), msg.el);
  let policy: Policy;
  try {
    policy = (await gql(SECURITY_POLICY)).securityPolicy;
  } catch (e) {
    return msg.error(describeError(e));
  }
  if (!ctx.alive()) return;

  const require = checkboxes('Who must use two-factor authentication', 'requireTwoFactor', ROLES, policy.requireTwoFactor);
  const grace = field('Grace period (days)', { name: 'gracePeriodDays', type: 'number', min: 0, max: 90, required: true, inputmode: 'numeric', value: String(policy.gracePeriodDays) },
    'Days people have to set up two-factor once it is required (0–90). After that they can sign in only to set it up.');
  const methods = checkboxes('Allowed methods', 'allowedMethods', METHODS, policy.allowedMethods,
    'Methods people may set up and sign in with. Backup codes always work as a fallback once a method is on.');
  const phishing = checkboxes('Phishing-resistant only (passkeys and security keys)', 'phishingResistantFor', ROLES, policy.phishingResistantFor,
    'These roles may use only passkeys or security keys (with backup codes as a fallback): email codes and authenticator apps stop counting for them.');
  const idle = field('Sign out after inactivity (minutes)', { name: 'sessionIdleMinutes', type: 'number', min: 5, max: 1440, inputmode: 'numeric', value: policy.sessionIdleMinutes == null ? '' : String(policy.sessionIdleMinutes) },
    'Empty: no limit. 5–1440.');
  const maxHours = field('Longest session (hours)', { name: 'sessionMaxHours', type: 'number', min: 1, max: 720, required: true, inputmode: 'numeric', value: String(policy.sessionMaxHours) }, '1–720.');
  const deviceDays = field('Remember trusted devices (days)', { name: 'trustedDeviceDays', type: 'number', min: 0, max: 90, required: true, inputmode: 'numeric', value: String(policy.trustedDeviceDays) },
    '0–90; 0 turns trusted devices off.');
  const consequence = h('p', { id: uid('consequence'), class: 'consequence', 'aria-live': 'polite' }, '…');
  const updated = h('p', { class: 'hint' });
  const showUpdated = (p: Policy) => {
    updated.textContent = p.updatedAt ? `Last saved ${formatDate(p.updatedAt)}${p.updatedBy ? ` by ${p.updatedBy.displayName} (${p.updatedBy.email})` : ''}.` : 'The defaults: never saved.';
  };
  showUpdated(policy);

  const input = (): PolicyInput => {
    const n = (el: HTMLInputElement) => Number(el.value);
    return {
      requireTwoFactor: require.checked(),
      gracePeriodDays: n(grace.input),
      allowedMethods: methods.checked(),
      phishingResistantFor: phishing.checked(),
      ...(idle.input.value === '' ? { clearSessionIdle: true } : { sessionIdleMinutes: n(idle.input) }),
      sessionMaxHours: n(maxHours.input),
      trustedDeviceDays: n(deviceDays.input),
    };
  };

  /** The consequence in a sentence, for the policy as it would be saved. */
  let asked = 0;
  const explain = async () => {
    const mine = ++asked;
    const proposed = input();
    if (!proposed.requireTwoFactor?.length) return void (consequence.textContent = 'Two-factor authentication stays optional for everyone.');
    try {
      const { securityPolicyImpact: i } = await gql(POLICY_IMPACT, { input: proposed });
      if (mine !== asked) return;
      const roles = proposed.requireTwoFactor;
      const noun = (n: number) => (roles.length > 1 ? (n === 1 ? 'account' : 'accounts') : `${roles[0] === 'AGENT' ? 'agent' : 'admin'}${n === 1 ? '' : 's'}`);
      const have = i.nonCompliant === 1 ? 'has' : 'have';
      consequence.textContent = !i.nonCompliant
        ? 'Everyone it applies to already uses an allowed method: nobody is affected.'
        : `${i.nonCompliant} ${noun(i.nonCompliant)} ${have} no allowed two-factor method; ` +
          (i.restrictedAtOnce === i.nonCompliant
            ? 'they will be able to sign in only to set it up, from their next request.'
            : `they will have until ${dateOnly(i.deadline!)} to set it up` +
              (i.restrictedAtOnce ? `, except ${i.restrictedAtOnce} whose grace is already over: they can only set it up from now on.` : '.') +
              ' New accounts get the same grace from their creation.');
    } catch (e) {
      if (mine !== asked) return;
      // A number out of range: say which field, in its own words, rather than the API's argument name.
      const m = e instanceof ApiError && e.code === 'BAD_USER_INPUT' ? /^(\w+) must be a whole number from (\d+) to (\d+)/.exec(e.message) : null;
      const hit = m && NUMBERS.find(([name]) => name === m[1]);
      consequence.textContent = hit
        ? `Enter a whole number from ${hit[2]} to ${hit[3]} in “${hit[1].wrap.querySelector('label')?.textContent ?? hit[0]}” to see what saving changes.`
        : policySentence(e);
    }
  };

  /** The number fields: their range, and whether empty means "no limit". */
  const NUMBERS: Array<[string, { wrap: HTMLElement; input: HTMLInputElement }, number, number, boolean]> = [
    ['gracePeriodDays', grace, 0, 90, false],
    ['sessionIdleMinutes', idle, 5, 1440, true],
    ['sessionMaxHours', maxHours, 1, 720, false],
    ['trustedDeviceDays', deviceDays, 0, 90, false],
  ];
  const rangeSentence = (lo: number, hi: number, optional: boolean) => `Enter a whole number from ${lo} to ${hi}${optional ? ', or leave it empty for no limit' : ''}.`;
  /** Errors at their fields (aria-invalid, aria-describedby); focus on the first. False when there is one. */
  const validate = (): boolean => {
    let first: HTMLInputElement | null = null;
    for (const [, f, lo, hi, optional] of NUMBERS) {
      const v = f.input.value.trim();
      const bad = v === '' ? !optional : !/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi;
      fieldError(f, bad ? rangeSentence(lo, hi, optional) : null);
      if (bad) first ??= f.input;
    }
    const noMethod = !methods.checked().length;
    methods.error(noMethod ? 'Allow at least one method: email codes, the authenticator app, or passkeys and security keys.' : null);
    if (noMethod && !first) first = methods.first();
    first?.focus();
    return !first;
  };
  /** A refusal about one field of the server (a number out of range), shown at that field. */
  const showAtField = (err: unknown): boolean => {
    const m = err instanceof ApiError && err.code === 'BAD_USER_INPUT' ? /^(\w+) must be a whole number from (\d+) to (\d+)/.exec(err.message) : null;
    const hit = m && NUMBERS.find(([name]) => name === m[1]);
    if (!hit) return false;
    fieldError(hit[1], rangeSentence(hit[2], hit[3], hit[4]));
    hit[1].input.focus();
    return true;
  };

  const form: HTMLFormElement = h('form', {
    class: 'card flow',
    novalidate: true,
    oninput: () => void explain(),
    onchange: () => void explain(),
    onsubmit: async (e: Event) => {
      e.preventDefault();
      msg.clear();
      if (!validate()) return;
      try {
        const { updateSecurityPolicy: saved } = await busy(form, () => withReauth(() => gql(SAVE_SECURITY_POLICY, { input: input() })));
        policy = saved;
        showUpdated(saved);
        msg.ok(`The security policy is saved. ${consequence.textContent ?? ''}`);
        msg.el.setAttribute('tabindex', '-1');
        msg.el.focus();
      } catch (err) {
        if (!(err instanceof Cancelled) && !showAtField(err)) msg.error(policySentence(err));
      }
    },
  },
    h('h2', null, 'Two-factor authentication'),
    require.el, grace.wrap, methods.el, phishing.el,
    h('h2', null, 'Sessions'),
    h('p', { class: 'hint' }, 'A session ends after this much inactivity, and in any case this many hours after sign-in; trusted browsers skip the second factor for this many days (0 turns it off).'),
    idle.wrap, maxHours.wrap, deviceDays.wrap,
    h('div', { class: 'card', role: 'region', 'aria-label': 'What saving changes' }, h('h3', null, 'What saving changes'), consequence),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save policy')),
    updated,
  );
  ctx.main.append(form);
  void explain();
});
