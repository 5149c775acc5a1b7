import { button, h, replace } from '../dom';
import './ide.css';

/**
 * An offline GraphQL IDE: query, variables and headers editors, a Run button (Ctrl/Cmd+Enter),
 * the JSON result, and a docs explorer built from introspection. No CDN, no framework.
 *
 * A development tool for administrators (issue 15): the server serves it only outside production
 * (web.module.ts) and the page opens only for a signed-in ADMIN (the app's nav offers it to
 * admins only). The API itself answers everyone as before: this is not its access control.
 *
 * Nothing sensitive is stored: only the query text is remembered (localStorage), with the values
 * of its string literals blanked (a password typed inline is not kept). Variables hold passwords
 * and codes, headers hold bearer tokens: they live in the page only and are gone when it closes.
 * Earlier versions stored both; whatever they left behind is removed on load. Session tokens in
 * results are shown masked: the IDE's requests carry this browser's session cookie, so no token
 * is ever needed here.
 */
const QUERY_KEY = 'cloudcx.ide.query';
localStorage.removeItem('cloudcx.ide.variables');
sessionStorage.removeItem('cloudcx.ide.headers');
// Earlier pages kept the session token here; the session is an HttpOnly cookie now, which the
// IDE's same-origin requests carry: a signed-in browser runs queries as its user, no header needed.
sessionStorage.removeItem('cloudcx.token');
const DEFAULT_QUERY = `# Ctrl+Enter (Cmd+Enter) runs the query. Docs: the schema from introspection.
query Me {
  me {
    id
    email
    displayName
    role
    security { twoFactorEnabled }
  }
}
`;

const area = (id: string, label: string, value: string, rows: number) => {
  const el = h('textarea', { id, rows, spellcheck: 'false', autocapitalize: 'off', autocomplete: 'off', class: 'editor' });
  el.value = value;
  return { el, wrap: h('div', { class: 'pane' }, h('label', { for: id }, label), el) };
};
/** The query as remembered: string literals (and block strings) blanked, so no inline secret is kept. */
export const rememberable = (text: string) => text.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"/g, '""');

/** Result JSON as shown: every `token` string masked (the session is this browser's cookie). */
export function masked(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(masked);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /token$/i.test(k) && typeof v === 'string' ? '•••••••• (hidden: this browser’s session cookie is used)' : masked(v)]));
}

const query = area('query', 'Query', localStorage.getItem(QUERY_KEY) ?? DEFAULT_QUERY, 16);
const variables = area('variables', 'Variables (JSON)', '{}', 4);
const headers = area('headers', 'Headers (JSON)', '{}', 4);
const headersHint = h('p', { id: 'headers-hint', class: 'hint' }, 'Not needed for your own session: requests carry this browser’s session cookie. Variables and headers are never stored.');
headers.el.setAttribute('aria-describedby', 'headers-hint');
headers.wrap.append(headersHint);
const operation = h('select', { id: 'operation', hidden: true, 'aria-label': 'Operation to run' });
const result = h('pre', { id: 'result', class: 'result', tabindex: 0, 'aria-live': 'polite', 'aria-label': 'Result' }, 'Press Run to send the query.');
const status = h('p', { class: 'status', role: 'status' });
const run = button('Run', () => void execute(), { class: 'run', title: 'Run (Ctrl+Enter)', 'aria-keyshortcuts': 'Control+Enter Meta+Enter' });
const docs = h('aside', { class: 'docs', 'aria-labelledby': 'docs-h', hidden: true });
const docsToggle = button('Docs', () => toggleDocs(), { class: 'secondary', 'aria-expanded': 'false', 'aria-controls': 'docs' });
docs.id = 'docs';

