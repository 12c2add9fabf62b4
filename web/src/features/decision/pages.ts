import type { AppPage } from '@/routes'

const READERS = ['ADVISOR', 'ADMIN', 'TRAINER', 'CADRE']

export const pages: AppPage[] = [
  { path: '/decisions', name: 'decisions', label: 'nav.decisions', roles: READERS, nav: true, homeOf: ['ADVISOR'], order: 30, component: () => import('./DecisionListPage.vue') },
  { path: '/decisions/overview', name: 'decision-overview', label: 'decision.overview', roles: READERS, nav: false, order: 31, component: () => import('./DecisionOverviewPage.vue') },
  { path: '/decisions/:id', name: 'decision', label: 'decision.title', roles: READERS, nav: false, order: 32, component: () => import('./DecisionPage.vue') },
]
