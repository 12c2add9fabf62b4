import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type Locale = 'zh-CN' | 'en'
// Each feature keeps its strings in features/<feature>/messages.ts: export const messages = { 'zh-CN': {...}, en: {...} },
// merged under the feature's folder name (t('law.title') for features/law). They load after the login page,
// with the first page that needs them (the router waits for them): /login carries only the shell's strings.
const featureMessages = import.meta.glob<{ messages: Record<'zh-CN' | 'en', Record<string, unknown>> }>('../features/*/messages.ts')
const zh: Record<string, any> = { ...zhCN }
const english: Record<string, any> = { ...en }

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

let featuresLoaded: Promise<void> | undefined

/** Loads every feature's strings once (pages and the navigation need them all); resolves when merged. */
export function loadFeatureMessages(): Promise<void> {
  featuresLoaded ??= Promise.all(Object.entries(featureMessages).map(async ([file, load]) => {
    const feature = /features\/([^/]+)\//.exec(file)?.[1] ?? 'feature'
    const { messages } = await load()
    i18n.global.mergeLocaleMessage('zh-CN', { [feature]: messages['zh-CN'] })
    i18n.global.mergeLocaleMessage('en', { [feature]: messages.en })
  })).then(() => undefined, (error: unknown) => {
    featuresLoaded = undefined
    throw error
  })
  return featuresLoaded
}
