import type { GraphQLSchema } from 'graphql'
import type { NonEmptyArray } from 'type-graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import { buildSchema } from 'type-graphql'
import { AttemptResolver, ViewerAttemptResolver } from '../attempt/attempt.resolver'
import { AuditResolver } from '../audit/audit.resolver'
import { authChecker } from '../auth/access'
import { AuthResolver } from '../auth/auth.resolver'
import { DecisionResolver } from '../decision/decision.resolver'
import { HealthResolver } from '../health/health.resolver'
import { LawResolver } from '../law/law.resolver'
import { QuestionResolver } from '../quiz/question.resolver'
import { QuizResolver } from '../quiz/quiz.resolver'
import { ReportResolver } from '../report/report.resolver'
import { ReviewResolver, ViewerReviewResolver } from '../review/review.resolver'
import { StudyResolver, ViewerStudyResolver } from '../study/study.resolver'

/** Every resolver of the API; a feature adds its resolver here. */
// eslint-disable-next-line ts/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  HealthResolver,
  AuthResolver,
  AuditResolver,
  LawResolver,
  DecisionResolver,
  QuestionResolver,
  QuizResolver,
  StudyResolver,
  ViewerStudyResolver,
  AttemptResolver,
  ViewerAttemptResolver,
  ReviewResolver,
  ViewerReviewResolver,
  ReportResolver,
]

/** Builds the executable schema: resolvers, the role checks and class-validator input validation. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  })
}

/** The SDL committed as server/schema.graphql (sorted, so a diff shows only real changes). */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
