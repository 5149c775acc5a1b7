/** A tiny typed DOM builder: h('button', { type: 'button', onclick }, 'Save'). */
export type Child = Node | string | number | null | undefined | false | Child[];
type Props = Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value as EventListener);
    else if (key === 'class') el.className = String(value);
    else if (key === 'value') (el as HTMLInputElement).value = String(value);
    else if (key === 'checked') (el as HTMLInputElement).checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let ids = 0;
export const uid = (prefix = 'f') => `${prefix}-${++ids}`;

/** A labelled input; `hint` is tied to it with aria-describedby. */
export function field(label: string, input: Props & { name: string; type?: string }, hint?: string): { wrap: HTMLDivElement; input: HTMLInputElement } {
  const id = uid(input.name);
  const hintId = hint ? `${id}-hint` : undefined;
  const el = h('input', { id, type: 'text', ...input, 'aria-describedby': hintId });
  return {
    wrap: h('div', { class: 'field' }, h('label', { for: id }, label), hint ? h('p', { id: hintId, class: 'hint' }, hint) : null, el),
    input: el,
  };
}

/**
 * Shows (or with null, clears) an error under a field, tied to its input: `aria-invalid` and the
 * message's id in `aria-describedby`, so a screen reader reads it with the field.
 */
export function fieldError(f: { wrap: HTMLElement; input: HTMLInputElement }, text: string | null): void {
  const id = `${f.input.id}-error`;
  let el = f.wrap.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  const described = (f.input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (!text) {
    el?.remove();
    f.input.removeAttribute('aria-invalid');
    if (described.length) f.input.setAttribute('aria-describedby', described.join(' '));
    else f.input.removeAttribute('aria-describedby');
    return;
  }
  if (!el) {
    el = h('p', { id, class: 'field-error' });
    f.input.before(el);
  }
  el.textContent = text;
  f.input.setAttribute('aria-invalid', 'true');
  f.input.setAttribute('aria-describedby', [...described, id].join(' '));
}

/**
 * Ties an input to an error shown elsewhere (a step's message box, which also speaks for the whole
 * step): `aria-invalid` and the message's id in `aria-describedby`; `null` unties it.
 */
export function tieError(input: HTMLInputElement, message: HTMLElement | null): void {
  const own = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== input.dataset.errorRef);
  delete input.dataset.errorRef;
  if (message) {
    if (!message.id) message.id = uid('error');
    input.dataset.errorRef = message.id;
    own.push(message.id);
    input.setAttribute('aria-invalid', 'true');
  } else input.removeAttribute('aria-invalid');
  if (own.length) input.setAttribute('aria-describedby', own.join(' '));
  else input.removeAttribute('aria-describedby');
}

export function select(label: string, name: string, options: Array<[string, string]>, value = ''): { wrap: HTMLDivElement; input: HTMLSelectElement } {
  const id = uid(name);
  const el = h('select', { id, name }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
  return { wrap: h('div', { class: 'field' }, h('label', { for: id }, label), el), input: el };
}

/** A 6-digit code input with the attributes phones and password managers understand. */
export function codeField(label: string, name = 'code', hint?: string) {
  return field(label, { name, inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9 ]*', maxlength: 8, required: true, class: 'code-input' }, hint);
}

export function button(text: string, onclick: (e: MouseEvent) => unknown, props: Props = {}): HTMLButtonElement {
  return h('button', { type: 'button', onclick, ...props }, text);
}

/**
 * An alert (errors) or status (success; `info` for a neutral note such as a cancelled passkey
 * prompt) message box; empty text hides it.
 */
export function messageBox(): { el: HTMLDivElement; error(text: string): void; ok(text: string): void; info(text: string): void; clear(): void } {
  const el = h('div', { class: 'message', hidden: true });
  const show = (kind: 'error' | 'ok' | 'info', text: string) => {
    el.hidden = false;
    el.className = `message ${kind}`;
    el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    el.textContent = text;
  };
  return {
    el,
    error: (t) => show('error', t),
    ok: (t) => show('ok', t),
    info: (t) => show('info', t),
    clear: () => {
      el.hidden = true;
      el.textContent = '';
    },
  };
}

/** Moves keyboard and screen-reader focus to a step's heading. */
export function focusHeading(el: HTMLElement): void {
  el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * Disables a form's controls while `work` runs (no double submits). `label`: what its submit button
 * (or the button itself) says meanwhile, e.g. "Signing in…", so the wait is visible.
 */
export async function busy<T>(form: HTMLElement, work: () => Promise<T>, label?: string): Promise<T> {
  const selector = 'button, input, select, textarea';
  const controls = [...(form.matches(selector) ? [form] : []), ...form.querySelectorAll(selector)]
    .map((c) => c as HTMLButtonElement)
    .filter((c) => !c.disabled);
  controls.forEach((c) => (c.disabled = true));
  form.setAttribute('aria-busy', 'true');
  const submit = label ? (form.matches('button') ? form : form.querySelector<HTMLElement>('button[type="submit"]')) : null;
  const text = submit?.textContent;
  if (submit) submit.textContent = label!;
  try {
    return await work();
  } finally {
    controls.forEach((c) => (c.disabled = false));
    form.removeAttribute('aria-busy');
    if (submit && submit.textContent === label) submit.textContent = text ?? '';
  }
}

export const formatDate = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** "Resend code in 12 s" on a button until it may be pressed again. */
export function countdown(btn: HTMLButtonElement, seconds: number, label: string): () => void {
  let left = Math.max(0, Math.ceil(seconds));
  const tick = () => {
    if (!btn.isConnected || left <= 0) {
      window.clearInterval(timer);
      btn.disabled = false;
      btn.textContent = label;
      return;
    }
    btn.disabled = true;
    btn.textContent = `${label} in ${left} s`;
    left--;
  };
  const timer = window.setInterval(tick, 1000);
  tick();
  return () => {
    left = 0;
    tick();
  };
}
