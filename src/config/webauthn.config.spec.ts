import { validateEnv } from './env.validation';
import { rpIdFits } from './webauthn.config';

describe('WebAuthn relying party id', () => {
  it('is the host of the pages or a parent domain of it, never a sibling, a suffix that is not a label, or an IP part', () => {
    expect(rpIdFits('localhost', 'localhost')).toBe(true);
    expect(rpIdFits('cx.example', 'agents.cx.example')).toBe(true);
    expect(rpIdFits('CX.example', 'agents.cx.EXAMPLE')).toBe(true);
    expect(rpIdFits('other.example', 'agents.cx.example')).toBe(false);
    expect(rpIdFits('x.example', 'agents.cx.example')).toBe(false); // "cx.example" ends with "x.example" but not at a label
    expect(rpIdFits('agents.cx.example', 'cx.example')).toBe(false); // a child of the host
    expect(rpIdFits('example', 'agents.cx.example')).toBe(false); // a public suffix alone
    expect(rpIdFits('0.1', '10.0.0.1')).toBe(false);
    expect(rpIdFits('10.0.0.1', '10.0.0.1')).toBe(true);
  });

  it('is checked at boot against WEB_APP_URL', () => {
    expect(() => validateEnv({ WEB_APP_URL: 'https://agents.cx.example', WEBAUTHN_RP_ID: 'cx.example' })).not.toThrow();
    expect(() => validateEnv({ WEB_APP_URL: 'https://agents.cx.example', WEBAUTHN_RP_ID: 'evil.example' })).toThrow(/WEBAUTHN_RP_ID must be the host of WEB_APP_URL \(agents\.cx\.example\)/);
    expect(() => validateEnv({ WEBAUTHN_RP_ID: 'https://cx.example/' })).toThrow(/WEBAUTHN_RP_ID must be a domain name/);
  });
});
