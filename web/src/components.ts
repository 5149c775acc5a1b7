import { button, formatDate, h, messageBox, replace } from './dom';
import { describeError, eventLabel } from './messages';
import type { Connection, SecurityEvent } from './ops';

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function table(caption: string, head: string[], rows: Node[][], opts: { hideCaption?: boolean } = {}): HTMLElement {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: 0 },
    h('table', null,
      h('caption', { class: opts.hideCaption ? 'visually-hidden' : null }, caption),
      h('thead', null, h('tr', null, head.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, c))))),
    ));
}

export const text = (s: string | number | null | undefined) => document.createTextNode(s === null || s === undefined || s === '' ? '—' : String(s));

/** Security events, newest first, with "Show more" paging. */
export function eventsList(caption: string, load: (after: string | null) => Promise<Connection<SecurityEvent>>, opts: { showActor?: boolean } = {}): HTMLElement {
  const wrap = h('div', { class: 'events' });
  const msg = messageBox();
  const events: SecurityEvent[] = [];
  let after: string | null = null;
  const more = button('Show more', () => void page(), { class: 'secondary' });
  const draw = () => {
    const head = ['When', 'Event', 'Details', ...(opts.showActor ? ['By'] : []), 'IP address'];
    const rows = events.map((e) => [
      h('time', { datetime: e.createdAt }, formatDate(e.createdAt)),
      text(eventLabel(e.type)),
      text(e.detail),
      ...(opts.showActor ? [text(e.actor?.email)] : []),
      text(e.ip),
    ]);
    replace(wrap, msg.el, events.length ? table(caption, head, rows, { hideCaption: true }) : h('p', null, 'No events yet.'), after ? h('p', null, more) : null);
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
  return wrap;
}
