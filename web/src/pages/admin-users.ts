/**
 * The admin console's users list (issue 15, triage): filters that apply as you type, sortable
 * columns, status badges in colour and words, row actions (unlock, reset two-factor), and the whole
 * state of the list (filters, search, sort, page) in the address, so Back from a user comes back to
 * the same filtered page. Only a short sentence ("42 users match") is a live region, not the table.
 */
import { gql, type ResultOf, type VariablesArg } from '../api';
import { busy, button, field, formatDate, h, messageBox, replace, select } from '../dom';
import type { OrderDirection, TypedDocumentString, UserOrderField } from '../gql/graphql';
import { UNLOCK } from '../ops';
import { CONSOLE_USERS } from '../ops-policy';
import { Cancelled, withReauth } from '../reauth';
import { type Ctx } from '../router';
import { adminErrorSentence, confirmReset, hasFactorToReset } from './admin-recovery';

const mutate = <R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>) => withReauth(() => gql(document, ...variables));

type Row = ResultOf<typeof CONSOLE_USERS>['users']['edges'][number]['node'];
type Status = 'ACTIVE' | 'INVITED' | 'DEACTIVATED';
interface Sort { field: UserOrderField; direction: OrderDirection }

const PAGE = 20;
/** Newest first: today's agent is on the first page. */
const DEFAULT_SORT: Sort = { field: 'CREATED_AT', direction: 'DESC' };
/** The sort's name in the address (`?sort=lastSignIn&dir=asc`). */
const SORT_PARAM: Record<UserOrderField, string> = { CREATED_AT: 'added', EMAIL: 'email', LAST_LOGIN_AT: 'lastSignIn', DISPLAY_NAME: 'name' };
/** A column's first click: dates newest first, names A–Z. */
const FIRST_DIRECTION: Record<UserOrderField, OrderDirection> = { CREATED_AT: 'DESC', LAST_LOGIN_AT: 'DESC', EMAIL: 'ASC', DISPLAY_NAME: 'ASC' };
const SORTS: Array<[string, string]> = [
  ['added:desc', 'Newest first'],
  ['added:asc', 'Oldest first'],
  ['name:asc', 'Name, A to Z'],
  ['name:desc', 'Name, Z to A'],
  ['email:asc', 'Email, A to Z'],
  ['email:desc', 'Email, Z to A'],
  ['lastSignIn:desc', 'Last sign-in, most recent first'],
  ['lastSignIn:asc', 'Last sign-in, longest ago first'],
];

