import type { AppPage } from '@/routes'

export const pages: AppPage[] = [
  { path: '/bank', name: 'bank', label: 'nav.bank', roles: ['TRAINER', 'ADMIN'], nav: true, homeOf: ['TRAINER'], order: 40, component: () => import('./QuizBankPage.vue') },
  { path: '/quizzes', name: 'quizzes', label: 'nav.quizzes', roles: ['TRAINER', 'ADMIN'], nav: true, order: 45, component: () => import('./QuizListPage.vue') },
]
