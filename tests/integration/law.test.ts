import type { Database } from '../../server/src/db/database'
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { plannedLaw, planSummaryVersion } from '../../server/src/law/importPlan'
import { findArticle, findToc } from '../../server/src/law/law.repository'
import { onLawsChanged } from '../../server/src/law/lawEvents'
import { applyVersionPlan, importLawFiles, importLawText, listLawFiles } from '../../server/src/law/lawImport'
import { LawParseError, MAX_LAW_FILE_BYTES } from '../../server/src/law/parse'
import { lawReferenceData } from '../../server/src/law/referenceData'
import { connectTestDatabase, uniqueId } from '../helpers'

// The corpus was imported by the global setup (seedReferenceData with LAW_CORPUS_DIR). Texts written
// here are made up; statute wording stays in the corpus directory.

let db: Database
const corpusDir = inject('lawCorpusDir')
const corpusFiles = readdirSync(corpusDir).filter(f => f.endsWith('.md') && f !== 'README.md')

beforeAll(async () => {
  db = await connectTestDatabase()
})
afterAll(async () => {
  await db.close()
})

/** Node and relationship counts and a hash of every label, type and property of the whole graph. */
async function graphChecksum(): Promise<{ nodes: number, relationships: number, hash: string }> {
  const nodes = await db.read<{ l: string[], p: unknown }>('MATCH (n) RETURN labels(n) AS l, properties(n) AS p')
  const rels = await db.read<{ t: string, a: string, b: string, p: unknown }>(
    'MATCH (x)-[r]->(y) RETURN type(r) AS t, coalesce(x.id, elementId(x)) AS a, coalesce(y.id, elementId(y)) AS b, properties(r) AS p',
  )
  const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x)
    ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
    : x))
  const lines = [...nodes.map(canonical), ...rels.map(canonical)].sort()
  return { nodes: nodes.length, relationships: rels.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') }
}

/** Made-up law text in the corpus format. */
function fakeLaw(title: string, body: string, date = '2021年3月4日'): string {
  return `# ${title}\n\n${date} 测试机关通过\n<!-- INFO END -->\n${body}`
}

async function deleteLaw(lawId: string): Promise<void> {
  await db.write(
    `MATCH (l:Law {id: $lawId})
     OPTIONAL MATCH (l)-[:HAS_VERSION]->(v:LawVersion)
     OPTIONAL MATCH (v)-[:HAS_DIVISION*]->(d:Division)
     OPTIONAL MATCH (a:Article {lawId: $lawId}) WHERE a.slug IS NOT NULL
     DETACH DELETE l, v, d, a`,
    { lawId },
  )
}

