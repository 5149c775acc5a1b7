import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('BackupCode')
export class BackupCodeModel {
  @Field() code: string;
  @Field() used: boolean;
}
