/** The two-factor module's GraphQL types, for resolvers of other modules. */
export { CodeDeliveryModel, TotpEnrollmentModel, TwoFactorEnabledModel } from './dto/two-factor.models';
