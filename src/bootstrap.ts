import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { validateEnv } from './config/env.validation';

/**
 * Builds the HTTP app (shared by main.ts and the e2e tests, so tests exercise exactly what runs).
 * Body size is capped at 100 kB; a larger or malformed body gets a clean JSON 4xx.
 */
export async function createApp(options: { logger?: false | ('log' | 'error' | 'warn')[] } = {}): Promise<INestApplication> {
  // Validated here rather than at import time, so every boot (tests included) checks its env.
  validateEnv(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    abortOnError: false,
    bodyParser: false,
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  app.set('trust proxy', 'loopback');
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
    const message = err.type === 'entity.too.large' ? 'Request body too large' : 'Malformed request body';
    res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });
  app.enableShutdownHooks();
  return app;
}

export const bootLogger = new Logger('Bootstrap');
