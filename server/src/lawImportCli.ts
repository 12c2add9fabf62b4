import { existsSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { loadConfig } from './config'
import { onLawsChanged } from './law/lawEvents'
import { seedLawLibrary } from './law/lawImport'
import { flagQuestionsForLawChange } from './quiz/question.repository'
import { openRuntime } from './runtime'

/**
 * `npm run laws:import -- <file or directory> [--force]`: imports law files in the corpus Markdown
 * format into the database of the configuration (NEO4J_URI, else the embedded Neo4j — stop a running
 * `npm start` first, it holds the embedded store), then brings summaries, topics and relations up to
 * date. Unchanged files are skipped; `--force` re-writes them (the result is the same graph). Exits
 * with 1 when a file is refused, naming the file and line.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const targets = args.filter(a => a !== '--force')
  if (targets.length !== 1) {
    console.error('Usage: npm run laws:import -- <file.md or directory> [--force]')
    return 2
  }
  const target = path.resolve(targets[0]!)
  if (!existsSync(target)) {
    console.error(`Not found: ${target}`)
    return 2
  }
  const runtime = await openRuntime(loadConfig())
  // A changed law text sends the questions on its changed articles to the review queue.
  let flagged = 0
  const unsubscribe = onLawsChanged(async ({ db, lawIds }) => {
    flagged += (await flagQuestionsForLawChange(db, { lawIds })).length
  })
  try {
    const { reports, failures, skipped } = await seedLawLibrary(runtime.db, { corpus: target, force })
    for (const r of reports)
      console.log(`${r.unchanged ? 'unchanged' : r.created ? 'created  ' : 'updated  '} ${r.fileName} → ${r.versionId} (${r.articles} articles)${r.keptArticles.length > 0 ? `, kept ${r.keptArticles.length} linked articles` : ''}`)
    for (const name of skipped)
      console.log(`unchanged ${name}`)
    for (const r of reports) {
      for (const w of r.warnings)
        console.log(`  note    ${r.fileName}: ${w}`)
    }
    for (const f of failures)
      console.error(`refused   ${f.message}`)
    if (flagged > 0)
      console.log(`${flagged} questions flagged for review (题库待复核)`)
    console.log(`${reports.filter(r => !r.unchanged).length} imported, ${skipped.length + reports.filter(r => r.unchanged).length} unchanged, ${failures.length} refused`)
    return failures.length > 0 ? 1 : 0
  }
  finally {
    unsubscribe()
    await runtime.close()
  }
}

main().then(code => process.exit(code), (error: unknown) => {
  console.error(`laws:import failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
