import { busy, button, formatDate, h, messageBox, replace } from './dom';
import { describeError, eventLabel } from './messages';
import type { Connection, SecurityEvent } from './ops';

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function table(caption: string, head: string[], rows: Node[][], opts: { hideCaption?: boolean; stack?: boolean } = {}): HTMLElement {
  // `stack`: below 40rem each row becomes a card, each cell labelled with its column (styles.css
  // `stack-table`); explicit roles keep the table semantics that `display: block` would drop.
  const role = (r: string) => (opts.stack ? r : null);
  return h('div', { class: opts.stack ? 'table-wrap stack' : 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', { class: opts.stack ? 'stack-table' : null, role: role('table') },
      h('caption', { class: opts.hideCaption ? 'visually-hidden' : null }, caption),
      h('thead', { role: role('rowgroup') }, h('tr', { role: role('row') }, head.map((c) => h('th', { scope: 'col', role: role('columnheader') }, c)))),
      h('tbody', { role: role('rowgroup') }, rows.map((r) => h('tr', { role: role('row') }, r.map((c, i) =>
        opts.stack ? h('td', { role: 'cell', 'data-label': head[i] ?? '' }, h('div', null, c)) : h('td', null, c))))),
    ));
}

export const text = (s: string | number | null | undefined) => document.createTextNode(s === null || s === undefined || s === '' ? '—' : String(s));

/** Dispatched on an `eventsList` element: it reads the newest events again (a change on the page added one). */
export const RELOAD_EVENTS = 'reload-events';

/** Security events, newest first, with "Show more" paging. */
export function eventsList(caption: string, load: (after: string | null) => Promise<Connection<SecurityEvent>>, opts: { showActor?: boolean } = {}): HTMLElement {
  const wrap = h('div', { class: 'events' });
  const msg = messageBox();
  const events: SecurityEvent[] = [];
  let after: string | null = null;
  // Drawing replaces the button: focus goes to the first row it added, not to <body>.
  const more: HTMLButtonElement = button('Show more', async () => {
    const shown = events.length;
    await busy(more, page);
    const row = wrap.querySelectorAll<HTMLElement>('tbody tr')[shown];
    if (row) {
      row.tabIndex = -1;
      row.focus();
    }
  }, { class: 'secondary' });
  const draw = () => {
    const head = ['When', 'Event', 'Details', ...(opts.showActor ? ['By'] : []), 'IP address'];
    const rows = events.map((e) => [
      h('time', { datetime: e.createdAt }, formatDate(e.createdAt)),
      text(eventLabel(e.type)),
      text(e.detail),
      ...(opts.showActor ? [text(e.actor?.email)] : []),
      text(e.ip),
    ]);
    replace(wrap, msg.el, events.length ? table(caption, head, rows, { hideCaption: true, stack: true }) : h('p', null, 'No events yet.'), after ? h('p', null, more) : null);
  };
  const page = async () => {
    try {
      const c = await load(after);
      events.push(...c.edges.map((e) => e.node));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      draw();
    } catch (e) {
      msg.error(describeError(e));
      replace(wrap, msg.el);
    }
  };
  void page();
  // The first page again; of reloads asked in quick succession only the last one draws.
  let reloads = 0;
  wrap.addEventListener(RELOAD_EVENTS, async () => {
    const mine = ++reloads;
    try {
      const c = await load(null);
      if (mine !== reloads) return;
      events.splice(0, events.length, ...c.edges.map((e) => e.node));
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      draw();
    } catch (e) {
      msg.error(describeError(e));
    }
  });
  return wrap;
}
