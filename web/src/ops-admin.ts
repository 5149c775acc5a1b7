/**
 * Operations of the admin console's recovery (issue 15): what a two-factor reset would remove,
 * read when its confirmation opens, so the dialog names the person and lists exactly that.
 */
import { graphql } from './gql';

export const RESET_PREVIEW = graphql(`
  query ResetPreview($id: ID!) {
    user(id: $id) { ...UserFields security { ssoConnections { ...SsoConnectionFields } } }
    userSessions(userId: $id) { id }
  }
`);
