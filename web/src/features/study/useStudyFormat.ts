import { useI18n } from 'vue-i18n'

/** Dates and times as people in the town read them: Asia/Shanghai, in the UI language. */
export function useStudyFormat() {
  const { locale } = useI18n()
  const options = (withTime: boolean): Intl.DateTimeFormatOptions => ({
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
  })
  const dateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(locale.value, options(true)) : '')
  const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(locale.value, options(false)) : '')
  const duration = (seconds: number) => {
    const s = Math.max(0, Math.floor(seconds))
    const h = Math.floor(s / 3600)
    const m = Math.floor((s % 3600) / 60)
    const rest = s % 60
    const pad = (n: number) => String(n).padStart(2, '0')
    return h > 0 ? `${h}:${pad(m)}:${pad(rest)}` : `${pad(m)}:${pad(rest)}`
  }
  return { dateTime, date, duration }
}
