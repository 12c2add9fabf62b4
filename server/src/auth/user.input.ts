import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, Matches } from 'class-validator'
import { Field, ID, InputType } from 'type-graphql'
import { HasVisibleText } from '../common/visibleText'
import { PersonCategory } from '../org/org.type'
import { Role } from './access'

@InputType({ description: 'A new user account with its person.' })
export class CreateUserInput {
  @Field(() => String, { description: 'Login name: 3–32 letters, digits, dot, dash or underscore.' })
  @Matches(/^[\w.-]{3,32}$/, { message: '用户名须为 3–32 个字母、数字、点、横线或下划线 (username: 3–32 of a-z 0-9 . - _).' })
  username: string

  @Field(() => String, { description: 'Initial password (≥ 10 characters with letters and digits).' })
  password: string

  @Field(() => String, { description: 'The person’s name.' })
  @Length(1, 50, { message: '姓名须为 1–50 个字符 (name: 1–50 characters).' })
  @HasVisibleText(['姓名', 'name'])
  name: string

  @Field(() => [Role], { description: 'Roles to grant.' })
  @ArrayMinSize(1, { message: '至少选择一个角色 (choose at least one role).' })
  @ArrayMaxSize(4)
  roles: Role[]

  @Field(() => PersonCategory, { defaultValue: PersonCategory.GENERAL, description: 'Category of cadre.' })
  category: PersonCategory

  @Field(() => ID, { nullable: true, description: 'Organisation the person belongs to.' })
  @IsOptional()
  organizationId?: string | null
}
