import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { plainAddress } from '../../../common/net/client-address';
import { SessionEntity } from '../session.entity';
import { SignInMethod } from '../sign-in-method';

registerEnumType(SignInMethod, { name: 'SignInMethod', description: 'How a session was opened' });

/** A session as its user (or an admin) sees it; never its token or token hash. */
@ObjectType('Session')
export class SessionModel {
  @Field(() => ID) id: string;
  @Field() createdAt: Date;
  @Field({ description: 'the last request, to the minute' }) lastSeenAt: Date;
  @Field() expiresAt: Date;
  @Field(() => String, { nullable: true }) ip: string | null;
  @Field(() => String, { nullable: true }) userAgent: string | null;
  @Field(() => String, { nullable: true }) browser: string | null;
  @Field(() => String, { nullable: true }) os: string | null;
  @Field(() => SignInMethod) signedInWith: SignInMethod;
  @Field({ description: 'the session this request was made with' }) current: boolean;

  static from(s: SessionEntity, currentSessionId: string | null): SessionModel {
    return Object.assign(new SessionModel(), {
      id: s.id,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt ?? s.createdAt,
      expiresAt: s.expiresAt,
      ip: plainAddress(s.ip), // a row from before addresses were stored plain may hold ::ffff:a.b.c.d
      userAgent: s.userAgent,
      browser: s.browser,
      os: s.os,
      signedInWith: s.signedInWith,
      current: s.id === currentSessionId,
    });
  }
}
