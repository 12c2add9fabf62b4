import { describe, expect, it } from 'vitest'
import { uniqueId } from '../helpers'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

/** ECharts' colour of DECISION nodes in LawGraph.vue (its category index 3). */
const DECISION_RGB = [0xEF, 0x6C, 0x00]

/** The parts of a canvas element the test reads (the test project has no DOM types). */
interface Canvas {
  width: number
  height: number
  getBoundingClientRect: () => { left: number, top: number, width: number }
  getContext: (kind: '2d') => { getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray, width: number, height: number } } | null
}

describe('user-written text cannot script the page', () => {
  it('shows a decision titled <img onerror> as text in the law graph tooltip, and nothing runs', async () => {
    const articleId = uniqueId('article')
    const decisionId = uniqueId('decision')
    const title = `<img src=x onerror="window.__xss = (window.__xss || 0) + 1"> ${decisionId}`
    // An article of its own, so the graph holds only it and the planted decision (published, so a cadre sees it).
    const versionId = uniqueId('version')
    await bed.server.db.write(
      `CREATE (a:Article {id: $articleId, number: '第一条', text: '测试条文', ordinal: 1})
       CREATE (:LawVersion {id: $versionId, current: true})-[:CONTAINS]->(a)
       CREATE (d:Decision {id: $decisionId, title: $title, status: 'PUBLISHED', confidential: false, year: 2026})
       CREATE (d)-[:BASED_ON {position: 0}]->(a)`,
      { articleId, decisionId, versionId, title },
    )
    const page = await bed.browser.newPage()
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()))
        blocked.push(message.text())
    })
    try {
      await loginInBrowser(page, bed.server.url, 'cadre')
      await page.goto(`${bed.server.url}/laws/graph/${encodeURIComponent(articleId)}`)
      const chart = page.locator('[data-test=law-graph]')
      await chart.locator('canvas').first().waitFor()

      // The layout is a force simulation: find the decision's node by its colour on the canvas (below the
      // legend) and hover it, until the tooltip shows.
      const tooltipShown = () => chart.evaluate((el, id) => (el as unknown as { textContent: string }).textContent.includes(id), decisionId)
      await expect.poll(async () => {
        const point = await chart.locator('canvas').first().evaluate((element, rgb) => {
          const canvas = element as unknown as Canvas
          const rect = canvas.getBoundingClientRect()
          const scale = canvas.width / rect.width
          const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
          for (let y = Math.floor(60 * scale); y < height; y += 2) {
            for (let x = 0; x < width; x += 2) {
              const i = (y * width + x) * 4
              if (Math.abs(data[i]! - rgb[0]!) < 8 && Math.abs(data[i + 1]! - rgb[1]!) < 8 && Math.abs(data[i + 2]! - rgb[2]!) < 8)
                return { x: rect.left + x / scale + 2, y: rect.top + y / scale + 2 }
            }
          }
          return null
        }, DECISION_RGB)
        if (point) {
          await page.mouse.move(point.x - 20, point.y - 20)
          await page.mouse.move(point.x, point.y)
        }
        return tooltipShown()
      }, { timeout: 20_000 }).toBe(true)

      // The tooltip holds the title as text: no element was made of it, and its handler never ran.
      const tooltip = await chart.evaluate(el => (el as unknown as { textContent: string }).textContent)
      expect(tooltip).toContain('<img src=x onerror=')
      expect(await chart.locator('img').count()).toBe(0)
      expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined()
    }
    finally {
      await page.close()
      await bed.server.db.write('MATCH (n) WHERE n.id IN [$articleId, $decisionId, $versionId] DETACH DELETE n', { articleId, decisionId, versionId })
    }
    expect(blocked).toEqual([])
  })

  it('serves the web app with a policy that forbids inline scripts and framing', async () => {
    const response = await fetch(`${bed.server.url}/laws`)
    const csp = response.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain('frame-ancestors \'none\'')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')

    // The app works under that policy: the login page renders and signs in (loginInBrowser waits for it).
    const page = await bed.browser.newPage()
    const blocked: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()))
        blocked.push(message.text())
    })
    await loginInBrowser(page, bed.server.url, 'trainer')
    await page.close()
    expect(blocked).toEqual([])
  })
})