function operationNames(text: string): string[] {
  return [...text.replace(/#.*$/gm, '').matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((m) => m[1]);
}
function syncOperations() {
  const names = operationNames(query.el.value);
  const prev = operation.value;
  replace(operation, names.map((n) => h('option', { value: n, selected: n === prev }, n)));
  operation.hidden = names.length < 2;
}

function parseJson(label: string, text: string): Record<string, unknown> | null {
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // reported below
  }
  result.textContent = `${label} must be a JSON object.`;
  return null;
}

async function post(body: Record<string, unknown>, extra: Record<string, unknown>) {
  const hdrs: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
  for (const [k, v] of Object.entries(extra)) hdrs[k] = String(v);
  return fetch('/graphql', { method: 'POST', headers: hdrs, body: JSON.stringify(body) });
}

async function execute() {
  localStorage.setItem(QUERY_KEY, rememberable(query.el.value));
  const vars = parseJson('Variables', variables.el.value);
  const hdrs = parseJson('Headers', headers.el.value);
  if (!vars || !hdrs) return;
  syncOperations();
  const started = performance.now();
  run.disabled = true;
  result.setAttribute('aria-busy', 'true');
  try {
    const res = await post({ query: query.el.value, variables: vars, operationName: operation.hidden ? undefined : operation.value }, hdrs);
    const text = await res.text();
    let shown = text;
    try {
      shown = JSON.stringify(masked(JSON.parse(text)), null, 2);
    } catch {
      // not JSON: show as is
    }
    result.textContent = shown;
    status.textContent = `HTTP ${res.status} · ${Math.round(performance.now() - started)} ms`;
  } catch (e) {
    result.textContent = `The request failed: ${(e as Error).message}`;
    status.textContent = '';
  } finally {
    run.disabled = false;
    result.removeAttribute('aria-busy');
  }
}

// ---- docs explorer -------------------------------------------------------------------------
interface TypeRef { kind: string; name: string | null; ofType: TypeRef | null }
interface InputValue { name: string; description: string | null; type: TypeRef; defaultValue: string | null }
interface Field { name: string; description: string | null; args: InputValue[]; type: TypeRef; isDeprecated: boolean }
interface FullType {
  kind: string; name: string; description: string | null;
  fields: Field[] | null; inputFields: InputValue[] | null; enumValues: Array<{ name: string; description: string | null }> | null;
  possibleTypes: Array<{ name: string }> | null;
}
const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }';
const INTROSPECTION = `query IntrospectionQuery { __schema {
  queryType { name } mutationType { name }
  types { kind name description
    fields(includeDeprecated: false) { name description isDeprecated args { name description defaultValue type { ${TYPE_REF} } } type { ${TYPE_REF} } }
    inputFields { name description defaultValue type { ${TYPE_REF} } }
    enumValues(includeDeprecated: false) { name description }
    possibleTypes { name }
  }
} }`;
let schema: { queryType: { name: string }; mutationType: { name: string } | null; types: FullType[] } | null = null;
const trail: string[] = [];

function toggleDocs(show = docs.hidden === true) {
  docs.hidden = !show;
  docsToggle.setAttribute('aria-expanded', String(show));
  document.body.classList.toggle('with-docs', show);
  if (show) void openDocs(null);
}

