import type { GraphQLSchema } from 'graphql'
import type { NonEmptyArray, PubSub } from 'type-graphql'
import { lexicographicSortSchema, printSchema } from 'graphql'
import { buildSchema } from 'type-graphql'
import { AttemptResolver, ViewerAttemptResolver } from '../attempt/attempt.resolver'
import { AuditResolver } from '../audit/audit.resolver'
import { authChecker } from '../auth/access'
import { AuthResolver } from '../auth/auth.resolver'
import { DecisionResolver } from '../decision/decision.resolver'
import { HealthResolver } from '../health/health.resolver'
import { LawResolver } from '../law/law.resolver'
import { LiveResolver } from '../live/live.resolver'
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
  LiveResolver,
]

/**
 * type-graphql insists on a pubSub once there is a subscription, but ours (`liveRunUpdated`) streams
 * through its own `subscribe` from the context's LiveHub: each server has its own bus (in-process or
 * Redis) and clock, and a new subscriber first gets the room as it is. Topic-based subscriptions are not
 * used, so this one refuses plainly should anyone add one.
 */
const noTopicPubSub: PubSub = {
  publish: () => {
    throw new Error('Topic subscriptions are not used: publish through the context\'s LiveHub (server/src/live/liveHub.ts).')
  },
  subscribe: () => {
    throw new Error('Topic subscriptions are not used: give @Subscription a `subscribe` that streams from the context\'s LiveHub.')
  },
}

/** Builds the executable schema: resolvers, the role checks and class-validator input validation. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    pubSub: noTopicPubSub,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  })
}

/** The SDL committed as server/schema.graphql (sorted, so a diff shows only real changes). */
export function printAppSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`
}