describe('corpus import', () => {
  it('imports 重大行政决策程序暂行条例 with 6 chapters, 44 articles and 第二十五条 under 第三章 › 第一节 合法性审查', async () => {
    const [law] = await db.read<{ versionId: string }>(
      `MATCH (:Law {id: 'major-decision-procedure', title: '重大行政决策程序暂行条例'})-[:HAS_VERSION]->(v:LawVersion {current: true, source: 'CORPUS'})
       RETURN v.id AS versionId`,
    )
    expect(law?.versionId).toBe('major-decision-procedure@2019-04-20')
    const toc = (await findToc(db, law!.versionId))!
    expect(toc.divisions.filter(d => d.kind === 'CHAPTER')).toHaveLength(6)
    expect(toc.version.articleCount).toBe(44)
    const [a25] = await db.read<{ id: string }>(
      `MATCH (:LawVersion {id: $versionId})-[:CONTAINS]->(a:Article {number: '第二十五条'}) RETURN a.id AS id`,
      { versionId: law!.versionId },
    )
    const article = (await findArticle(db, a25!.id, null))!
    expect(article.path.map(p => [p.kind, p.number, p.title])).toEqual([
      ['LAW', null, '重大行政决策程序暂行条例'],
      ['CHAPTER', '第三章', '合法性审查和集体讨论决定'],
      ['SECTION', '第一节', '合法性审查'],
    ])
  })

  it('turns the 18 corpus files into 16 laws, two of them with two versions', async () => {
    expect(corpusFiles).toHaveLength(18)
    const rows = await db.read<{ lawId: string, versions: number, sources: string[] }>(
      `MATCH (l:Law)-[:HAS_VERSION]->(v:LawVersion) WHERE v.fileName IN $files
       RETURN l.id AS lawId, count(v) AS versions, collect(DISTINCT v.source) AS sources`,
      { files: corpusFiles },
    )
    expect(rows).toHaveLength(16)
    expect(rows.every(r => r.sources.length === 1 && r.sources[0] === 'CORPUS')).toBe(true)
    expect(rows.filter(r => r.versions === 2).map(r => r.lawId).sort()).toEqual(['administrative-reconsideration-law', 'legislation-law'])
    const versions = await db.read<{ id: string, current: boolean, supersedes: string | null }>(
      `MATCH (:Law {id: 'legislation-law'})-[:HAS_VERSION]->(v:LawVersion)
       RETURN v.id AS id, v.current AS current, [(v)-[:SUPERSEDES]->(o) | o.id][0] AS supersedes ORDER BY v.versionDate`,
    )
    expect(versions).toEqual([
      { id: 'legislation-law@2015-03-15', current: false, supersedes: null },
      { id: 'legislation-law@2023-03-13', current: true, supersedes: 'legislation-law@2015-03-15' },
    ])
  })

  it('records both Shanghai rules as incomplete texts', async () => {
    const rows = await db.read<{ id: string, lawComplete: boolean, versionComplete: boolean, note: string | null }>(
      `MATCH (l:Law)-[:HAS_VERSION]->(v:LawVersion {current: true})
       WHERE l.id IN ['shanghai-major-decision-procedure', 'shanghai-major-decision-procedure-2016']
       RETURN l.id AS id, l.textComplete AS lawComplete, v.textComplete AS versionComplete, v.partialNote AS note`,
    )
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(row.lawComplete).toBe(false)
      expect(row.versionComplete).toBe(false)
      expect(row.note).toBeTruthy()
    }
    const [complete] = await db.read<{ c: boolean }>(`MATCH (l:Law {id: 'major-decision-procedure'}) RETURN l.textComplete AS c`)
    expect(complete?.c).toBe(true)
  })

  it('keeps one node for an article unchanged between 立法法 2015 and 2023, and REPLACES for a changed one', async () => {
    const [shared] = await db.read<{ id: string, versions: string[] }>(
      `MATCH (v:LawVersion)-[:CONTAINS]->(a:Article {lawId: 'legislation-law'}) WHERE a.slug IS NOT NULL
       WITH a, collect(v.id) AS versions WHERE size(versions) = 2
       RETURN a.id AS id, versions LIMIT 1`,
    )
    expect(shared?.versions.sort()).toEqual(['legislation-law@2015-03-15', 'legislation-law@2023-03-13'])
    const [changed] = await db.read<{ newer: string, older: string, newerNumber: string, olderNumber: string, same: boolean }>(
      `MATCH (:LawVersion {id: 'legislation-law@2023-03-13'})-[:CONTAINS]->(n:Article)-[:REPLACES]->(o:Article)<-[:CONTAINS]-(:LawVersion {id: 'legislation-law@2015-03-15'})
       RETURN n.id AS newer, o.id AS older, n.number AS newerNumber, o.number AS olderNumber, n.text = o.text AS same LIMIT 1`,
    )
    expect(changed).toBeDefined()
    expect(changed!.newerNumber).toBe(changed!.olderNumber)
    expect(changed!.same).toBe(false)
    const article = (await findArticle(db, changed!.newer, null))!
    expect(article.otherVersions).toEqual([expect.objectContaining({ articleId: changed!.older, versionId: 'legislation-law@2015-03-15', changed: true })])
    expect(article.replaces.map(r => r.id)).toEqual([changed!.older])
  })

  it('changes no node, relationship or property on a second full import, even when forced', async () => {
    const before = await graphChecksum()
    const again = await importLawFiles(db, listLawFiles(corpusDir))
    expect(again.failures).toEqual([])
    expect(again.skipped).toHaveLength(18)
    expect(await graphChecksum()).toEqual(before)
    const forced = await importLawFiles(db, listLawFiles(corpusDir), { force: true })
    expect(forced.reports).toHaveLength(18)
    expect(forced.reports.every(r => r.unchanged && !r.created)).toBe(true)
    expect(await graphChecksum()).toEqual(before)
  })

  it('links citations: 本法 references inside a law, titled references across laws, and lists the unresolved', async () => {
    const [inside] = await db.read<{ n: number }>(
      `MATCH (a:Article)-[:CITES]->(b:Article) WHERE a.lawId = b.lawId AND a.text CONTAINS '本法' RETURN count(*) AS n`,
    )
    expect(inside!.n).toBeGreaterThan(0)
    const [across] = await db.read<{ from: string, to: string }>(
      `MATCH (a:Article {lawId: 'spc-mediation-judicial-confirmation', number: '第一条'})-[:CITES]->(b:Article)
       RETURN a.id AS from, b.id AS to`,
    )
    expect(across?.to).toMatch(/^people-mediation-law\/33~/)
    const [unresolved] = await db.read<{ id: string, raw: string[] }>(
      'MATCH (a:Article) WHERE a.unresolvedCitations IS NOT NULL RETURN a.id AS id, a.unresolvedCitations AS raw LIMIT 1',
    )
    expect(unresolved?.raw.length).toBeGreaterThan(0)
    expect((await findArticle(db, unresolved!.id, null))!.unresolvedCitations).toEqual(unresolved!.raw)
  })

  it('gives the same graph whatever the order of versions, and resolves citations of a made-up law to itself', async () => {
    const title = `测试条例${uniqueId('t')}`
    const v1 = fakeLaw(title, '第一条 甲事项适用本条例。\n第二条 依照本条例第一条办理。\n第三条 旧的第三条。\n', '2020年1月1日')
    const v2 = fakeLaw(title, '第一条 甲事项适用本条例。\n第二条 依照本条例第一条办理。\n第三条 新的第三条，另见《不存在的规定》。\n', '2022年1月1日')
    const snapshot = async (lawId: string) => db.read(
      `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article)
       RETURN v.id AS v, v.current AS current, a.id AS a, [(a)-[:REPLACES]->(o) | o.id] AS replaces,
              [(a)-[:CITES]->(c) | c.id] AS cites, a.unresolvedCitations AS unresolved ORDER BY v, a`,
      { lawId },
    )
    const first = await importLawText(db, { fileName: 'order-test-2020.md', content: v1 })
    await importLawText(db, { fileName: 'order-test-2022.md', content: v2 })
    const forward = await snapshot(first.lawId)
    await deleteLaw(first.lawId)
    await importLawText(db, { fileName: 'order-test-2022.md', content: v2 })
    await importLawText(db, { fileName: 'order-test-2020.md', content: v1 })
    const backward = await snapshot(first.lawId)
    await deleteLaw(first.lawId)
    expect(backward).toEqual(forward)
    expect(new Set(forward.map(r => r.a)).size).toBe(4)
    const changed = forward.find(r => (r.replaces as string[]).length > 0)
    expect(changed?.unresolved).toEqual(['《不存在的规定》'])
    expect(forward.filter(r => (r.cites as string[]).length > 0)).toHaveLength(2)
  })
})

