import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor';
import { UsersModule } from '../users/users.module';
import { EnrollmentService } from './enrollment.service';
import { SecurityPolicyEntity } from './security-policy.entity';
import { SecurityPolicyResolver } from './security-policy.resolver';
import { SecurityPolicyService } from './security-policy.service';

/**
 * The security policy and what it means for an account. Global: the guard, sign-in, the settings
 * page, the admin list and User.security all consult it, and it sits below all of them.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SecurityPolicyEntity]), UsersModule, TwoFactorModule, SecurityEventsModule],
  providers: [SecurityPolicyService, EnrollmentService, SecurityPolicyResolver],
  exports: [SecurityPolicyService, EnrollmentService],
})
export class SecurityPolicyModule {}
