import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type Locale = 'zh-CN' | 'en'
// Each feature keeps its strings in features/<feature>/messages.ts: export const messages = { 'zh-CN': {...}, en: {...} },
// merged under the feature's folder name (t('law.title') for features/law).
const featureMessages = import.meta.glob<{ messages: Record<'zh-CN' | 'en', Record<string, unknown>> }>('../features/*/messages.ts', { eager: true })
const zh: Record<string, any> = { ...zhCN }
const english: Record<string, any> = { ...en }
for (const [file, module] of Object.entries(featureMessages)) {
  const feature = /features\/([^/]+)\//.exec(file)?.[1] ?? 'feature'
  zh[feature] = module.messages['zh-CN']
  english[feature] = module.messages.en
}

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('xuefa.locale') : null

/** zh-CN by default; the choice is remembered in the browser. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zh, 'en': english } as Record<string, any>,
})

export function setLocale(locale: Locale): void {
  (i18n.global.locale as unknown as { value: string }).value = locale
  localStorage.setItem('xuefa.locale', locale)
  document.documentElement.lang = locale
}
