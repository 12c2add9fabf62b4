/**
 * The one way the app writes dates and times: `2026-12-04` and `2026-12-04 08:40`, in Beijing time
 * (Asia/Shanghai) whatever the device's zone, in either UI language. Law version dates are stored as
 * `YYYY-MM-DD` already, so every date on every page reads the same. Date pickers use the same patterns.
 */
export const DATE_PATTERN = 'YYYY-MM-DD'
export const DATE_TIME_PATTERN = 'YYYY-MM-DD HH:mm'

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function pieces(iso: string): Record<string, string> | null {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime()))
    return null
  return Object.fromEntries(parts.formatToParts(at).map(p => [p.type, p.value]))
}

/** `2026-12-04 08:40` (Beijing time); empty for no value, the input itself when it is not a date. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso)
    return ''
  const p = pieces(iso)
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : iso
}

/** `2026-12-04` (the Beijing date); a plain `YYYY-MM-DD` is returned as it is. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso)
    return ''
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso))
    return iso
  const p = pieces(iso)
  return p ? `${p.year}-${p.month}-${p.day}` : iso
}

/** A duration as a countdown shows it: `mm:ss`, or `h:mm:ss` from an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(rest)}` : `${pad(m)}:${pad(rest)}`
}
