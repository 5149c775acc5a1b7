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
