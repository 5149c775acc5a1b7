import { Role } from '../users/role.enum';
import { eventFor, seesEventInFull } from './event-visibility';

describe('event visibility', () => {
  const agent = { userId: 'agent-1', role: Role.AGENT };
  const admin = { userId: 'admin-1', role: Role.ADMIN };
  const own = { actorId: null, ip: '198.51.100.7', userAgent: 'Agent Browser' };
  const selfActed = { actorId: 'agent-1', ip: '198.51.100.7', userAgent: 'Agent Browser' };
  const byAdmin = { actorId: 'admin-1', ip: '203.0.113.9', userAgent: 'Admin Browser' };

  it('an agent sees in full what they caused, and only the identity of someone else who acted', () => {
    expect(seesEventInFull(agent, own)).toBe(true);
    expect(seesEventInFull(agent, selfActed)).toBe(true);
    expect(seesEventInFull(agent, byAdmin)).toBe(false);
    expect(eventFor(agent, own)).toBe(own);
    expect(eventFor(agent, byAdmin)).toEqual({ actorId: 'admin-1', ip: null, userAgent: null });
    expect(byAdmin.ip).toBe('203.0.113.9'); // the row itself is untouched
  });

  it('an admin sees everything; nobody (no viewer) sees someone else\'s details', () => {
    expect(seesEventInFull(admin, byAdmin)).toBe(true);
    expect(seesEventInFull({ userId: 'admin-2', role: Role.ADMIN }, byAdmin)).toBe(true);
    expect(eventFor(admin, byAdmin)).toBe(byAdmin);
    expect(seesEventInFull(null, byAdmin)).toBe(false);
    expect(seesEventInFull(undefined, own)).toBe(true);
  });
});
