import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { findWebDist } from './web-dist';
import { WebModule } from './web.module';

jest.mock('./web-dist', () => {
  const actual = jest.requireActual('./web-dist');
  return { ...actual, findWebDist: jest.fn(actual.findWebDist) };
});

describe('findWebDist', () => {
  it('finds <root>/web/dist from anywhere below the project root, built or not', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-dist-'));
    writeFileSync(join(root, 'package.json'), '{}');
    const deep = join(root, 'dist', 'src', 'web');
    mkdirSync(deep, { recursive: true });
    expect(findWebDist(deep)).toEqual({ dir: join(root, 'web', 'dist'), built: false });
    mkdirSync(join(root, 'web', 'dist'), { recursive: true });
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'web', 'dist', 'graphql.html'), '<!doctype html>');
    expect(findWebDist(deep).built).toBe(true);
  });
});

describe('WebModule without a web build', () => {
  it('logs a clear warning, boots, and serves no page', async () => {
    jest.mocked(findWebDist).mockReturnValueOnce({ dir: '/nowhere/web/dist', built: false });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const moduleRef = await Test.createTestingModule({ imports: [WebModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/web pages are not built .*npm run build:web/));
    await request(app.getHttpServer()).get('/settings').set('accept', 'text/html').expect(404);
    await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html').expect(404);
    await app.close();
    warn.mockRestore();
  });
});

describe('WebModule in an application context (npm run seed, the bench)', () => {
  it('boots with the pages built and no HTTP adapter, serving nothing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'web-ctx-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'graphql.html'), '<!doctype html>');
    jest.mocked(findWebDist).mockReturnValueOnce({ dir: root, built: true });
    const moduleRef = await Test.createTestingModule({ imports: [WebModule] }).compile();
    // Was: "Cannot read properties of null (reading 'getInstance')" once web/dist existed.
    await expect(moduleRef.init()).resolves.toBe(moduleRef);
    await moduleRef.close();
  });
});

describe('WebModule: the GraphQL IDE only outside production, the favicon always (issue 15)', () => {
  const built = () => {
    const root = mkdtempSync(join(tmpdir(), 'web-ide-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(root, 'graphql.html'), '<!doctype html><title>ide</title>');
    writeFileSync(join(root, 'assets', 'favicon-Ab12_cd.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    return root;
  };
  async function appWith(env: string | undefined) {
    const before = process.env.NODE_ENV;
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
    try {
      jest.mocked(findWebDist).mockReturnValueOnce({ dir: built(), built: true });
      const moduleRef = await Test.createTestingModule({ imports: [WebModule] }).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      await app.init();
      return app;
    } finally {
      process.env.NODE_ENV = before;
    }
  }

  it.each([['development'], ['test']])('NODE_ENV=%s: GET and HEAD /graphql as a page serve the IDE', async (env) => {
    const app = await appWith(env);
    const res = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html').expect(200);
    expect(res.text).toContain('<title>ide</title>');
    await request(app.getHttpServer()).head('/graphql').set('accept', 'text/html').expect(200);
    await app.close();
  });

  it('NODE_ENV=production: no IDE (404 for GET and HEAD, nor /graphql.html), the app pages still served', async () => {
    const app = await appWith('production');
    const res = await request(app.getHttpServer()).get('/graphql').set('accept', 'text/html').expect(404);
    expect(res.text).not.toContain('<title>ide</title>');
    await request(app.getHttpServer()).head('/graphql').set('accept', 'text/html').expect(404);
    await request(app.getHttpServer()).get('/graphql.html').set('accept', 'text/html').expect(404);
    expect((await request(app.getHttpServer()).get('/settings').set('accept', 'text/html').expect(200)).text).toContain('<title>app</title>');
    await app.close();
  });

  it('/favicon.ico answers with the built icon (was a 404)', async () => {
    const app = await appWith('production');
    const res = await request(app.getHttpServer()).get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    await app.close();
  });
});
