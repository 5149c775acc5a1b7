/* eslint-disable no-console */
/**
 * The production build (dist/, NODE_ENV=production, env from bench/run.ts) with its per-request
 * pipeline open to measurement: bench/run.ts switches single stages off and on again over IPC
 * while it loads the app, so each stage's cost is the difference between runs of the same
 * process, interleaved, with nothing in the app itself to switch (no knob ships in the service).
 *
 *   helmet      the security headers middleware
 *   accessLog   the access log (src/logging/http-logger.ts) and the per-request logger binding
 *   logLevel    the root logger's level ('info' is the production default: one line per request)
 *   queryCheck  the pre-Apollo GraphQL request guard (static query limits, variables' Unicode)
 *   throttler   the global per-IP request limit (a guard: runs for resolvers, so not for `{ __typename }`)
 *
 * A stage switched off is replaced by a pass-through in the router's stack (or a guard answering
 * true), so the order and the rest of the pipeline stay as they are.
 */
import { join } from 'node:path';

type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => unknown;
interface Layer {
  name: string;
  handle: Handler;
  route?: { path?: string };
}
export interface PipelineSwitches {
  helmet?: boolean;
  accessLog?: boolean;
  queryCheck?: boolean;
  throttler?: boolean;
  logLevel?: string;
}
export type PipelineMessage = { set: PipelineSwitches } | { stop: true };

const dist = join(__dirname, '..', 'dist', 'src');
const passThrough: Handler = (_req, _res, next) => next();

async function main() {
  const { createApp } = require(join(dist, 'bootstrap.js'));
  const { RequestRateGuard } = require(join(dist, 'rate-limit', 'request-rate.guard.js'));
  const { rootLogger } = require(join(dist, 'logging', 'root-logger.js'));
  const app = await createApp();
  await app.init();
  const express = app.getHttpAdapter().getInstance();
  const stack: Layer[] = (express.router ?? express._router).stack;

  const find = (what: string, test: (l: Layer) => boolean): Layer[] => {
    const found = stack.filter(test);
    if (!found.length) throw new Error(`pipeline probe: no ${what} in the router's stack`);
    return found;
  };
  const stages: Record<'helmet' | 'accessLog' | 'queryCheck', Array<{ layer: Layer; handle: Handler }>> = {
    helmet: find('helmet', (l) => l.name === 'helmetMiddleware').map((layer) => ({ layer, handle: layer.handle })),
    // The access log, and the binding of the request's logger for nestjs-pino on every route.
    accessLog: [
      ...find('access log', (l) => l.name === 'accessLog'),
      ...find('logger binding', (l) => l.name === 'bindRequestLogger'),
    ].map((layer) => ({ layer, handle: layer.handle })),
    queryCheck: find('GraphQL request guard', (l) => l.name === 'graphqlRequestGuardMiddleware').map((layer) => ({ layer, handle: layer.handle })),
  };

  let throttlerOn = true;
  const canActivate = RequestRateGuard.prototype.canActivate;
  RequestRateGuard.prototype.canActivate = function (this: unknown, ...args: unknown[]) {
    return throttlerOn ? canActivate.apply(this, args) : Promise.resolve(true);
  };

  const set = (s: PipelineSwitches) => {
    for (const key of ['helmet', 'accessLog', 'queryCheck'] as const) {
      if (s[key] === undefined) continue;
      for (const stage of stages[key]) stage.layer.handle = s[key] ? stage.handle : passThrough;
    }
    if (s.throttler !== undefined) throttlerOn = s.throttler;
    if (s.logLevel) rootLogger().level = s.logLevel;
  };

  await app.listen(Number(process.env.PORT));
  process.on('message', async (m: PipelineMessage) => {
    if ('set' in m) {
      set(m.set);
      process.send!({ ok: true });
    } else {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ ready: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
