import { plainAddress } from '../common/net/client-address';
import { SecurityEventType } from './security-event-type';

/** Events whose detail names an SSO provider as `<display name> (<provider id>)`. */
const NAMES_A_PROVIDER = new Set<string>([
  SecurityEventType.SSO_LINKED,
  SecurityEventType.SSO_UNLINKED,
  SecurityEventType.SSO_LOGIN,
  SecurityEventType.ADMIN_SSO_UNLINK,
  SecurityEventType.SSO_PROVIDER_CONFIGURED,
  SecurityEventType.SSO_PROVIDER_REMOVED,
]);

/** The provider id the SSO module writes after the provider's name (a UUID in parentheses). */
const PROVIDER_ID = / \([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\)/i;

/**
 * An event's detail as people read it. The trail keeps the provider's id after its name (stable
 * when the provider is renamed or removed, for whoever reads the table), but an activity list
 * shows the name only: "Google", not "Google (6f1c…)". Only the first id is dropped, the one
 * right after the name: an id inside an admin's reason stays as typed.
 */
export function readableDetail(type: string, detail: string | null): string | null {
  if (!detail || !NAMES_A_PROVIDER.has(type)) return detail;
  return detail.replace(PROVIDER_ID, '');
}

/**
 * A stored event as every reader gets it: the detail readable, the address plain (rows written
 * before addresses were stored plain may hold `::ffff:203.0.113.5`).
 */
export function readableEvent<E extends { type: string; detail: string | null; ip: string | null }>(event: E): E {
  return { ...event, detail: readableDetail(event.type, event.detail), ip: plainAddress(event.ip) };
}
