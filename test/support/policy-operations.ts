/**
 * Operations of the security policy and its enforcement (API.md Part 2, "2FA policy"), typed by
 * `npm run codegen` like ./operations.ts.
 */
import { typed } from './gql';
import { graphql } from './generated';

export const POLICY = typed(graphql(`
  query SecurityPolicy {
    securityPolicy {
      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor
      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }
    }
  }
`));
export const UPDATE_POLICY = typed(graphql(`
  mutation UpdateSecurityPolicy($input: SecurityPolicyInput!) {
    updateSecurityPolicy(input: $input) {
      requireTwoFactor gracePeriodDays allowedMethods phishingResistantFor
      sessionIdleMinutes sessionMaxHours trustedDeviceDays updatedAt updatedBy { id email }
    }
  }
`));
export const POLICY_LOGIN = typed(graphql(`
  mutation PolicyLogin($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      __typename
      ... on AuthSession { token enrollmentRequired user { id security { twoFactorRequired enrollmentDeadline } } }
      ... on TwoFactorChallenge { challengeToken methods }
    }
  }
`));
export const POLICY_VERIFY = typed(graphql(`
  mutation PolicyVerify($challengeToken: String!, $method: TwoFactorMethod!, $code: String!) {
    verifyCode(challengeToken: $challengeToken, method: $method, code: $code) { token enrollmentRequired }
  }
`));
export const MY_ENROLLMENT = typed(graphql(`
  query MyEnrollment { me { id security { twoFactorRequired enrollmentDeadline twoFactorEnabled email { enabled } totp { enabled } } } }
`));
export const COMPLIANCE_USERS = typed(graphql(`
  query ComplianceUsers($status: UserStatus, $twoFactorCompliant: Boolean, $search: String, $first: Int) {
    users(status: $status, twoFactorCompliant: $twoFactorCompliant, search: $search, first: $first) {
      totalCount
      edges { node { id email status security { twoFactorRequired enrollmentDeadline } } }
    }
  }
`));
export const POLICY_OVERVIEW = typed(graphql(`
  query PolicyOverview { securityOverview { users nonCompliant inGracePeriod deactivated invited } }
`));
export const POLICY_IMPACT = typed(graphql(`
  query SecurityPolicyImpact($input: SecurityPolicyInput!) { securityPolicyImpact(input: $input) { nonCompliant restrictedAtOnce deadline } }
`));
