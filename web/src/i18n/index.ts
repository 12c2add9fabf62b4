import { createI18n } from 'vue-i18n'
import { en } from './en'
import { zhCN } from './zh-CN'

export type Locale = 'zh-CN' | 'en'
const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('xuefa.locale') : null

/** zh-CN by default; the choice is remembered in the browser. */
export const i18n = createI18n({
  legacy: false,
  locale: saved === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en': en },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem('xuefa.locale', locale)
  document.documentElement.lang = locale
}
