import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { rootLogger } from './root-logger';

/**
 * nestjs-pino as the Nest logger (JSON lines, request-scoped: a log written while serving a
 * request carries its `reqId`). The HTTP access-log middleware itself is registered by
 * `createApp` ahead of the body parsers, so that refused bodies are logged too, and so is the
 * binding of each request's logger for the code that runs inside it (`bindRequestLogger`, after
 * the body parsers): nestjs-pino's own binding middleware is not applied (`forRoutes: []`), since
 * it would make the request's child logger at once (see `RequestLogScope`) and, as a Nest route
 * middleware on `{*splat}`, match and decode a path parameter on every request.
 */
@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: { logger: rootLogger() },
      useExisting: true,
      forRoutes: [], // the binding is `bindRequestLogger`, registered by createApp
    }),
  ],
})
export class LoggingModule {}
