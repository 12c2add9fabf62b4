import type { Context } from '../context'
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql'
import { Access, signedIn } from '../auth/access'
import { Viewer } from '../auth/user.type'
import { FirstArgs } from '../common/pagination'
import { countDueReviews, listDueReviews, reviewCard } from './review.repository'
import { ReviewCard, ReviewRating, ReviewResult } from './review.type'

/** Reviewing one's cards (复习). */
@Resolver()
export class ReviewResolver {
  @Access('SIGNED_IN')
  @Mutation(() => ReviewResult, { description: 'Rates one’s review card (复习) AGAIN/HARD/GOOD/EASY, reschedules it (FSRS) and returns the answer and explanation.' })
  review(
    @Arg('cardId', () => ID, { description: 'Card id from dueReviews.' }) cardId: string,
    @Arg('rating', () => ReviewRating, { description: 'How well it was remembered.' }) rating: ReviewRating,
    @Arg('answer', () => [String], { nullable: true, description: 'The answer the person gave before looking (optional): letters, TRUE/FALSE or texts per blank.' }) answer: string[] | null,
    @Ctx() ctx: Context,
  ): Promise<ReviewResult> {
    return reviewCard(ctx.db, signedIn(ctx), cardId, rating, answer, new Date())
  }
}

/** The due review cards of `me`. */
@Resolver(() => Viewer)
export class ViewerReviewResolver {
  @Access('SIGNED_IN')
  @FieldResolver(() => [ReviewCard], { description: 'My review cards due now, soonest first (questions without answers).' })
  dueReviews(@Root() viewer: Viewer, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context): Promise<ReviewCard[]> {
    if (!viewer.person)
      return Promise.resolve([])
    return listDueReviews(ctx.db, viewer.person.id, first, new Date())
  }

  @Access('SIGNED_IN')
  @FieldResolver(() => Int, { description: 'How many of my review cards are due now.' })
  dueReviewCount(@Root() viewer: Viewer, @Ctx() ctx: Context): Promise<number> {
    if (!viewer.person)
      return Promise.resolve(0)
    return countDueReviews(ctx.db, viewer.person.id, new Date())
  }
}
