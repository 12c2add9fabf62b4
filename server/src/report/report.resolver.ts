import type { Context } from '../context'
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql'
import { Access, Role } from '../auth/access'
import { badInput, unauthenticated } from '../common/errors'
import { shanghaiYear } from '../common/time'
import { quizStatistics, unitStudyStats } from './report.repository'
import { QuizStatistics, UnitStudyStats } from './report.type'

const TRAINERS = [Role.TRAINER, Role.ADMIN]

@Resolver()
export class ReportResolver {
  @Access(TRAINERS)
  @Query(() => QuizStatistics, { description: '学习统计: a quiz’s results and item analysis (facility, discrimination) over the submitted attempts of the people one trains (everyone, for admins).' })
  quizStatistics(@Arg('quizId', () => ID, { description: 'The quiz.' }) quizId: string, @Ctx() ctx: Context): Promise<QuizStatistics> {
    if (!ctx.user)
      throw unauthenticated()
    return quizStatistics(ctx.db, ctx.user, quizId)
  }

  @Access(TRAINERS)
  @Query(() => [UnitStudyStats], { description: '学习统计: each organisation one trains (every one, for admins) in a year — members meeting the 会前学法 requirement, sessions and attendance, quiz results — furthest behind first.' })
  unitStudyStats(
    @Arg('year', () => Int, { nullable: true, description: 'The year; the current year (Asia/Shanghai) when omitted.' }) year: number | null,
    @Ctx() ctx: Context,
  ): Promise<UnitStudyStats[]> {
    if (!ctx.user)
      throw unauthenticated()
    const y = year ?? shanghaiYear(new Date())
    if (y < 2000 || y > 2100)
      throw badInput('年份须在 2000–2100 之间 (year: 2000–2100).', { field: 'year' })
    return unitStudyStats(ctx.db, ctx.user, y)
  }
}
