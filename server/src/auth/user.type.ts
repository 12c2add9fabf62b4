import { Field, ID, ObjectType } from 'type-graphql'
import { PageInfo } from '../common/pagination'
import { Person } from '../org/org.type'
import { Role } from './access'

@ObjectType({ description: 'A user account (账号). The password hash is never exposed.' })
export class User {
  @Field(() => ID, { description: 'Stable id.' })
  id: string

  @Field(() => String, { description: 'Login name.' })
  username: string

  @Field(() => [Role], { description: 'Roles held.' })
  roles: Role[]

  @Field(() => Boolean, { description: 'A disabled account cannot log in.' })
  disabled: boolean

  @Field(() => Person, { nullable: true, description: 'The person this account belongs to.' })
  person: Person | null
}

@ObjectType({ description: 'A page of user accounts.' })
export class UserPage {
  @Field(() => [User], { description: 'The accounts.' })
  items: User[]

  @Field(() => PageInfo, { description: 'Paging.' })
  pageInfo: PageInfo
}

@ObjectType({ description: 'The signed-in user (我).' })
export class Viewer {
  @Field(() => ID, { description: 'User id.' })
  id: string

  @Field(() => String, { description: 'Login name.' })
  username: string

  @Field(() => [Role], { description: 'Roles held; the web app shows the navigation for these.' })
  roles: Role[]

  @Field(() => Person, { nullable: true, description: 'The person behind the account.' })
  person: Person | null
}

@ObjectType({ description: 'A new session.' })
export class LoginResult {
  @Field(() => String, { description: 'Session token; also set as an HttpOnly cookie. Send as `Authorization: Bearer …` from non-browser clients.' })
  token: string

  @Field(() => String, { description: 'When the session ends (ISO 8601).' })
  expiresAt: string

  @Field(() => Viewer, { description: 'Who is signed in.' })
  viewer: Viewer
}
