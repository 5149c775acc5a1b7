import { Inject, Logger, MiddlewareConsumer, Module, NestModule, OnModuleInit, RequestMethod } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { appConfig } from '../config/app.config';
import { findWebDist, PAGE_HEADERS } from './web-dist';

/** Paths that belong to the API, never to the pages (no SPA fallback there). */
const API_PATH = /^\/(graphql|auth|health)(\/|$)/;

/** What Apollo would treat as a browser navigation (its landing-page rule): HTML preferred over JSON. */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}

function sendPage(res: Response, file: string, next: NextFunction) {
  res.set(PAGE_HEADERS);
  res.sendFile(file, { dotfiles: 'deny' }, (err) => err && next(err));
}

/** The built favicon (Vite names it `assets/favicon-<hash>.svg`), or null. */
function findFavicon(dist: string): string | null {
  try {
    const name = readdirSync(join(dist, 'assets')).find((f) => /^favicon-[\w-]+\.svg$/.test(f));
    return name ? join(dist, 'assets', name) : null;
  } catch {
    return null;
  }
}

/**
 * Serves the web pages (the Vite build in web/dist) at `/`, with the SPA fallback (index.html
 * for unknown page paths), the favicon at /favicon.ico, and, outside production, the offline
 * GraphQL IDE for browser navigations to GET /graphql (with NODE_ENV=production such a
 * navigation is a 404 and the page's nav does not offer it: issue 15).
 * Apollo keeps answering every GraphQL request (GET or POST) that does not prefer HTML.
 *
 * Plain express.static instead of @nestjs/serve-static: the fallback here only answers HTML
 * navigations outside the API paths, and no global error handler is added (serve-static's turns
 * any error on its excluded paths into a 404).
 */
@Module({ imports: [ConfigModule.forFeature(appConfig)] })
export class WebModule implements NestModule, OnModuleInit {
  private readonly logger = new Logger('Web');
  private readonly dist = findWebDist();
  /** The GraphQL IDE is a development tool: not served with NODE_ENV=production. */
  private readonly ideServed: boolean;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(appConfig.KEY) app: ConfigType<typeof appConfig>,
  ) {
    this.ideServed = app.env !== 'production';
  }

  /** Runs before Apollo's middleware (module middleware is registered before onModuleInit). */
  configure(consumer: MiddlewareConsumer): void {
    const ide = join(this.dist.dir, 'graphql.html');
    consumer
      .apply((req: Request, res: Response, next: NextFunction) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !this.dist.built || !prefersHtml(req)) return next();
        if (this.ideServed) return sendPage(res, ide, next);
        res.set(PAGE_HEADERS).status(404).type('text/plain').send('The GraphQL IDE is not available here (it is a development tool).');
      })
      .forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  /**
   * Registered after the controllers' routes, so a controller always wins over a page. In an
   * application context (`NestFactory.createApplicationContext`: the seed, the bench's seeding)
   * there is no HTTP adapter and nothing to serve.
   */
  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http) return;
    if (!this.dist.built) {
      this.logger.warn(`The web pages are not built (${this.dist.dir} is missing): / and the GraphQL IDE are not served. Run "npm run build:web".`);
      return;
    }
    const app = http.getInstance<express.Express>();
    const index = join(this.dist.dir, 'index.html');
    const favicon = findFavicon(this.dist.dir);
    const assets = express.static(this.dist.dir, {
      index: false,
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders: (res, path) => {
        if (path.includes(`${join(this.dist.dir, 'assets')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        else if (path.endsWith('.html')) res.set(PAGE_HEADERS);
      },
    });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PATH.test(req.path)) return next();
      // Browsers and tools ask for /favicon.ico whatever the pages link: the same icon, not a 404.
      if (req.path === '/favicon.ico' && favicon) {
        res.set('Cache-Control', 'public, max-age=86400');
        return res.type('image/svg+xml').sendFile(favicon, (err) => err && next(err));
      }
      // The IDE's page only through GET /graphql (and so only where it is served).
      if (req.path === '/graphql.html') return next();
      assets(req, res, () => {
        if (req.path.startsWith('/assets/') || req.accepts(['json', 'html']) !== 'html') return next();
        sendPage(res, index, next);
      });
    });
  }
}
