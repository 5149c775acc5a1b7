import { readableDetail, readableEvent } from './event-detail';

describe('readable event details', () => {
  const id = '6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b';

  it('shows the provider by name, without its id, in every SSO event', () => {
    expect(readableDetail('SSO_LINKED', `Google (${id})`)).toBe('Google');
    expect(readableDetail('SSO_LOGIN', `Contoso (Office 365) (${id})`)).toBe('Contoso (Office 365)');
    expect(readableDetail('SSO_UNLINKED', `Google (${id}); provider removed`)).toBe('Google; provider removed');
    expect(readableDetail('ADMIN_SSO_UNLINK', `Google (${id}): hijacked, see ${id.toUpperCase()}`)).toBe(`Google: hijacked, see ${id.toUpperCase()}`);
    expect(readableDetail('SSO_PROVIDER_CONFIGURED', `Google (${id}) created: GOOGLE, enabled`)).toBe('Google created: GOOGLE, enabled');
    expect(readableDetail('SSO_PROVIDER_REMOVED', `Google (${id}) removed with 2 linked accounts`)).toBe('Google removed with 2 linked accounts');
  });

  it('leaves other events and details without an id alone', () => {
    expect(readableDetail('ADMIN_2FA_RESET', `Lost phone (${id})`)).toBe(`Lost phone (${id})`);
    expect(readableDetail('SSO_LINKED', 'Google')).toBe('Google');
    expect(readableDetail('SSO_LINKED', null)).toBeNull();
  });

  it('shows an IPv4-mapped address of an old row as IPv4', () => {
    const e = { id: 'e1', type: 'LOGIN', detail: null, ip: '::ffff:203.0.113.5', userAgent: 'UA' };
    expect(readableEvent(e)).toEqual({ ...e, ip: '203.0.113.5' });
    expect(e.ip).toBe('::ffff:203.0.113.5'); // a copy: the row itself is untouched
  });
});
