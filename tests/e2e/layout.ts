import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'

/** A phone as most cadres hold one (CSS pixels). */
export const PHONE = { width: 390, height: 844 }

/** The smallest tap target people hit reliably (WCAG 2.5.5, Apple HIG, Material). */
export const MIN_TAP = 44

/**
 * What is wrong with the page's layout on this screen, in words: a page wider than the screen, a choice
 * or button whose text is cut off, and (when `taps` is set) a visible control smaller than 44 × 44 px.
 * Empty when the page is fine.
 */
export async function layoutProblems(page: Page, options: { taps?: boolean } = {}): Promise<string[]> {
  return page.evaluate(({ taps, minTap }) => {
    // Runs in the page: the DOM's types are not in this (Node) program, hence `any`.
    const { document, getComputedStyle } = globalThis as any
    type Element = any
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-test') ? `[data-test=${el.getAttribute('data-test')}]` : ''}.${[...el.classList as Iterable<string>].slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 24)}"`
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0
    }
    // Inside a box that scrolls or clips sideways on its own (a tab strip, a table): not the page's overflow.
    const scrolledInside = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX))
          return true
      }
      return false
    }
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`page is ${document.documentElement.scrollWidth}px wide on a ${width}px screen`)
    // Anything sticking out of the right edge (a horizontal scroll the page may hide with overflow).
    for (const el of document.querySelectorAll('.xuefa-page *, header *, nav *')) {
      if (!visible(el) || scrolledInside(el))
        continue
      const r = el.getBoundingClientRect()
      if (r.right > width + 1 && r.width < width * 3)
        problems.push(`${describe(el)} ends at ${Math.round(r.right)}px, past the ${width}px screen`)
    }
    // Text cut off inside choices and buttons: the content is larger than the box that shows it.
    for (const el of document.querySelectorAll('.el-radio, .el-checkbox, .el-radio__label, .el-checkbox__label, button, .el-button > span')) {
      if (!visible(el))
        continue
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        problems.push(`${describe(el)} is clipped (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`)
      const r = el.getBoundingClientRect()
      if ((r.right > width + 1 || r.left < -1) && !el.closest('.el-tabs__nav-scroll, .nav'))
        problems.push(`${describe(el)} lies partly off the screen (${Math.round(r.left)}–${Math.round(r.right)}px)`)
    }
    if (taps) {
      for (const el of document.querySelectorAll('a[href], button, .el-radio, .el-checkbox, .el-input__wrapper, .el-collapse-item__header, [role=tab]')) {
        if (!visible(el))
          continue
        const r = el.getBoundingClientRect()
        if (r.width < minTap - 0.5 || r.height < minTap - 0.5)
          problems.push(`${describe(el)} is a ${Math.round(r.width)}×${Math.round(r.height)} tap target`)
      }
    }
    return [...new Set(problems)]
  }, { taps: options.taps ?? false, minTap: MIN_TAP })
}

/** Saves a screenshot under $XUEFA_SCREENSHOTS (when set) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.XUEFA_SCREENSHOTS
  if (!dir)
    return
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}
