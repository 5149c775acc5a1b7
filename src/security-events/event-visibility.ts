import { Role } from '../users/role.enum';

/** Who is reading an event. */
export interface EventViewer {
  userId: string;
  role: string;
}

/**
 * An agent reads the events of their own account, but an event caused by someone else (an
 * admin's reset or unlock) must not hand the agent that person's address, browser, contact
 * details or habits: only who it was. Admins see everything.
 */
export function seesEventInFull(viewer: EventViewer | null | undefined, event: { actorId: string | null }): boolean {
  if (!event.actorId) return true;
  if (!viewer) return false;
  return viewer.role === Role.ADMIN || event.actorId === viewer.userId;
}

/** The event as `viewer` may read it: `ip` and `userAgent` blanked when they belong to someone else. */
export function eventFor<E extends { actorId: string | null; ip: string | null; userAgent: string | null }>(
  viewer: EventViewer | null | undefined,
  event: E,
): E {
  return seesEventInFull(viewer, event) ? event : { ...event, ip: null, userAgent: null };
}
