import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { Role } from '../../users/role.enum';
import { UserIdArgs } from './admin.args';

@ArgsType()
export class DeactivateUserArgs extends UserIdArgs {
  @Field()
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;
}

@ArgsType()
export class SetUserRoleArgs extends UserIdArgs {
  @Field(() => Role)
  @IsEnum(Role)
  role: Role;
}