describe('re-importing a corrected text', () => {
  it('moves the links of a changed article to its successor in the same version, not to the current version', async () => {
    const title = `测试规则${uniqueId('t')}`
    const older = (third: string) => fakeLaw(title, `第一条 甲事项。\n第二条 乙事项。\n第三条 ${third}\n`, '2020年1月1日')
    const first = await importLawText(db, { fileName: 'fix-test-2020.md', content: older('旧的错字版。') })
    await importLawText(db, { fileName: 'fix-test-2022.md', content: fakeLaw(title, '第一条 甲事项。\n第二条 乙事项。\n第三条 新版本的第三条。\n', '2022年1月1日') })
    const questionId = uniqueId('q')
    await db.write(
      `MATCH (:LawVersion {id: $versionId})-[:CONTAINS]->(a:Article {number: '第三条'})
       CREATE (:Question {id: $questionId, stem: '测试'})-[:TESTS]->(a)`,
      { versionId: first.versionId, questionId },
    )
    const fixed = await importLawText(db, { fileName: 'fix-test-2020.md', content: older('改正后的版本。') })
    expect(fixed).toMatchObject({ versionId: first.versionId, created: false, unchanged: false })
    const [row] = await db.read<{ versions: string[], text: string }>(
      `MATCH (:Question {id: $questionId})-[:TESTS]->(a:Article)
       RETURN [(v:LawVersion)-[:CONTAINS]->(a) | v.id] AS versions, a.text AS text`,
      { questionId },
    )
    expect(row).toEqual({ versions: [first.versionId], text: '改正后的版本。' })
    const [stale] = await db.read<{ n: number }>(`MATCH (a:Article {lawId: $lawId}) WHERE a.slug IS NOT NULL AND a.text = '旧的错字版。' RETURN count(a) AS n`, { lawId: first.lawId })
    expect(stale!.n).toBe(0)
    await db.write('MATCH (q:Question {id: $questionId}) DETACH DELETE q', { questionId })
    await deleteLaw(first.lawId)
  })
})