/** Filters as the address holds them: the API's argument names, so a link can say `?locked=true`. */
const FILTERS = ['search', 'twoFactorEnabled', 'method', 'locked', 'backupCodesRemainingAtMost', 'twoFactorCompliant', 'status'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

interface ListState {
  filters: Filters;
  sort: Sort;
  /** The cursor the page starts after (null: the first page) and its number, for "Showing 21–40". */
  after: string | null;
  page: number;
}

/** What the list keeps in its history entry (not the address): the cursors of the pages before, the user opened from it. */
interface HistoryMemo {
  cursors: Array<string | null>;
  opened?: string;
}

function readState(q: URLSearchParams): ListState {
  const filters = Object.fromEntries(FILTERS.map((k) => [k, q.get(k) ?? ''])) as Filters;
  const field = (Object.keys(SORT_PARAM) as UserOrderField[]).find((f) => SORT_PARAM[f] === q.get('sort'));
  const dir = q.get('dir');
  const sort: Sort = field ? { field, direction: dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : FIRST_DIRECTION[field] } : DEFAULT_SORT;
  const page = Math.max(1, Math.floor(Number(q.get('page'))) || 1);
  const after = q.get('after');
  return { filters, sort, after: after && page > 1 ? after : null, page: after ? page : 1 };
}

function toAddress(s: ListState): string {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (s.filters[k]) q.set(k, s.filters[k]);
  if (s.sort.field !== DEFAULT_SORT.field || s.sort.direction !== DEFAULT_SORT.direction) {
    q.set('sort', SORT_PARAM[s.sort.field]);
    q.set('dir', s.sort.direction.toLowerCase());
  }
  if (s.after) {
    q.set('after', s.after);
    q.set('page', String(s.page));
  }
  const query = q.toString();
  return `/admin${query ? `?${query}` : ''}`;
}

const memo = (): HistoryMemo => {
  const m = (history.state as { usersList?: HistoryMemo } | null)?.usersList;
  return { cursors: Array.isArray(m?.cursors) ? [...m.cursors] : [], opened: m?.opened };
};
const remember = (m: HistoryMemo, address: string, push: boolean) => {
  const state = { ...(history.state as object | null), usersList: m };
  if (push) history.pushState(state, '', address);
  else history.replaceState(state, '', address);
};

const bool = (v: string) => (v === '' ? null : v === 'true');

function variables(s: ListState) {
  const f = s.filters;
  const atMost = f.backupCodesRemainingAtMost === '' ? null : Number(f.backupCodesRemainingAtMost);
  return {
    search: f.search.trim() || null,
    twoFactorEnabled: bool(f.twoFactorEnabled),
    method: (f.method || null) as 'EMAIL' | 'TOTP' | 'WEBAUTHN' | null,
    locked: bool(f.locked),
    backupCodesRemainingAtMost: atMost !== null && Number.isInteger(atMost) && atMost >= 0 && atMost <= 10 ? atMost : null,
    twoFactorCompliant: bool(f.twoFactorCompliant),
    status: (f.status || null) as Status | null,
    first: PAGE,
    after: s.after,
    orderBy: s.sort,
  };
}

// ---- cells ---------------------------------------------------------------------------------------

const badge = (text: string, tone: 'ok' | 'warn' | 'danger' | '' = '') => h('span', { class: tone ? `badge ${tone}` : 'badge' }, text);

const isLocked = (u: Row) => !!u.security.lockedUntil && new Date(u.security.lockedUntil).getTime() > Date.now();

/** "5:44 PM" today, else the date and time. */
function shortTime(iso: string): string {
  const d = new Date(iso);
  const today = d.toDateString() === new Date().toDateString();
  return today ? d.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }) : formatDate(iso);
}
/** "Dec 14" this year, "Dec 14, 2027" another. */
const shortDate = (iso: string) => {
  const d = new Date(iso);
  return d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(d.getFullYear() === new Date().getFullYear() ? {} : { year: 'numeric' }) });
};
const dateOnly = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function twoFactorCell(u: Row): Node {
  const s = u.security;
  const on = [s.email.enabled && 'Email', s.totp.enabled && 'App', s.webauthn.enabled && 'Passkey'].filter((x): x is string => !!x);
  return h('span', { class: 'badges' }, on.length ? on.map((m) => badge(m, 'ok')) : badge('2FA off', s.twoFactorRequired ? 'danger' : 'warn'));
}

function codesCell(u: Row): Node {
  const c = u.security.backupCodes;
  if (!c.total) return document.createTextNode('—');
  if (c.remaining <= 2) return badge(c.remaining === 1 ? '1 code left' : `${c.remaining} codes left`, c.remaining ? 'warn' : 'danger');
  return document.createTextNode(`${c.remaining} of ${c.total} left`);
}

function statusCell(u: Row): Node {
  const s = u.security;
  const badges: HTMLElement[] = [];
  if (u.status === 'INVITED') badges.push(badge('Invited'));
  if (u.status === 'DEACTIVATED') badges.push(badge('Deactivated'));
  if (isLocked(u)) badges.push(badge(`Locked until ${shortTime(s.lockedUntil!)}`, 'danger'));
  if (u.status === 'ACTIVE' && s.twoFactorRequired && s.enrollmentDeadline) {
    const overdue = new Date(s.enrollmentDeadline).getTime() <= Date.now();
    badges.push(overdue ? badge('Non-compliant, overdue', 'danger') : badge(`Non-compliant, due ${shortDate(s.enrollmentDeadline)}`, 'warn'));
  }
  return badges.length ? h('span', { class: 'badges' }, badges) : document.createTextNode('Active');
}

// ---- the section ---------------------------------------------------------------------------------

/** The user last opened from the list, while its page is the next history entry. */
let openedFromList: string | null = null;

/** Whether the user page of `userId` was opened from the list: "All users" can then go Back to it as it was. */
export function cameFromList(userId: string): boolean {
  return openedFromList === userId;
}

