import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class TrustedDeviceIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(36, { message: 'id is not valid' })
  id: string;
}