describe('corpus-less library (要点 summaries)', () => {
  it('moves links from a summary article to the imported article with the same number, copying the summary', async () => {
    const lawId = uniqueId('summary-law')
    const title = `测试办法${lawId}`
    const reference = lawReferenceData()
    const law = plannedLaw(lawId, title, null)
    await db.transaction(tx => applyVersionPlan(tx, planSummaryVersion(law, {
      lawId,
      versionDate: '2021-03-04',
      divisions: [{ kind: 'CHAPTER', number: '第一章', title: '总则', sections: [], articles: ['第一条', '第二条'] }],
      articles: [{ number: '第一条', summary: '我们写的第一条要点。' }, { number: '第二条', summary: '我们写的第二条要点。' }],
    }), reference))
    const questionId = uniqueId('q')
    const topicId = uniqueId('topic')
    await db.write(
      `MATCH (a:Article {id: $articleId})
       CREATE (:Question {id: $questionId, stem: '测试题'})-[:TESTS {order: 0}]->(a)
       CREATE (a)-[:ABOUT]->(:Topic {id: $topicId, name: '测试知识点'})`,
      { articleId: `${lawId}/2~summary`, questionId, topicId },
    )

    const report = await importLawText(db, {
      fileName: `${lawId}.md`,
      content: fakeLaw(title, '## 第一章 总则\n第一条 这是编造的第一条。\n第二条 这是编造的第二条。\n'),
    })
    expect(report).toMatchObject({ lawId, versionId: `${lawId}@2021-03-04`, articles: 2, created: false, unchanged: false, keptArticles: [] })

    const [moved] = await db.read<{ id: string, textSource: string, summary: string, order: number, topic: string | null, source: string, versions: number, leftovers: number }>(
      `MATCH (:Question {id: $questionId})-[t:TESTS]->(a:Article)
       RETURN a.id AS id, a.textSource AS textSource, a.summary AS summary, t.order AS order,
              [(a)-[:ABOUT]->(x:Topic {id: $topicId}) | x.id][0] AS topic,
              [(:Law {id: $lawId})-[:HAS_VERSION]->(v) | v.source][0] AS source,
              COUNT { (:Law {id: $lawId})-[:HAS_VERSION]->() } AS versions,
              COUNT { MATCH (s:Article) WHERE s.id STARTS WITH $lawId AND s.id ENDS WITH '~summary' } AS leftovers`,
      { questionId, topicId, lawId },
    )
    expect(moved?.id).toMatch(new RegExp(`^${lawId}/2~[0-9a-f]{8}$`))
    expect(moved).toMatchObject({ textSource: 'OFFICIAL', summary: '我们写的第二条要点。', order: 0, topic: topicId, source: 'CORPUS', versions: 1, leftovers: 0 })

    await db.write('MATCH (n) WHERE n.id IN [$questionId, $topicId] DETACH DELETE n', { questionId, topicId })
    await deleteLaw(lawId)
  })

  it('attaches the seeded 要点 to the matching articles of the imported text', async () => {
    const [row] = await db.read<{ summary: string | null, textSource: string }>(
      `MATCH (:LawVersion {id: 'major-decision-procedure@2019-04-20'})-[:CONTAINS]->(a:Article {number: '第二十五条'})
       RETURN a.summary AS summary, a.textSource AS textSource`,
    )
    expect(row?.textSource).toBe('OFFICIAL')
    expect(row?.summary).toBeTruthy()
  })
})

