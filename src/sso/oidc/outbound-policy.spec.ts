import http from 'node:http';
import { AddressInfo, createServer, Server } from 'node:net';
import { NOT_PUBLIC, OutboundPolicy, PUBLIC_ONLY, publicOnlyLookup } from './outbound-policy';

const policy = (allowPrivateIssuers: boolean) => new OutboundPolicy({ allowPrivateIssuers } as never);

describe('OutboundPolicy', () => {
  let server: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('lenient (development, tests): https, or plain http on loopback', async () => {
    const p = policy(true);
    expect(p.strict).toBe(false);
    expect(await p.problem('http://127.0.0.1:4000', 'issuer')).toBeNull();
    expect(await p.problem('https://10.0.0.1', 'issuer')).toBeNull();
    expect(await p.problem('http://idp.example.com', 'issuer')).toMatch(/https/);
    expect(p.agentFor('https://idp.example.com')).toBeUndefined();
  });

  it('strict (production): https to public literal addresses only, with one message', async () => {
    const p = policy(false);
    const refused = ['https://169.254.169.254', 'http://127.1:6379', 'https://10.0.0.1', 'https://[::1]', 'http://93.184.215.14', 'https://0x7f.1', 'https://[::ffff:a9fe:a9fe]'];
    for (const url of refused) expect([url, p.shapeProblem(url, 'issuer')]).toEqual([url, `issuer ${PUBLIC_ONLY}`]);
    expect(p.shapeProblem('https://93.184.215.14/x', 'issuer')).toBeNull();
    expect(p.shapeProblem('https://user:pw@93.184.215.14', 'issuer')).toMatch(/credentials/);
  });

  it('strict: a name is resolved, and any non-public answer refuses it (no connection made)', async () => {
    const p = policy(false);
    expect(await p.problem(`https://localhost:${port}`, 'issuer')).toBe(`issuer ${PUBLIC_ONLY}`);
    expect(await p.problem('https://does-not-resolve.invalid', 'issuer')).toBe(`issuer ${PUBLIC_ONLY}`);
    expect(connections).toBe(0);
  });

  it('strict: the lookup that dials refuses loopback, so a name re-pointed after the check still cannot connect', async () => {
    const p = policy(false);
    // The agent's own lookup runs at connect time: this is the check that DNS rebinding meets.
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const req = http.get(`http://localhost:${port}/`, { agent: p.agentFor(`http://localhost:${port}`) }, () => resolve(new Error('connected') as never));
      req.on('error', resolve);
    });
    expect(err.code).toBe(NOT_PUBLIC);
    const both = await new Promise<{ err: NodeJS.ErrnoException | null }>((resolve) => publicOnlyLookup('localhost', { all: true }, (e) => resolve({ err: e })));
    expect(both.err?.code).toBe(NOT_PUBLIC);
    expect(connections).toBe(0);
  });

  it('strict: pin() refuses plain http and literal internal hosts (which Node dials without a lookup)', () => {
    const p = policy(false);
    expect(p.pin({ host: '127.0.0.1' }, 'https:')).toBeNull();
    expect(p.pin({ host: '127.1' }, 'https:')).toBeNull();
    expect(p.pin({ host: '::1' }, 'https:')).toBeNull();
    expect(p.pin({ host: 'idp.example.com' }, 'http:')).toBeNull();
    const pinned = p.pin({ host: 'idp.example.com' }, 'https:');
    expect((pinned as { agent?: unknown } | null)?.agent).toBe(p.agentFor('https://idp.example.com'));
    expect(policy(true).pin({ host: '127.0.0.1' }, 'http:')).toEqual({ host: '127.0.0.1' });
  });
});
