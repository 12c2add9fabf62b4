import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { LawParseError, parseLaw } from '../../server/src/law/parse'

/**
 * `npx tsx tests/bench/lawCorpus.ts <dir> [--list]`: runs the law parser over every Markdown file under
 * `dir` (recursively; a public corpus such as LawRefBook/Laws, fetched outside the project) and
 * prints how many it accepts, how many it refuses and why, and how many accepted files hold no
 * article or item (there must be none). Nothing is written anywhere. `--list` also prints each
 * refused file with its problems. `_index.md`, `README.md` and the repository's template
 * (`法律法规模版.md`) are site pages, not law texts, and are not counted.
 */

const NOT_LAW_FILES = new Set(['_index.md', 'README.md', '法律法规模版.md'])

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    if (name.startsWith('.'))
      return []
    const full = path.join(dir, name)
    if (statSync(full).isDirectory())
      return walk(full)
    return name.endsWith('.md') && !NOT_LAW_FILES.has(name) ? [full] : []
  })
}

function main(): number {
  const args = process.argv.slice(2)
  const dir = args.find(a => !a.startsWith('--'))
  if (!dir) {
    console.error('Usage: npx tsx tests/bench/lawCorpus.ts <corpus directory> [--list]')
    return 2
  }
  const files = walk(path.resolve(dir))
  let accepted = 0
  let withWarnings = 0
  let units = 0
  let itemDocuments = 0
  const empty: string[] = []
  const refused: { file: string, problems: string[] }[] = []
  const reasons = new Map<string, number>()
  const started = Date.now()
  for (const file of files) {
    const name = path.relative(dir, file)
    try {
      const law = parseLaw(readFileSync(file), path.basename(file))
      accepted++
      units += law.articles.length
      if (law.unit === 'ITEM')
        itemDocuments++
      if (law.warnings.length > 0)
        withWarnings++
      if (law.articles.length === 0)
        empty.push(name)
    }
    catch (error) {
      if (!(error instanceof LawParseError))
        throw error
      refused.push({ file: name, problems: error.problems.map(p => `${p.line}: ${p.message}`) })
      for (const p of error.problems) {
        const reason = p.message.replace(/[:：].*$/s, '').replace(/\s*\(.*$/s, '')
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
      }
    }
  }
  const pct = (n: number): string => `${(100 * n / Math.max(1, files.length)).toFixed(1)}%`
  console.log(`files: ${files.length}`)
  console.log(`accepted: ${accepted} (${pct(accepted)}), of which ${withWarnings} with warnings and ${itemDocuments} numbered 一、二、; ${units} articles and items`)
  console.log(`accepted without any article or item: ${empty.length}${empty.length > 0 ? ` (${empty.join(', ')})` : ''}`)
  console.log(`refused: ${refused.length} (${pct(refused.length)})`)
  for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(n).padStart(5)}  ${reason}`)
  const byFolder = new Map<string, number>()
  for (const r of refused) {
    const top = r.file.split(path.sep)[0] ?? ''
    byFolder.set(top, (byFolder.get(top) ?? 0) + 1)
  }
  console.log(`refused by top folder: ${[...byFolder].map(([f, n]) => `${f} ${n}`).join(', ')}`)
  if (args.includes('--list')) {
    for (const r of refused)
      console.log(`\n${r.file}\n  ${r.problems.join('\n  ')}`)
  }
  console.log(`parsed in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return 0
}

process.exit(main())
