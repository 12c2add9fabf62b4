import { createRouter, createWebHistory } from 'vue-router'
import { useSession } from './composables/useSession'
import { loadFeatureMessages } from './i18n'
import { canSee, homeFor, pages } from './routes'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./features/auth/LoginPage.vue'), meta: { public: true } },
    ...pages.map(page => ({ path: page.path, name: page.name, component: page.component!, meta: { page } })),
    { path: '/:rest(.*)*', name: 'home', component: () => import('./features/auth/HomeRedirect.vue') },
  ],
})

// Role guard: the server checks every operation anyway; this keeps people off pages they cannot use.
router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.loaded.value)
    await session.load().catch(() => null)
  if (to.meta.public)
    return true
  await loadFeatureMessages()
  const page = to.meta.page as (typeof pages)[number] | undefined
  if (page?.roles === 'PUBLIC')
    return true
  const viewer = session.viewer.value
  if (!viewer)
    return { name: 'login', query: { next: to.fullPath } }
  if (page && !canSee(page, viewer.roles))
    return homeFor(viewer.roles)
  return true
})
