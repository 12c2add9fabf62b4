import type { AppPage } from '@/routes'

const EVERYONE = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN']
const TRAINERS = ['TRAINER', 'ADMIN']

export const pages: AppPage[] = [
  { path: '/my', name: 'my', label: 'nav.my', roles: ['CADRE'], nav: true, homeOf: ['CADRE'], order: 5, component: () => import('./StudyMyPage.vue') },
  { path: '/reviews', name: 'study-reviews', label: 'study.reviews.nav', roles: EVERYONE, nav: true, navRoles: ['CADRE'], order: 6, component: () => import('./StudyReviewsPage.vue') },
  { path: '/sessions', name: 'study-sessions', label: 'study.nav', roles: TRAINERS, nav: true, order: 46, component: () => import('./StudyTrainerSessionsPage.vue') },
  { path: '/sessions/:id', name: 'study-session', label: 'study.session.title', roles: EVERYONE, nav: false, order: 47, component: () => import('./StudySessionPage.vue') },
  { path: '/attempts/:id', name: 'study-attempt', label: 'study.attempt.title', roles: EVERYONE, nav: false, order: 48, component: () => import('./StudyAttemptPage.vue') },
]
