import { ApiError, gql, session } from './api';
import { formatDate, h, replace } from './dom';
import { ME, type User } from './ops';
import { MY_ENROLLMENT } from './ops-policy';

export interface Ctx {
  path: string;
  query: URLSearchParams;
  match: RegExpMatchArray;
  main: HTMLElement;
  /** The signed-in user (loaded for pages that need one). */
  me: User;
  /** False once the user has navigated elsewhere: async work must stop writing to the page. */
  alive(): boolean;
}
type Access = 'public' | 'user' | 'admin';
interface Route { pattern: RegExp; access: Access; render(ctx: Ctx): void | Promise<void> }

const routes: Route[] = [];
export function route(pattern: RegExp, access: Access, render: Route['render']): void {
  routes.push({ pattern, access, render });
}

/** undefined: not asked yet (the cookie is invisible to the page: `me` tells whether it is signed in). */
let me: User | null | undefined;
/** What the security policy asks of the signed-in user (loaded with `me`). */
let enrollment: { twoFactorRequired: boolean; enrollmentDeadline?: string | null } | null = null;
let generation = 0;

/** The `me` request in flight, so a render and a page asking at once send one. */
let asking: Promise<User | null> | null = null;

export function currentUser(refresh = false): Promise<User | null> {
  if (me !== undefined && !(refresh && me)) return Promise.resolve(me);
  asking ??= askWhoIsSignedIn().finally(() => (asking = null));
  return asking;
}

/** Bumped by forgetUser: an answer to a question asked before a sign-in or sign-out is stale. */
let userGeneration = 0;

async function askWhoIsSignedIn(): Promise<User | null> {
  const asked = userGeneration;
  try {
    const [m, e] = await Promise.all([gql(ME), gql(MY_ENROLLMENT)]);
    if (asked !== userGeneration) return currentUser();
    me = m.me;
    enrollment = e.me.security;
    session.active = true;
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'UNAUTHENTICATED') throw err;
    if (asked !== userGeneration) return currentUser();
    me = null;
    enrollment = null;
    session.active = false;
  }
  return me;
}
/** After a sign-in or a sign-out: the next page asks the server who is signed in. */
export function forgetUser(): void {
  userGeneration++;
  asking = null;
  me = undefined;
  enrollment = null;
}

/** The enrolment deadline while the policy requires 2FA of the user and none is set up, else null. */
export function enrollmentDeadline(): Date | null {
  return enrollment?.enrollmentDeadline ? new Date(enrollment.enrollmentDeadline) : null;
}

/** Past the deadline the server lets the session only enrol: every page is the enrolment page. */
export function mustEnroll(): boolean {
  const d = enrollmentDeadline();
  return !!d && d.getTime() <= Date.now();
}

export const ENROLL_PATH = '/enroll';

/** Only same-site paths may be a `next` target (no open redirects). */
export function safeNext(next: string | null): string {
  return next && /^\/(?!\/)/.test(next) && !next.startsWith('/auth/') ? next : '/settings';
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  void render();
}

/** Drops query parameters (tickets, one-off messages) from the address bar without a reload. */
export function dropQuery(): void {
  history.replaceState(null, '', location.pathname);
}

export async function render(): Promise<void> {
  const gen = ++generation;
  const main = document.getElementById('main')!;
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(location.search);
  const found = routes.find((r) => r.pattern.test(path));
  const asked = currentUser().catch(() => null); // unreachable service: treated as signed out
  const isPublic = found?.access === 'public';
  // A public page (login, SSO return, reset link) renders at once, without waiting for `me` (nor
  // leaving a ticket in the address bar meanwhile); its navigation follows when `me` answers.
  const user = isPublic ? null : await asked;
  if (gen !== generation) return;
  const chrome = (u: User | null) => {
    if (gen !== generation) return;
    renderNav(u, path);
    renderPolicyBanner(u, path);
  };
  if (isPublic) void asked.then(chrome);
  else chrome(user);
  if (!found) {
    main.removeAttribute('aria-busy'); // index.html's loading state
    replace(main, h('h1', null, 'Page not found'), h('p', null, h('a', { href: '/', 'data-link': true }, 'Go to the start page')));
    return focusFirstHeading(main);
  }
  if (found.access !== 'public' && !user) return navigate(`/login?next=${encodeURIComponent(path + location.search)}`, { replace: true });
  if (found.access !== 'public' && mustEnroll() && path !== ENROLL_PATH) return navigate(ENROLL_PATH, { replace: true });
  if (found.access === 'admin' && user?.role !== 'ADMIN') {
    main.removeAttribute('aria-busy');
    replace(main, h('h1', null, 'Admins only'), h('p', null, 'The admin console needs an administrator account.'));
    return focusFirstHeading(main);
  }
  replace(main);
  main.removeAttribute('aria-busy');
  const ctx: Ctx = { path, query, match: path.match(found.pattern)!, main, me: user!, alive: () => gen === generation };
  await found.render(ctx);
  // Pages that moved focus themselves (a step heading, a section) keep it.
  const active = document.activeElement;
  if (ctx.alive() && (!active || active === document.body || active === main || !main.contains(active))) focusFirstHeading(main);
  else if (ctx.alive()) setTitle(main);
}

