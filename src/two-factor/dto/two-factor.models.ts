import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/dto/user.model';

@ObjectType('CodeDelivery')
export class CodeDeliveryModel {
  @Field({ description: 'masked: j***@example.com' }) sentTo: string;
  @Field() expiresAt: Date;
  @Field({ description: 'when another code may be sent (one mail per 30 s per account); a code asked for earlier answers TOO_MANY_ATTEMPTS with retryAfterSeconds' })
  resendAvailableAt: Date;
}

@ObjectType('TotpEnrollment')
export class TotpEnrollmentModel {
  @Field() secret: string;
  @Field() otpauthUrl: string;
  @Field({ description: 'data:image/png;base64 QR code of otpauthUrl' }) qrCodeDataUrl: string;
}

@ObjectType('TwoFactorEnabled')
export class TwoFactorEnabledModel {
  @Field(() => UserModel) user: UserModel;
  @Field(() => [String], { nullable: true, description: 'the 10 new codes when this call generated them, else null' })
  backupCodes: string[] | null;
}
