import type { AuthChecker } from 'type-graphql'
import type { Context } from '../context'
import { Authorized, Extensions, registerEnumType } from 'type-graphql'
import { forbidden, unauthenticated } from '../common/errors'

/** What a user may do (DESIGN.md §1). A user may hold several. */
export enum Role {
  CADRE = 'CADRE',
  TRAINER = 'TRAINER',
  ADVISOR = 'ADVISOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A user role: CADRE 干部, TRAINER 培训管理员, ADVISOR 法律顾问, ADMIN 系统管理员.',
})

/** `PUBLIC`: anyone, signed in or not. `SIGNED_IN`: any signed-in user. Otherwise the roles listed. */
export type AccessRule = 'PUBLIC' | 'SIGNED_IN' | Role[]

/**
 * Declares who may use an operation or field. Every Query/Mutation field must carry one (a test
 * enumerates the schema and fails on a missing rule); the rule is kept in the field's extensions so
 * tests and tools can read it.
 */
export function Access(rule: AccessRule): MethodDecorator & PropertyDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    Extensions({ access: rule })(target, key, descriptor as never)
    if (rule === 'SIGNED_IN')
      Authorized()(target, key, descriptor as never)
    else if (rule !== 'PUBLIC')
      Authorized(...rule)(target, key, descriptor as never)
  }
}

/** type-graphql's check behind `@Authorized`: a session is required, and one of the roles if any. */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = context.user
  if (!user)
    throw unauthenticated()
  if (roles.length === 0 || roles.some(role => user.roles.includes(role)))
    return true
  throw forbidden(`没有权限 (forbidden): this needs one of the roles ${roles.join(', ')}.`)
}
