import { LoginArgs } from '../../auth/login/dto/login.args';
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

/** The login page's email + password, plus the ticket of the SSO round trip. */
@ArgsType()
export class BindSsoAccountArgs extends LoginArgs {
  @Field()
  @IsString()
  @MaxLength(128)
  ticket: string;
}
