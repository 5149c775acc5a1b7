import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '../common/auth/decorators';
import { CreateUserInput } from './dto/create-user.input';
import { UserModel } from './dto/user.model';
import { Role } from './role.enum';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly users: UsersService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => UserModel)
  async createUser(@Args('input') input: CreateUserInput): Promise<UserModel> {
    return UserModel.from(await this.users.create(input));
  }
}
