import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(64, { message: 'id is not valid' })
  id: string;
}

@ArgsType()
export class SessionUserArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(64, { message: 'userId is not valid' })
  userId: string;
}
