import type { GraphQLResolveInfo } from 'graphql'
import type { Context, SessionUser } from '../context'
import type { Person } from '../org/org.type'
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql'
import { AppError, ErrorCode, forbidden, unauthenticated } from '../common/errors'
import { decodeCursor, PageArgs, pageInfo } from '../common/pagination'
import { selectedFields } from '../common/selection'
import { Access, Role } from './access'
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password'
import { clearSessionCookie, issueToken, setSessionCookie } from './session'
import { CreateUserInput } from './user.input'
import { createUser, findLoginRecord, findViewer, listUsers, revokeSession, updateUser } from './user.repository'
import { LoginResult, User, UserPage, Viewer } from './user.type'

const BAD_LOGIN = '用户名或密码错误，请重新输入 (wrong username or password).'

/**
 * The viewer as the session states it, for a query that asks for nothing stored: the person carries
 * only its id (what the viewer's field resolvers use); `roles` and `person` are never served from it.
 */
function viewerFromSession(user: SessionUser): Viewer {
  return { id: user.id, username: user.username, roles: user.roles, person: user.personId ? { id: user.personId } as Person : null }
}

@Resolver()
export class AuthResolver {
  @Access('PUBLIC')
  @Mutation(() => LoginResult, { description: 'Signs in (登录). Sets the session cookie and returns the token. Repeated failures from one address are slowed, progressively (see README “Security”); too many sign-ins at once are refused with RATE_LIMITED.' })
  async login(
    @Arg('username', () => String, { description: 'Login name.' }) username: string,
    @Arg('password', () => String, { description: 'Password.' }) password: string,
    @Ctx() ctx: Context,
  ): Promise<LoginResult> {
    const { throttle, hashes, key, secureCookies } = ctx.auth
    const address = ctx.clientIp()
    // Counted before the slow hash, so a burst sent at once is counted attempt by attempt.
    const wait = throttle.attempt(username, address)
    if (wait > 0)
      throw new AppError(ErrorCode.RATE_LIMITED, `登录失败次数过多，请 ${Math.ceil(wait / 1000)} 秒后再试 (too many failed logins: try again in ${Math.ceil(wait / 1000)} s).`, { retryAfterSeconds: Math.ceil(wait / 1000) })
    const record = username.length <= 64 ? await findLoginRecord(ctx.db, username) : null
    const ok = await hashes.run(() => verifyPassword(record?.passwordHash ?? null, password))
    if (!record || !ok || record.session.disabled)
      throw new AppError(ErrorCode.UNAUTHENTICATED, BAD_LOGIN)
    throttle.succeed(username, address)
    ctx.auth.sessions.remember(record.user.id, record.session)
    const { token, expiresAt } = await issueToken(record.user, key, ctx.config.SESSION_TTL_MINUTES, record.session.version)
    setSessionCookie(ctx.res, token, expiresAt, secureCookies)
    const viewer = await findViewer(ctx.db, record.user.id)
    return { token, expiresAt: expiresAt.toISOString(), viewer: viewer! }
  }

  @Access('PUBLIC')
  @Mutation(() => Boolean, { description: 'Signs out (退出): ends this session (its token is refused from the next request on, on every instance) and clears the session cookie. Always true.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    if (ctx.user) {
      // A token lives at most SESSION_TTL_MINUTES, so its revocation need not be kept longer.
      const state = await revokeSession(ctx.db, ctx.user, Date.now() / 1000 + ctx.config.SESSION_TTL_MINUTES * 60)
      ctx.auth.sessions.remember(ctx.user.id, state)
    }
    clearSessionCookie(ctx.res, ctx.auth.secureCookies)
    return true
  }

