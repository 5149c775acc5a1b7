import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class CodeArgs {
  @Field()
  @IsString()
  @MaxLength(32, { message: 'code is too long' })
  code: string;
}
