import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ArgsType()
export class ProviderIdArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  providerId: string;
}

@ArgsType()
export class RemoveSsoProviderArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(36)
  id: string;
}

@ArgsType()
export class TicketArgs {
  @Field()
  @IsString()
  @MaxLength(128)
  ticket: string;
}

@ArgsType()
export class BindSsoAccountArgs extends TicketArgs {
  @Field()
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email: string;

  @Field()
  @IsString()
  @MaxLength(128, { message: 'password must be at most 128 characters' })
  password: string;
}
