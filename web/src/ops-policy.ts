/**
 * Operations of the security policy pages: the admin's policy page, the compliance filter and
 * counts of the console, and the signed-in user's enrolment state (banner, forced enrolment).
 */
import { graphql } from './gql';

export const SECURITY_POLICY = graphql(`
  query PolicyPage {
    securityPolicy {
      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor
      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }
    }
  }
`);
export const SAVE_SECURITY_POLICY = graphql(`
  mutation SaveSecurityPolicy($input: SecurityPolicyInput!) {
    updateSecurityPolicy(input: $input) {
      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor
      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { displayName email }
    }
  }
`);
export const POLICY_IMPACT = graphql(`
  query PolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }
`);
export const MY_ENROLLMENT = graphql(`
  query MyEnrollmentState { me { id security { twoFactorRequired enrollmentDeadline } } }
`);
export const CONSOLE_OVERVIEW = graphql(`
  query ConsoleOverview {
    securityOverview { users twoFactorEnabled emailEnabled totpEnabled webauthnEnabled lockedNow lowBackupCodes nonCompliant inGracePeriod deactivated invited }
  }
`);
export const CONSOLE_USERS = graphql(`
  query ConsoleUsers(
    $search: String, $twoFactorEnabled: Boolean, $method: EnabledMethodFilter, $locked: Boolean, $backupCodesRemainingAtMost: Int,
    $status: UserStatus, $twoFactorCompliant: Boolean, $first: Int, $after: String, $orderBy: UserOrder
  ) {
    users(
      search: $search, twoFactorEnabled: $twoFactorEnabled, method: $method, locked: $locked, backupCodesRemainingAtMost: $backupCodesRemainingAtMost,
      status: $status, twoFactorCompliant: $twoFactorCompliant, first: $first, after: $after, orderBy: $orderBy
    ) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...UserFields status security { twoFactorRequired enrollmentDeadline } } }
    }
  }
`);