describe('malformed input', () => {
  const cases: [string, Buffer | string, RegExp, boolean][] = [
    ['no title', fakeLaw('x', '第一条 甲。\n').replace(/^# x\n/, ''), /缺少标题|no "# title"/, false],
    ['duplicate article numbers', fakeLaw('重复条号测试', '第一条 甲。\n第二条 乙。\n第二条 丙。\n'), /重复的条号/, true],
    ['a number going backwards', fakeLaw('倒退条号测试', '第一条 甲。\n第三条 乙。\n第二条 丙。\n'), /条号倒退/, true],
    ['invalid UTF-8', Buffer.concat([Buffer.from(fakeLaw('编码测试', '第一条 甲')), Buffer.from([0xFF, 0xFE]), Buffer.from('。\n')]), /UTF-8/, true],
    ['a 20 MB file', Buffer.alloc(20 * 1024 * 1024, 0x61), /文件过大/, false],
    ['an empty file', '', /文件为空/, false],
  ]

  it.each(cases)('refuses %s with file and line, writing nothing', async (_name, content, reason, hasLine) => {
    const before = await graphChecksum()
    const fileName = `${uniqueId('bad')}.md`
    const error = await importLawText(db, { fileName, content }).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(LawParseError)
    const parseError = error as LawParseError
    expect(parseError.file).toBe(fileName)
    expect(parseError.message).toContain(fileName)
    expect(parseError.message).toMatch(reason)
    if (hasLine)
      expect(parseError.line).toBeGreaterThan(1)
    expect(await graphChecksum()).toEqual(before)
  })

  it('refuses text that arrived already decoded with the marks of bad bytes', async () => {
    const error = await importLawText(db, { fileName: 'decoded.md', content: fakeLaw('解码测试', '第一条 甲\uFFFD。\n') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LawParseError)
    expect((error as LawParseError).line).toBe(5)
  })

  it('keeps the parser’s size limit', () => {
    expect(MAX_LAW_FILE_BYTES).toBeLessThan(20 * 1024 * 1024)
    expect(path.basename(listLawFiles(path.join(corpusDir, corpusFiles[0]!))[0]!)).toBe(corpusFiles[0])
  })
})

describe('real-world files', () => {
  const wildDir = path.resolve(process.cwd(), '../shared/laws-wild')
  const shanghai = [
    { fileName: '上海市社会救助条例(2018-11-22).md', content: readFileSync(path.join(wildDir, 'wild-04.md')) },
    { fileName: '上海市社会救助条例(2024-12-31).md', content: readFileSync(path.join(wildDir, 'wild-05.md')) },
  ]
  const snapshot = async (lawId: string) => db.read(
    `MATCH (l:Law {id: $lawId})-[:HAS_VERSION]->(v:LawVersion)-[:CONTAINS]->(a:Article)
     RETURN l.id AS law, l.level AS level, l.issuer AS issuer, v.id AS v, v.current AS current, a.id AS a ORDER BY v, a`,
    { lawId },
  )

  it('makes the two Shanghai 社会救助条例 files one law with two versions, the same ids whichever comes first', async () => {
    const forwardReports = [await importLawText(db, shanghai[0]!), await importLawText(db, shanghai[1]!)]
    const lawId = forwardReports[0]!.lawId
    expect(forwardReports[1]!.lawId).toBe(lawId)
    const forward = await snapshot(lawId)
    await deleteLaw(lawId)
    const backwardReports = [await importLawText(db, shanghai[1]!), await importLawText(db, shanghai[0]!)]
    expect(backwardReports.map(r => r.lawId)).toEqual([lawId, lawId])
    const backward = await snapshot(lawId)
    await deleteLaw(lawId)
    expect(backward).toEqual(forward)
    expect(new Set(forward.map(r => r.v))).toEqual(new Set([`${lawId}@2018-11-22`, `${lawId}@2024-12-31`]))
    expect(forward.filter(r => r.current && r.v === `${lawId}@2024-12-31`)).toHaveLength(56)
    // Stated in the text: 上海市第十五届人民代表大会常务委员会…通过.
    expect(forward[0]).toMatchObject({ level: 'LOCAL_REGULATION', issuer: '上海市人民代表大会常务委员会' })
  })

  it('announces a changed law once it is committed, and not an unchanged one', async () => {
    const seen: string[][] = []
    const unsubscribe = onLawsChanged(async ({ lawIds }) => {
      seen.push(lawIds)
    })
    try {
      const text = fakeLaw(`测试通知${uniqueId('t')}`, '第一条 甲。\n')
      const report = await importLawText(db, { fileName: 'event.md', content: text })
      await importLawText(db, { fileName: 'event.md', content: text })
      expect(seen).toEqual([[report.lawId]])
      await deleteLaw(report.lawId)
    }
    finally {
      unsubscribe()
    }
  })
})

describe('a work in several files', () => {
  const title = `测试法典${uniqueId('t')}`
  const part = (name: string, body: string): { fileName: string, content: string } => ({
    fileName: `${name}.md`,
    content: `# ${title}\n\n# ${name}\n\n2020年5月28日 测试机关通过\n<!-- INFO END -->\n${body}`,
  })
  const parts = [
    part('甲编', '## 第一章 子\n第一条 甲。\n第二条 乙。\n'),
    part('乙编', '## 第一分编 丑\n### 第一章 寅\n第三条 丙。\n'),
    part('附则', '第四条 丁。\n'),
  ]
  const shape = async (versionId: string) => {
    const toc = (await findToc(db, versionId))!
    return { articles: toc.version.articleCount, divisions: toc.divisions.map(d => [d.kind, d.title]) }
  }

  it('builds one version with all parts, whatever order the files come in', async () => {
    const reports = []
    for (const p of parts)
      reports.push(await importLawText(db, p))
    const versionId = reports[0]!.versionId
    expect(new Set(reports.map(r => r.versionId))).toEqual(new Set([versionId]))
    expect(reports.map(r => r.articles)).toEqual([2, 3, 4])
    const forward = await shape(versionId)
    expect(forward.articles).toBe(4)
    expect(forward.divisions.filter(d => d[0] === 'PART').map(d => d[1])).toEqual(['甲编', '乙编', '附则'])
    // The same part again is recognised, also by the directory import's hash check.
    expect((await importLawText(db, parts[1]!)).unchanged).toBe(true)
    await deleteLaw(reports[0]!.lawId)
    for (const p of [...parts].reverse())
      await importLawText(db, p)
    expect(await shape(versionId)).toEqual(forward)
    await deleteLaw(reports[0]!.lawId)
  })
})
