/** The kinds of API.md's `SsoProviderKind`; plain TypeScript so that entities need no GraphQL. */
export enum SsoProviderKind {
  GOOGLE = 'GOOGLE',
  OFFICE365 = 'OFFICE365',
  OIDC = 'OIDC',
}