/**
 * The "Users" card of /admin. `onChange`: after a row action, so the overview's counts follow.
 * With `#users` in the address (an overview counter) focus starts on the list's heading.
 */
export function usersSection(ctx: Ctx, onChange: () => void): HTMLElement {
  openedFromList = null;
  let state = readState(ctx.query);
  let seq = 0;
  const heading = h('h2', { id: 'users-h', tabindex: -1 }, 'Users');
  const msg = messageBox();
  msg.el.setAttribute('tabindex', '-1');
  // The one live region: a short sentence, so a screen reader hears "3 users match", not the table.
  const status = h('p', { id: 'users-status', class: 'results-status', role: 'status', tabindex: -1 });
  const results = h('div', { class: 'results' });

  const f = state.filters;
  const search = field('Search', { name: 'search', type: 'search', placeholder: 'Name or email', value: f.search, autocomplete: 'off' });
  const twoFactor = select('Two-factor', 'twoFactorEnabled', [['', 'Any'], ['true', 'On'], ['false', 'Off']], f.twoFactorEnabled);
  const method = select('Method', 'method', [['', 'Any'], ['EMAIL', 'Email codes'], ['TOTP', 'Authenticator app'], ['WEBAUTHN', 'Passkey or security key']], f.method);
  const locked = select('Locked', 'locked', [['', 'Any'], ['true', 'Locked now'], ['false', 'Not locked']], f.locked);
  const lowCodes = field('Backup codes at most', { name: 'backupCodesRemainingAtMost', type: 'number', min: 0, max: 10, inputmode: 'numeric', value: f.backupCodesRemainingAtMost });
  const compliance = select('2FA policy', 'twoFactorCompliant', [['', 'Any'], ['false', 'Not compliant'], ['true', 'Compliant']], f.twoFactorCompliant);
  const userStatus = select('Status', 'status', [['', 'Any'], ['ACTIVE', 'Active'], ['INVITED', 'Invited'], ['DEACTIVATED', 'Deactivated']], f.status);
  const sortKey = (s: Sort) => `${SORT_PARAM[s.field]}:${s.direction.toLowerCase()}`;
  const sortSelect = select('Sort by', 'sort', SORTS, sortKey(state.sort));
  const controls: Record<(typeof FILTERS)[number], { input: HTMLInputElement | HTMLSelectElement }> = {
    search, twoFactorEnabled: twoFactor, method, locked, backupCodesRemainingAtMost: lowCodes, twoFactorCompliant: compliance, status: userStatus,
  };

  /** A new filter, search or sort: the first page, in place of the current history entry (typing must not flood Back). */
  const applyFilters = () => {
    window.clearTimeout(typing);
    const filters = Object.fromEntries(FILTERS.map((k) => [k, controls[k].input.value.trim()])) as Filters;
    const [sortName, dir] = sortSelect.input.value.split(':');
    const field = (Object.keys(SORT_PARAM) as UserOrderField[]).find((x) => SORT_PARAM[x] === sortName) ?? DEFAULT_SORT.field;
    const next: ListState = { filters, sort: { field, direction: dir === 'asc' ? 'ASC' : 'DESC' }, after: null, page: 1 };
    if (toAddress(next) === toAddress(state)) return Promise.resolve();
    state = next;
    remember({ cursors: [] }, toAddress(state), false);
    return load();
  };
  let typing = 0;
  /** Search and the number field apply once typing pauses. */
  const debounced = () => {
    window.clearTimeout(typing);
    typing = window.setTimeout(() => void applyFilters(), 350);
  };
  search.input.addEventListener('input', debounced);
  lowCodes.input.addEventListener('input', debounced);
  for (const s of [twoFactor, method, locked, compliance, userStatus, sortSelect]) s.input.addEventListener('change', () => void applyFilters());

  /** Another page: a new history entry, so Back goes to the page before. Focus moves to the count. */
  const goToPage = async (after: string | null, page: number, cursors: Array<string | null>) => {
    state = { ...state, after, page };
    remember({ cursors }, toAddress(state), true);
    await load();
    status.focus();
  };

  const sortBy = async (fieldName: UserOrderField) => {
    const direction: OrderDirection = state.sort.field === fieldName ? (state.sort.direction === 'ASC' ? 'DESC' : 'ASC') : FIRST_DIRECTION[fieldName];
    sortSelect.input.value = sortKey({ field: fieldName, direction });
    await applyFilters();
    // The header was drawn again: keep focus on the column just sorted.
    results.querySelector<HTMLElement>(`th[data-sort="${fieldName}"] button`)?.focus();
  };

  const header = (label: string, sortField?: UserOrderField) => {
    if (!sortField) return h('th', { scope: 'col', role: 'columnheader' }, label);
    const active = state.sort.field === sortField;
    const arrow = active ? (state.sort.direction === 'ASC' ? '▲' : '▼') : '↕';
    return h('th', { scope: 'col', role: 'columnheader', 'data-sort': sortField, 'aria-sort': active ? (state.sort.direction === 'ASC' ? 'ascending' : 'descending') : null },
      h('button', { type: 'button', class: 'sort', onclick: () => void sortBy(sortField) }, label, h('span', { 'aria-hidden': 'true' }, arrow)));
  };

  const rowActions = (u: Row): Node => {
    const actions: HTMLElement[] = [];
    if (isLocked(u)) {
      actions.push(button('Unlock', async (ev) => {
        msg.clear();
        try {
          await busy(ev.currentTarget as HTMLElement, () => mutate(UNLOCK, { userId: u.id }));
          await load();
          msg.ok(`${u.displayName} can enter codes again: code checks are unlocked.`);
          msg.el.focus();
          onChange();
        } catch (err) {
          if (!(err instanceof Cancelled)) msg.error(adminErrorSentence(err));
        }
      }, { class: 'secondary', 'aria-label': `Unlock ${u.displayName}` }));
    }
    if (u.id !== ctx.me.id && hasFactorToReset(u.security)) {
      actions.push(button('Reset two-factor', async () => {
        msg.clear();
        const done = await confirmReset(u);
        if (done === 'changed') return void load();
        if (!done) return;
        await load();
        msg.ok(resetSentence(done.user.displayName, done.unlinked));
        msg.el.focus();
        onChange();
      }, { class: 'danger', 'aria-label': `Reset two-factor for ${u.displayName}` }));
    }
    return actions.length ? h('div', { class: 'row-actions' }, actions) : document.createTextNode('');
  };

  const cell = (label: string, content: Node) => h('td', { role: 'cell', 'data-label': label }, h('div', null, content));

  const draw = (users: ResultOf<typeof CONSOLE_USERS>['users']) => {
    const n = users.totalCount;
    const from = (state.page - 1) * PAGE + 1;
    const to = from + users.edges.length - 1;
    const filtered = FILTERS.some((k) => state.filters[k]);
    status.textContent = !n
      ? filtered ? 'No users match these filters.' : 'No users yet.'
      : `${n === 1 ? '1 user matches' : `${n} users match`}${n > users.edges.length || state.page > 1 ? `. Showing ${from}–${to}` : ''}.`;
    const known = memo().cursors;
    const previous = state.page > 1 ? (known[state.page - 2] !== undefined ? { after: known[state.page - 2], page: state.page - 1 } : { after: null, page: 1 }) : null;
    const cursorsSoFar = [...known.slice(0, state.page - 1)];
    cursorsSoFar[state.page - 1] = state.after;
    const rows = users.edges.map(({ node: u }) => {
      const link = h('a', {
        href: `/admin/users/${encodeURIComponent(u.id)}`, 'data-link': true, 'data-user': u.id,
        // Back from the user returns here: the history entry remembers whom to focus.
        onclick: () => {
          remember({ ...memo(), opened: u.id }, location.pathname + location.search, false);
          openedFromList = u.id;
        },
      }, u.displayName);
      return h('tr', { role: 'row' },
        cell('Name', h('span', null, link, u.role === 'ADMIN' ? [' ', badge('Admin')] : null, u.id === ctx.me.id ? ' (you)' : null)),
        // A line may break before the @, not inside the domain.
        cell('Email', h('span', null, u.email.split('@')[0], h('wbr'), `@${u.email.split('@').slice(1).join('@')}`)),
        cell('Two-factor', twoFactorCell(u)),
        cell('Backup codes', codesCell(u)),
        cell('Status', statusCell(u)),
        cell('Last sign-in', document.createTextNode(u.lastLoginAt ? formatDate(u.lastLoginAt) : 'Never')),
        cell('Added', document.createTextNode(dateOnly(u.createdAt))),
        h('td', { role: 'cell', 'data-label': '' }, h('div', null, rowActions(u))),
      );
    });
    replace(results,
      rows.length
        ? h('div', { class: 'table-wrap stack', role: 'region', 'aria-label': 'Users', tabindex: 0 },
            h('table', { class: 'users-table stack-table', role: 'table' },
              h('caption', { class: 'visually-hidden' }, 'Users'),
              h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
                header('Name', 'DISPLAY_NAME'), header('Email', 'EMAIL'), header('Two-factor'), header('Backup codes'), header('Status'),
                header('Last sign-in', 'LAST_LOGIN_AT'), header('Added', 'CREATED_AT'),
                h('th', { scope: 'col', role: 'columnheader' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
              h('tbody', { role: 'rowgroup' }, rows)))
        : null,
      previous || users.pageInfo.hasNextPage
        ? h('nav', { class: 'actions', 'aria-label': 'Pages of users' },
            previous ? button(previous.page === state.page - 1 ? 'Previous page' : 'First page', () => void goToPage(previous.after, previous.page, cursorsSoFar.slice(0, previous.page)), { class: 'secondary' }) : null,
            users.pageInfo.hasNextPage ? button('Next page', () => void goToPage(users.pageInfo.endCursor, state.page + 1, [...cursorsSoFar, users.pageInfo.endCursor]), { class: 'secondary' }) : null)
        : null,
    );
  };

  async function load(): Promise<void> {
    const mine = ++seq;
    results.setAttribute('aria-busy', 'true');
    try {
      const { users } = await gql(CONSOLE_USERS, variables(state));
      if (!ctx.alive() || mine !== seq) return;
      draw(users);
    } catch (e) {
      if (!ctx.alive() || mine !== seq) return;
      if (state.after) {
        // A cursor from an old address (another sort, a removed row…): start again at the first page.
        state = { ...state, after: null, page: 1 };
        remember({ cursors: [] }, toAddress(state), false);
        return load();
      }
      msg.error(adminErrorSentence(e));
    } finally {
      if (mine === seq) results.removeAttribute('aria-busy');
    }
  }

  const clear = button('Clear filters', () => {
    for (const k of FILTERS) controls[k].input.value = '';
    void applyFilters();
  }, { class: 'secondary' });
  const form: HTMLFormElement = h('form', {
    class: 'filters',
    role: 'search',
    'aria-label': 'Filter users',
    // Enter applies at once (no waiting for the pause in typing).
    onsubmit: (e: Event) => {
      e.preventDefault();
      void applyFilters();
    },
  }, search.wrap, twoFactor.wrap, method.wrap, locked.wrap, lowCodes.wrap, compliance.wrap, userStatus.wrap, sortSelect.wrap, h('div', { class: 'field' }, clear));

  // Back from a user: focus returns to that user's link in the list.
  const opened = memo().opened;
  void load().then(() => {
    if (!opened || !ctx.alive()) return;
    remember({ ...memo(), opened: undefined }, location.pathname + location.search, false);
    results.querySelector<HTMLElement>(`a[data-user="${CSS.escape(opened)}"]`)?.focus();
  });
  if (location.hash === '#users') queueMicrotask(() => heading.focus());
  return h('section', { 'aria-labelledby': 'users-h', class: 'card', id: 'users' },
    heading,
    h('p', null, h('a', { href: '/admin/users/new', 'data-link': true, class: 'button' }, 'Add user')),
    form, msg.el, status, results);
}

export function resetSentence(name: string, unlinked: string[]): string {
  const sso = unlinked.length ? `, the single sign-on connection${unlinked.length === 1 ? '' : 's'} (${unlinked.join(', ')}) removed` : '';
  return `Two-factor authentication of ${name} is reset: every method is off, backup codes are void${sso}, sessions are ended and ${name} was emailed your reason.`;
}