function focusFirstHeading(main: HTMLElement) {
  const h1 = main.querySelector<HTMLElement>('h1');
  if (!h1) return;
  h1.setAttribute('tabindex', '-1');
  h1.focus();
  setTitle(main);
}

function setTitle(main: HTMLElement) {
  const h1 = main.querySelector('h1');
  if (h1) document.title = `${h1.textContent} · CloudCX Security`;
}

function renderNav(user: User | null, path: string) {
  const nav = document.getElementById('nav')!;
  if (!user) return replace(nav);
  // A restricted session can only enrol or sign out: no links it could not follow.
  if (mustEnroll()) {
    return replace(nav, h('ul', null, h('li', null, h('button', { type: 'button', class: 'link', 'data-action': 'logout' }, 'Sign out'))));
  }
  const link = (href: string, text: string) =>
    h('a', { href, 'data-link': true, 'aria-current': path === href || path.startsWith(`${href}/`) ? 'page' : null }, text);
  // The GraphQL IDE (issue 15): for admins, and only where the server serves it (not in production).
  const ide = user.role === 'ADMIN' ? h('li', { hidden: true }, h('a', { href: '/graphql' }, 'GraphQL IDE')) : null;
  if (ide) void ideAvailable().then((served) => (ide.hidden = !served));
  replace(
    nav,
    h('ul', null,
      h('li', null, link('/settings', 'Settings')),
      user.role === 'ADMIN' ? h('li', null, link('/admin', 'Admin console')) : null,
      ide,
      h('li', null, h('button', { type: 'button', class: 'link', 'data-action': 'logout' }, 'Sign out')),
    ),
  );
}

/** Whether the server serves the GraphQL IDE (development only: web.module.ts), asked once per page load. */
let ideServed: Promise<boolean> | null = null;
function ideAvailable(): Promise<boolean> {
  ideServed ??= fetch('/graphql', { method: 'HEAD', headers: { accept: 'text/html' } }).then((r) => r.ok, () => false);
  return ideServed;
}

/**
 * While the user is in the policy's grace period: a banner above every page with the deadline and
 * the way to meet it (the settings page's two-factor section).
 */
function renderPolicyBanner(user: User | null, path: string) {
  document.getElementById('policy-banner')?.remove();
  const deadline = enrollmentDeadline();
  if (!user || !deadline || mustEnroll() || path === ENROLL_PATH) return;
  document.getElementById('main')!.before(h('div', { id: 'policy-banner', class: 'banner', role: 'region', 'aria-label': 'Security notice' }, h('p', null,
    h('strong', null, 'Your organization requires two-factor authentication. '),
    `Set it up by ${formatDate(deadline.toISOString())}; after that, you will have to set it up before you can do anything else. `,
    path === '/settings' ? null : h('a', { href: '/settings', 'data-link': true }, 'Set it up now'))));
}

/** Internal links (`data-link`) route on the client; everything else is a normal navigation. */
export function startRouter(onLogout: () => void): void {
  document.addEventListener('click', (e) => {
    const target = e.target as Element;
    if (target.closest('[data-action="logout"]')) return onLogout();
    const a = target.closest<HTMLAnchorElement>('a[data-link]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!);
  });
  window.addEventListener('popstate', () => void render());
  void render();
}
