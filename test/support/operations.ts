/** Named GraphQL operations shared by the e2e tests. */
export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role } }
}`;
export const ME = `query Me { me { id email displayName role createdAt lastLoginAt } }`;
export const LOGOUT = `mutation Logout { logout }`;
export const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { id email displayName role createdAt }
}`;
export const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`;
