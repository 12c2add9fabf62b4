import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from 'helmet'

/** A Node middleware: express's shape, usable on Node's own HTTP server too (as `/graphql` is served). */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void

/**
 * Content-Security-Policy of the web app. No inline or foreign script can run, so text that slips past
 * escaping into the page (a decision title in a chart tooltip) stays text. Styles may be inline: Element
 * Plus and ECharts set `style` attributes at run time. Images from `data:` are Element Plus's icons.
 */
const WEB_POLICY = {
  'default-src': ['\'self\''],
  'script-src': ['\'self\''],
  'style-src': ['\'self\'', '\'unsafe-inline\''],
  'img-src': ['\'self\'', 'data:'],
  'font-src': ['\'self\'', 'data:'],
  'connect-src': ['\'self\''],
  'object-src': ['\'none\''],
  'base-uri': ['\'self\''],
  'form-action': ['\'self\''],
  'frame-ancestors': ['\'none\''],
}

/** The API returns JSON only: a page that somehow rendered a response may load nothing at all. */
const API_POLICY = {
  'default-src': ['\'none\''],
  'base-uri': ['\'none\''],
  'form-action': ['\'none\''],
  'frame-ancestors': ['\'none\''],
}

function headers(directives: Record<string, string[]>): NodeMiddleware {
  return helmet({
    // useDefaults off: helmet's defaults add `upgrade-insecure-requests`, which would break the many
    // intranet deployments served over plain HTTP.
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as NodeMiddleware
}

/**
 * Security headers (helmet) for the web app and for the API: a CSP without inline scripts,
 * `X-Content-Type-Options: nosniff`, `frame-ancestors 'none'` (and `X-Frame-Options: DENY` for old
 * browsers), `Referrer-Policy: no-referrer`, and helmet's other defaults.
 */
export const securityHeaders = {
  web: headers(WEB_POLICY),
  api: headers(API_POLICY),
}