  @Access('PUBLIC')
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user, or null without a valid session.' })
  async me(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Viewer | null> {
    if (!ctx.user)
      return null
    // Only roles and the person are read from the account; a query that asks for neither (e.g.
    // `me { progress }`) is answered from the session, and its other fields cost one round trip.
    const fields = selectedFields(info)
    if (!fields.has('roles') && !fields.has('person'))
      return viewerFromSession(ctx.user)
    return findViewer(ctx.db, ctx.user.id)
  }

  @Access('SIGNED_IN')
  @Mutation(() => Boolean, { description: 'Changes the signed-in user’s own password (修改密码). Ends the user’s other sessions; this one continues with a new session cookie (a bearer-token client logs in again).' })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The current password.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password (≥ 10 characters with letters and digits).' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    if (!ctx.user)
      throw unauthenticated()
    const user = ctx.user
    const record = await findLoginRecord(ctx.db, user.username)
    if (!record || !(await ctx.auth.hashes.run(() => verifyPassword(record.passwordHash, currentPassword))))
      throw new AppError(ErrorCode.BAD_USER_INPUT, '当前密码不正确 (current password is wrong).', { field: 'currentPassword' })
    checkPasswordPolicy(newPassword)
    await updateUser(ctx.db, user, user.id, 'changePassword', { passwordHash: await hashPassword(newPassword) })
    ctx.auth.sessions.forget(user.id)
    const fresh = await findLoginRecord(ctx.db, user.username)
    if (fresh) {
      ctx.auth.sessions.remember(fresh.user.id, fresh.session)
      const { token, expiresAt } = await issueToken(fresh.user, ctx.auth.key, ctx.config.SESSION_TTL_MINUTES, fresh.session.version)
      setSessionCookie(ctx.res, token, expiresAt, ctx.auth.secureCookies)
    }
    return true
  }

  @Access([Role.ADMIN])
  @Query(() => UserPage, { description: 'All user accounts (admins).' })
  async users(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() { db }: Context): Promise<UserPage> {
    const skip = decodeCursor(after)
    const { total, items } = await listUsers(db, skip, first)
    return { items, pageInfo: pageInfo(skip, items.length, total) }
  }

  @Access([Role.ADMIN])
  @Mutation(() => User, { description: 'Creates a user account and its person (admins).' })
  async createUser(@Arg('input', () => CreateUserInput, { description: 'The new account.' }) input: CreateUserInput, @Ctx() ctx: Context): Promise<User> {
    checkPasswordPolicy(input.password)
    return createUser(ctx.db, ctx.user, {
      username: input.username,
      passwordHash: await hashPassword(input.password),
      name: input.name,
      roles: [...new Set(input.roles)],
      category: input.category,
      organizationId: input.organizationId ?? null,
    })
  }

  @Access([Role.ADMIN])
  @Mutation(() => User, { description: 'Replaces a user’s roles (admins). Ends the user’s sessions: the new roles apply from their next login.' })
  async setUserRoles(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('roles', () => [Role], { description: 'The roles it should hold (at least one).' }) roles: Role[],
    @Ctx() ctx: Context,
  ): Promise<User> {
    if (roles.length === 0)
      throw new AppError(ErrorCode.BAD_USER_INPUT, '至少保留一个角色 (keep at least one role); disable the account instead.', { field: 'roles' })
    if (userId === ctx.user?.id && !roles.includes(Role.ADMIN))
      throw forbidden('不能移除自己的管理员角色 (you cannot remove your own ADMIN role): ask another admin.')
    return this.endingSessions(ctx, userId, updateUser(ctx.db, ctx.user!, userId, 'setUserRoles', { roles: [...new Set(roles)] }))
  }

  @Access([Role.ADMIN])
  @Mutation(() => User, { description: 'Sets a new password for a user (admins). Ends the user’s sessions.' })
  async resetPassword(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('newPassword', () => String, { description: 'The new password (≥ 10 characters with letters and digits).' }) newPassword: string,
    @Ctx() ctx: Context,
  ): Promise<User> {
    checkPasswordPolicy(newPassword)
    return this.endingSessions(ctx, userId, updateUser(ctx.db, ctx.user!, userId, 'resetPassword', { passwordHash: await hashPassword(newPassword) }))
  }

  @Access([Role.ADMIN])
  @Mutation(() => User, { description: 'Disables or re-enables an account (admins). A disabled account cannot log in, and its sessions end.' })
  async setUserDisabled(
    @Arg('userId', () => ID, { description: 'The account.' }) userId: string,
    @Arg('disabled', () => Boolean, { description: 'True to disable.' }) disabled: boolean,
    @Ctx() ctx: Context,
  ): Promise<User> {
    if (userId === ctx.user?.id && disabled)
      throw forbidden('不能停用自己的账号 (you cannot disable your own account).')
    return this.endingSessions(ctx, userId, updateUser(ctx.db, ctx.user!, userId, 'setUserDisabled', { disabled }))
  }

  /**
   * An account change has raised the user's session version (updateUser): this instance forgets the
   * state it cached, so the user's next request here reads the new one; other instances see it within
   * SESSION_STATE_TTL_MS.
   */
  private async endingSessions(ctx: Context, userId: string, change: Promise<User>): Promise<User> {
    try {
      return await change
    }
    finally {
      ctx.auth.sessions.forget(userId)
    }
  }
}