async function openDocs(typeName: string | null, push = true) {
  if (!schema) {
    replace(docs, h('p', null, 'Loading the schema…'));
    try {
      const hdrs = parseJson('Headers', headers.el.value) ?? {};
      const body = await (await post({ query: INTROSPECTION, operationName: 'IntrospectionQuery' }, hdrs)).json();
      if (!body.data) throw new Error(body.errors?.[0]?.message ?? 'no data');
      schema = body.data.__schema;
    } catch (e) {
      return replace(docs, h('p', { role: 'alert' }, `The schema could not be loaded: ${(e as Error).message}`));
    }
  }
  if (push && typeName) trail.push(typeName);
  const s = schema!;
  const typeLink = (ref: TypeRef): Node => {
    if (ref.kind === 'NON_NULL') return h('span', null, typeLink(ref.ofType!), '!');
    if (ref.kind === 'LIST') return h('span', null, '[', typeLink(ref.ofType!), ']');
    return button(ref.name!, () => void openDocs(ref.name), { class: 'type-link' });
  };
  const args = (list: InputValue[]) => list.length
    ? h('span', null, '(', list.map((a, i) => h('span', null, i ? ', ' : '', h('span', { class: 'arg' }, a.name), ': ', typeLink(a.type), a.defaultValue ? ` = ${a.defaultValue}` : '')), ')')
    : null;
  const desc = (d: string | null) => (d ? h('p', { class: 'desc' }, d) : null);
  const search = h('input', { type: 'search', id: 'docs-search', placeholder: 'Search the schema', 'aria-label': 'Search the schema' });
  const body = h('div');
  const back = trail.length ? button('← Back', () => { trail.pop(); void openDocs(trail[trail.length - 1] ?? null, false); }, { class: 'link' }) : null;
  const heading = h('h2', { id: 'docs-h', tabindex: -1 }, typeName ?? 'Docs');

  const showType = (t: FullType) => replace(body,
    h('p', { class: 'kind' }, t.kind.toLowerCase().replace('_', ' ')),
    desc(t.description),
    t.fields ? h('ul', { class: 'fields' }, t.fields.map((f) => h('li', null, h('code', null, h('strong', null, f.name), args(f.args), ': ', typeLink(f.type)), desc(f.description)))) : null,
    t.inputFields ? h('ul', { class: 'fields' }, t.inputFields.map((f) => h('li', null, h('code', null, h('strong', null, f.name), ': ', typeLink(f.type), f.defaultValue ? ` = ${f.defaultValue}` : ''), desc(f.description)))) : null,
    t.enumValues ? h('ul', { class: 'fields' }, t.enumValues.map((v) => h('li', null, h('code', null, v.name), desc(v.description)))) : null,
    t.possibleTypes ? h('p', null, 'One of: ', t.possibleTypes.map((p, i) => h('span', null, i ? ' | ' : '', typeLink({ kind: 'OBJECT', name: p.name, ofType: null })))) : null,
  );
  const showRoot = () => {
    const userTypes = s.types.filter((t) => !t.name.startsWith('__') && t.name !== s.queryType.name && t.name !== s.mutationType?.name);
    replace(body,
      h('p', null, 'Root types: ', typeLink({ kind: 'OBJECT', name: s.queryType.name, ofType: null }), s.mutationType ? h('span', null, ' · ', typeLink({ kind: 'OBJECT', name: s.mutationType.name, ofType: null })) : null),
      h('h3', null, 'All types'),
      h('ul', { class: 'types' }, userTypes.map((t) => h('li', null, typeLink({ kind: t.kind, name: t.name, ofType: null })))),
    );
  };
  const showSearch = (q: string) => {
    const needle = q.toLowerCase();
    const hits: Node[] = [];
    for (const t of s.types) {
      if (t.name.startsWith('__')) continue;
      if (t.name.toLowerCase().includes(needle)) hits.push(h('li', null, typeLink({ kind: t.kind, name: t.name, ofType: null })));
      for (const f of t.fields ?? []) {
        if (f.name.toLowerCase().includes(needle)) hits.push(h('li', null, `${t.name}.`, h('strong', null, f.name), ': ', typeLink(f.type)));
      }
    }
    replace(body, hits.length ? h('ul', { class: 'types' }, hits.slice(0, 100)) : h('p', null, 'Nothing matches.'));
  };
  search.addEventListener('input', () => (search.value.trim() ? showSearch(search.value.trim()) : typeName ? showType(found!) : showRoot()));

  const found = typeName ? s.types.find((t) => t.name === typeName) : undefined;
  if (found) showType(found);
  else showRoot();
  replace(docs, h('div', { class: 'docs-head' }, back, button('Close', () => toggleDocs(false), { class: 'link' })), heading, search, body);
  heading.focus();
}

// ---- layout --------------------------------------------------------------------------------
query.el.addEventListener('input', syncOperations);
syncOperations();

/** Only a signed-in ADMIN gets the editors; anyone else is told where to go. */
async function open(): Promise<void> {
  const root = document.getElementById('ide')!;
  let role: string | null = null;
  try {
    const body = await (await post({ query: 'query IdeWho { me { role } }', operationName: 'IdeWho' }, {})).json();
    role = body?.data?.me?.role ?? null;
  } catch {
    // the service is unreachable: treated as not signed in
  }
  if (role !== 'ADMIN') {
    document.title = 'GraphQL IDE · CloudCX Security';
    const heading = h('h1', { tabindex: -1 }, 'The GraphQL IDE is for administrators');
    replace(root, h('main', { class: 'ide-denied' },
      heading,
      h('p', null, role ? 'It is a development tool for administrators; your account is not one.' : 'Sign in with an administrator account first.'),
      h('p', null, h('a', { href: role ? '/settings' : '/login' }, role ? 'Back to the app' : 'Sign in'))));
    heading.focus();
    return;
  }
  show(root);
}

function show(root: HTMLElement) {
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void execute();
    }
  });
  replace(root,
    h('header', { class: 'ide-bar' },
      h('h1', null, 'GraphQL IDE'),
      h('div', { class: 'ide-actions' }, operation, run, docsToggle, h('a', { href: '/' }, 'Back to the app')),
    ),
    h('main', { class: 'ide-main' },
      h('section', { class: 'ide-editors', 'aria-label': 'Request' }, query.wrap, variables.wrap, headers.wrap),
      h('section', { class: 'ide-result', 'aria-label': 'Response' }, h('h2', { class: 'visually-hidden' }, 'Result'), status, result),
      docs,
    ),
  );
}

void open();
