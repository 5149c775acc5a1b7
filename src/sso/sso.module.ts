import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthModule } from '../auth/auth.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { UsersModule } from '../users/users.module';
import { OidcDiscovery } from './oidc/oidc-discovery';
import { OutboundPolicy } from './oidc/outbound-policy';
import { SsoFlowsService } from './oidc/sso-flows.service';
import { SsoStrategies } from './oidc/sso-strategies';
import { SsoBrowserBinding } from './sso-browser-binding';
import { SsoCallbackController } from './sso-callback.controller';
import { SsoFlowEntity } from './sso-flow.entity';
import { SsoIdentitiesService } from './sso-identities.service';
import { SsoIdentityEntity } from './sso-identity.entity';
import { SsoProviderEntity } from './sso-provider.entity';
import { SsoProvidersService } from './sso-providers.service';
import { SsoTicketEntity } from './sso-ticket.entity';
import { SsoTicketsService } from './sso-tickets.service';
import { ssoConfig } from './sso.config';
import { SsoPurge } from './sso.purge';
import { SsoResolver } from './sso.resolver';
import { SsoService } from './sso.service';

/**
 * Single sign-on (OpenID Connect, authorization-code flow): providers configured at run time,
 * one passport strategy per provider, identity links, the browser callback. Finished sign-ins
 * are handed to auth (`completeFirstFactor`).
 */
@Module({
  imports: [
    ConfigModule.forFeature(ssoConfig),
    TypeOrmModule.forFeature([SsoProviderEntity, SsoIdentityEntity, SsoFlowEntity, SsoTicketEntity]),
    AuthModule,
    UsersModule,
    SecurityEventsModule,
  ],
  providers: [
    SsoService,
    SsoProvidersService,
    SsoIdentitiesService,
    SsoTicketsService,
    SsoFlowsService,
    SsoStrategies,
    OidcDiscovery,
    OutboundPolicy,
    SsoBrowserBinding,
    SsoResolver,
    SsoPurge,
  ],
  controllers: [SsoCallbackController],
  exports: [SsoService, SsoIdentitiesService, SsoProvidersService],
})
export class SsoModule {}
