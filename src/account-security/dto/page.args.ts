import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'first must be between 1 and 100' })
  @Max(100, { message: 'first must be between 1 and 100' })
  first: number = 50;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ArgsType()
export class SecurityEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'userId is not a valid id' })
  userId?: string | null;
}
