import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { AuthContext, CurrentAuth, Meta, RequestMeta, Roles } from '../common/auth/decorators';
import { UserModel } from '../users/dto/user.model';
import { Role } from '../users/role.enum';
import { SecurityPolicyInput } from './dto/security-policy.input';
import { SecurityPolicyImpactModel, SecurityPolicyModel } from './dto/security-policy.model';
import { EnrollmentService } from './enrollment.service';
import { SecurityPolicy } from './policy-rules';
import { SecurityPolicyService } from './security-policy.service';

/** The admin console's policy page. ADMIN only; the mutation also needs recent auth (the guard). */
@Roles(Role.ADMIN)
@Resolver()
export class SecurityPolicyResolver {
  constructor(
    private readonly policies: SecurityPolicyService,
    private readonly enrollment: EnrollmentService,
  ) {}

  @Query(() => SecurityPolicyModel)
  async securityPolicy(@Context('req') req: Request): Promise<SecurityPolicyModel> {
    return this.toModel(await this.policies.current(req));
  }

  @Query(() => SecurityPolicyImpactModel, { description: 'the consequence of saving this input, without saving it' })
  async securityPolicyImpact(@Args('input') input: SecurityPolicyInput, @Context('req') req: Request): Promise<SecurityPolicyImpactModel> {
    return this.enrollment.impactOf(await this.policies.preview(input, req));
  }

  @Mutation(() => SecurityPolicyModel)
  async updateSecurityPolicy(
    @Args('input') input: SecurityPolicyInput,
    @CurrentAuth() auth: AuthContext,
    @Meta() meta: RequestMeta,
    @Context('req') req: Request,
  ): Promise<SecurityPolicyModel> {
    return this.toModel(await this.policies.update(auth.userId, input, meta, req));
  }

  private async toModel(p: SecurityPolicy): Promise<SecurityPolicyModel> {
    const editor = await this.policies.editor(p);
    return Object.assign(new SecurityPolicyModel(), {
      requireTwoFactor: p.requireTwoFactor,
      gracePeriodDays: p.gracePeriodDays,
      allowedMethods: p.allowedMethods,
      phishingResistantFor: p.phishingResistantFor,
      sessionIdleMinutes: p.sessionIdleMinutes,
      sessionMaxHours: p.sessionMaxHours,
      trustedDeviceDays: p.trustedDeviceDays,
      updatedAt: p.updatedAt,
      updatedBy: editor ? UserModel.from(editor) : null,
    });
  }
}
