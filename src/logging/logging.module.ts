import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { rootLogger } from './root-logger';

/**
 * nestjs-pino as the Nest logger (JSON lines, request-scoped: a log written while serving a
 * request carries its `reqId`). The HTTP access-log middleware itself is registered by
 * `createApp` ahead of the body parsers (`useExisting`), so that refused bodies are logged too;
 * this module binds each request's logger for the code that runs inside it.
 */
@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: { logger: rootLogger() },
      useExisting: true,
      forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    }),
  ],
})
export class LoggingModule {}
