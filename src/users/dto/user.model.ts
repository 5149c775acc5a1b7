import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '../role.enum';
import { UserStatus } from '../user-status.enum';
import { UserEntity } from '../user.entity';

registerEnumType(Role, { name: 'Role' });
registerEnumType(UserStatus, { name: 'UserStatus' });

/** What a client may see of a user; `security` is resolved by the account-security module. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Role) role: Role;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field(() => UserStatus) status: UserStatus;

  static from(user: UserEntity): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      createdAt: user.createdAt,
      lastLoginAt: user.lastLoginAt,
      status: user.status,
    });
  }
}
