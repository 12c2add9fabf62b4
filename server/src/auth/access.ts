import type { AuthChecker } from 'type-graphql'
import type { Context, SessionUser } from '../context'
import type { Role } from './role'
import { Authorized, Extensions } from 'type-graphql'
import { badInput, forbidden, unauthenticated } from '../common/errors'

// Role has its own file so that context.ts can name it without importing the checks (which import the context).
export { Role } from './role'

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

/** The person behind the account; studying (sessions, attempts, review) needs one. */
export function requirePerson(user: SessionUser): string {
  if (!user.personId)
    throw badInput('该账号未关联人员，无法参加学习 (this account has no person): ask an admin to link one.')
  return user.personId
}

/** The signed-in user of a request (behind `@Access('SIGNED_IN')` or a role rule, so never null there). */
export function signedIn(ctx: Context): SessionUser {
  if (!ctx.user)
    throw unauthenticated()
  return ctx.user
}
