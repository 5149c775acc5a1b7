import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from '../../users/dto/user.model';

@ObjectType('AuthSession')
export class AuthSessionModel {
  @Field() token: string;
  @Field() expiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}
