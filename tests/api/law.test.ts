import type { TestServer } from '../helpers'
import { Buffer } from 'node:buffer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gql, login, startTestServer, uniqueId } from '../helpers'

// The corpus was imported by the global setup. Texts written here are made up.

let server: TestServer
let advisor: string
let cadre: string
let admin: string

beforeAll(async () => {
  server = await startTestServer()
  ;[advisor, cadre, admin] = await Promise.all([login(server.url, 'advisor'), login(server.url, 'cadre'), login(server.url, 'admin')])
})
afterAll(async () => {
  await server.stop()
})

const ARTICLE = `query LawTestArticle($id: ID!, $versionId: ID) {
  article(id: $id, versionId: $versionId) {
    id number text summary textSource unresolvedCitations
    law { id title }
    version { id versionDate current }
    path { id kind number title }
    otherVersions { articleId versionId versionDate changed }
    replaces { id } replacedBy { id }
    cites { kind id lawId number }
    citedBy { id lawId number }
    topics { id name }
  }
}`

async function currentArticleId(lawId: string, number: string): Promise<string> {
  const [row] = await server.db.read<{ id: string }>(
    `MATCH (:Law {id: $lawId})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article {number: $number}) RETURN a.id AS id`,
    { lawId, number },
  )
  return row!.id
}

async function countGraph(): Promise<string> {
  const [row] = await server.db.read<{ n: number, r: number }>('MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r')
  return `${row!.n}/${row!.r}`
}

function fakeLaw(title: string, body: string): string {
  return `# ${title}\n\n2021年5月6日 测试机关通过\n<!-- INFO END -->\n${body}`
}

const IMPORT = `mutation LawTestImport($fileName: String!, $text: String!) {
  importLaw(fileName: $fileName, text: $text) { lawId versionId title articles created unchanged }
}`

describe('law library over HTTP', () => {
  it('lists laws by level and status, and finds titles by full-text', async () => {
    const regulations = await gql(server.url, '{ laws(first: 100, filter: {level: ADMINISTRATIVE_REGULATION}) { items { id level status textComplete currentVersion { id source } } pageInfo { totalCount } } }', {}, advisor)
    expect(regulations.errors).toBeUndefined()
    const items = regulations.data.laws.items as { id: string, level: string }[]
    expect(items.every(l => l.level === 'ADMINISTRATIVE_REGULATION')).toBe(true)
    expect(items.map(l => l.id)).toContain('major-decision-procedure')

    const repealed = await gql(server.url, '{ laws(filter: {status: REPEALED}) { items { id status textComplete } } }', {}, advisor)
    expect(repealed.data.laws.items).toContainEqual({ id: 'shanghai-major-decision-procedure-2016', status: 'REPEALED', textComplete: false })

    const byTitle = await gql(server.url, 'query($t: String) { laws(filter: {text: $t}) { items { id } } }', { t: '重大行政决策' }, advisor)
    const ids = (byTitle.data.laws.items as { id: string }[]).map(l => l.id)
    expect(ids).toEqual(expect.arrayContaining(['major-decision-procedure', 'shanghai-major-decision-procedure']))
    expect(ids).not.toContain('legislation-law')

    const page = await gql(server.url, '{ laws(first: 2) { items { id } pageInfo { hasNextPage endCursor totalCount } } }', {}, advisor)
    expect(page.data.laws.items).toHaveLength(2)
    expect(page.data.laws.items[0].id).toBe('constitution')
    const next = await gql(server.url, 'query($after: String) { laws(first: 2, after: $after) { items { id } } }', { after: page.data.laws.pageInfo.endCursor }, advisor)
    expect(next.data.laws.items[0].id).not.toBe('constitution')
  })

  it('shows a law with its versions and relations, and a version’s table of contents as a tree', async () => {
    const law = await gql(server.url, '{ law(id: "shanghai-major-decision-procedure") { id level textComplete versions { id source textComplete partialNote current } relations { type outgoing law { id } } } }', {}, advisor)
    expect(law.data.law.versions).toHaveLength(1)
    expect(law.data.law.versions[0]).toMatchObject({ source: 'CORPUS', textComplete: false, current: true })
    expect(law.data.law.versions[0].partialNote).toBeTruthy()
    expect(law.data.law.relations).toEqual(expect.arrayContaining([
      { type: 'IMPLEMENTS', outgoing: true, law: { id: 'major-decision-procedure' } },
      { type: 'REPLACES', outgoing: true, law: { id: 'shanghai-major-decision-procedure-2016' } },
    ]))

    const toc = await gql(server.url, `{ toc(versionId: "major-decision-procedure@2019-04-20") {
      law { id } version { id articleCount }
      articles { id }
      divisions { kind number title articles { number } children { kind number title articles { id number caption paragraphs textSource } } }
    } }`, {}, advisor)
    expect(toc.errors).toBeUndefined()
    const chapters = toc.data.toc.divisions as { number: string, title: string, children: { number: string, title: string, articles: { number: string, paragraphs: string[] }[] }[] }[]
    expect(chapters).toHaveLength(6)
    const section = chapters.find(c => c.number === '第三章')!.children.find(s => s.number === '第一节')!
    expect(section.title).toBe('合法性审查')
    expect(section.articles.map(a => a.number)).toContain('第二十五条')
    expect(section.articles[0]!.paragraphs.length).toBeGreaterThan(0)
  })

  it('reads an article with its path, versions, citations both ways, topics and summary', async () => {
    const a25 = await currentArticleId('major-decision-procedure', '第二十五条')
    const result = await gql(server.url, ARTICLE, { id: a25 }, cadre)
    expect(result.errors).toBeUndefined()
    const article = result.data.article
    expect(article.path.map((p: { title: string }) => p.title)).toEqual(['重大行政决策程序暂行条例', '合法性审查和集体讨论决定', '合法性审查'])
    expect(article.textSource).toBe('OFFICIAL')
    expect(article.summary).toBeTruthy()
    expect(article.topics.map((t: { id: string }) => t.id)).toContain('legality-review')

    const citing = await currentArticleId('spc-mediation-judicial-confirmation', '第一条')
    const cited = await currentArticleId('people-mediation-law', '第三十三条')
    const from = (await gql(server.url, ARTICLE, { id: citing }, cadre)).data.article
    expect(from.cites).toContainEqual({ kind: 'ARTICLE', id: cited, lawId: 'people-mediation-law', number: '第三十三条' })
    const to = (await gql(server.url, ARTICLE, { id: cited }, cadre)).data.article
    expect(to.citedBy).toContainEqual({ id: citing, lawId: 'spc-mediation-judicial-confirmation', number: '第一条' })

    const unresolved = await server.db.read<{ id: string }>('MATCH (a:Article) WHERE a.unresolvedCitations IS NOT NULL RETURN a.id AS id LIMIT 1')
    const listed = (await gql(server.url, ARTICLE, { id: unresolved[0]!.id }, cadre)).data.article
    expect(listed.unresolvedCitations.length).toBeGreaterThan(0)
  })

  it('switches an article between the 2023 and 2015 texts of 立法法', async () => {
    const [pair] = await server.db.read<{ newer: string, older: string }>(
      `MATCH (:LawVersion {id: 'legislation-law@2023-03-13'})-[:CONTAINS]->(n:Article)-[:REPLACES]->(o:Article) RETURN n.id AS newer, o.id AS older LIMIT 1`,
    )
    const newer = (await gql(server.url, ARTICLE, { id: pair!.newer }, cadre)).data.article
    expect(newer.version).toMatchObject({ id: 'legislation-law@2023-03-13', current: true })
    expect(newer.otherVersions).toEqual([{ articleId: pair!.older, versionId: 'legislation-law@2015-03-15', versionDate: '2015-03-15', changed: true }])
    const older = (await gql(server.url, ARTICLE, { id: pair!.older, versionId: 'legislation-law@2015-03-15' }, cadre)).data.article
    expect(older.version).toMatchObject({ versionDate: '2015-03-15', current: false })
    expect(older.replacedBy).toEqual([{ id: pair!.newer }])
    expect(older.text).not.toBe(newer.text)

    const wrong = await gql(server.url, ARTICLE, { id: pair!.newer, versionId: 'legislation-law@2015-03-15' }, cadre)
    expect(wrong.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })

  it('ranks 国务院令第713号 第二十五条 among the first three hits for 合法性审查, with a highlighted snippet', async () => {
    const result = await gql(server.url, 'query($t: String!) { searchArticles(text: $t, first: 10) { score snippet textSource article { id number lawId current } } }', { t: '合法性审查' }, cadre)
    expect(result.errors).toBeUndefined()
    const hits = result.data.searchArticles as { snippet: string, article: { lawId: string, number: string, current: boolean } }[]
    const top3 = hits.slice(0, 3).map(h => `${h.article.lawId} ${h.article.number}`)
    expect(top3).toContain('major-decision-procedure 第二十五条')
    expect(hits[0]!.snippet).toContain('<mark>')
    expect(hits.every(h => !/<(?!\/?mark>)/.test(h.snippet))).toBe(true)
  })

  it('searches hostile input literally and answers normally', async () => {
    for (const t of ['"}) DETACH DELETE n //', 'title:* OR ~~~ AND (', '<img src=x onerror=alert(1)>', '\\']) {
      const result = await gql(server.url, 'query($t: String!) { searchArticles(text: $t) { snippet } }', { t }, cadre)
      expect(result.errors, t).toBeUndefined()
      expect(Array.isArray(result.data.searchArticles)).toBe(true)
      for (const hit of result.data.searchArticles as { snippet: string }[])
        expect(hit.snippet).not.toContain('<img')
    }
    const laws = await gql(server.url, 'query($t: String) { laws(filter: {text: $t}) { items { id } } }', { t: '"}) DETACH DELETE n //' }, cadre)
    expect(laws.errors).toBeUndefined()
    const [count] = await server.db.read<{ n: number }>('MATCH (n:Law) RETURN count(n) AS n')
    expect(count!.n).toBeGreaterThanOrEqual(16)
  })

  it('shows the graph around an article without answers, and lists topics', async () => {
    const a25 = await currentArticleId('major-decision-procedure', '第二十五条')
    const graph = await gql(server.url, 'query($id: ID!) { graphNeighbourhood(id: $id, depth: 2) { centerId nodes { id label kind } edges { source target type } } }', { id: a25 }, cadre)
    expect(graph.errors).toBeUndefined()
    const { nodes, edges } = graph.data.graphNeighbourhood as { nodes: { id: string, label: string, kind: string }[], edges: { source: string, target: string, type: string }[] }
    expect(nodes[0]!.id).toBe(a25)
    expect(nodes).toContainEqual({ id: 'legality-review', label: '合法性审查', kind: 'TOPIC' })
    expect(edges).toContainEqual({ source: a25, target: 'legality-review', type: 'ABOUT' })
    expect(edges).toContainEqual({ source: a25, target: 'major-decision-procedure', type: 'IN_LAW' })
    const ids = new Set(nodes.map(n => n.id))
    expect(edges.every(e => ids.has(e.source) && ids.has(e.target))).toBe(true)
    const questions = nodes.filter(n => n.kind === 'QUESTION')
    expect(questions.every(q => q.label === '题目')).toBe(true)

    const tooDeep = await gql(server.url, 'query($id: ID!) { graphNeighbourhood(id: $id, depth: 3) { centerId } }', { id: a25 }, cadre)
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')

    const topics = await gql(server.url, '{ topics { id name articleCount } }', {}, cadre)
    expect(topics.data.topics).toContainEqual(expect.objectContaining({ id: 'legality-review', name: '合法性审查' }))
    // An article's topics count their articles when asked (through a fragment too), as the topic list does.
    const counted = await gql(server.url, 'query($id: ID!) { article(id: $id) { ...T } } fragment T on Article { topics { id articleCount } }', { id: a25 }, cadre)
    const legality = (counted.data.article.topics as { id: string, articleCount: number }[]).find(t => t.id === 'legality-review')!
    expect(legality.articleCount).toBe((topics.data.topics as { id: string, articleCount: number }[]).find(t => t.id === 'legality-review')!.articleCount)
    expect(legality.articleCount).toBeGreaterThan(0)
  })
})

describe('importLaw over HTTP', () => {
  it('lets an admin import a file once; the same text again changes nothing', async () => {
    const title = `测试规定${uniqueId('t')}`
    const text = fakeLaw(title, '第一条 编造的测试条文。\n第二条 依照本规定第一条执行。\n')
    const first = await gql(server.url, IMPORT, { fileName: 'api-import-test.md', text }, admin)
    expect(first.errors).toBeUndefined()
    expect(first.data.importLaw).toMatchObject({ title, articles: 2, created: true, unchanged: false })
    const before = await countGraph()
    const second = await gql(server.url, IMPORT, { fileName: 'api-import-test.md', text }, admin)
    expect(second.data.importLaw).toMatchObject({ lawId: first.data.importLaw.lawId, created: false, unchanged: true })
    expect(await countGraph()).toBe(before)
    const law = await gql(server.url, 'query($id: ID!) { law(id: $id) { level status textComplete } }', { id: first.data.importLaw.lawId }, cadre)
    expect(law.data.law).toEqual({ level: 'UNKNOWN', status: 'UNKNOWN', textComplete: true })
    await server.db.write(
      `MATCH (l:Law {id: $id}) OPTIONAL MATCH (l)-[:HAS_VERSION]->(v) OPTIONAL MATCH (a:Article {lawId: $id}) WHERE a.slug IS NOT NULL
       DETACH DELETE l, v, a`,
      { id: first.data.importLaw.lawId },
    )
  })

  it('lists every problem of a refused file with its line, and returns the notes of an accepted one', async () => {
    const before = await countGraph()
    const refused = await gql(server.url, IMPORT, { fileName: `${uniqueId('two')}.md`, text: fakeLaw('两处错误测试', '第二条 甲。\n第一条 乙。\n第三条 丙。\n第三条 丁。\n') }, admin)
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    const problems = (refused.errors![0]!.extensions as { details: { problems: { line: number, message: string }[] } }).details.problems
    expect(problems.map(p => p.line)).toEqual([6, 8])
    expect(problems.map(p => p.message.slice(0, 4))).toEqual(['条号倒退', '重复的条'])
    expect(await countGraph()).toBe(before)

    const title = `无日期测试${uniqueId('t')}`
    const accepted = await gql(server.url, `mutation($fileName: String!, $text: String!) { importLaw(fileName: $fileName, text: $text) { lawId versionId warnings } }`, { fileName: `${title}(2021-05-06).md`, text: `# ${title}\n<!-- INFO END -->\n第一条 甲。\n` }, admin)
    expect(accepted.errors).toBeUndefined()
    expect(accepted.data.importLaw.versionId).toBe(`${accepted.data.importLaw.lawId}@2021-05-06`)
    expect(accepted.data.importLaw.warnings[0]).toMatch(/^正文没有日期行，版本日期取自文件名/)
    await server.db.write(
      `MATCH (l:Law {id: $id}) OPTIONAL MATCH (l)-[:HAS_VERSION]->(v) OPTIONAL MATCH (a:Article {lawId: $id}) WHERE a.slug IS NOT NULL
       DETACH DELETE l, v, a`,
      { id: accepted.data.importLaw.lawId },
    )
  })

  it('sends questions on an article changed by a newer version to the review queue (the quiz subscribes to law changes)', async () => {
    const title = `测试复核${uniqueId('t')}`
    const v1 = `# ${title}\n\n2020年1月1日 测试机关通过\n<!-- INFO END -->\n第一条 甲。\n第二条 乙。\n`
    const first = await gql(server.url, IMPORT, { fileName: 'review-2020.md', text: v1 }, admin)
    const lawId = first.data.importLaw.lawId as string
    const questionId = uniqueId('q')
    await server.db.write(
      `MATCH (:LawVersion {id: $versionId})-[:CONTAINS]->(a:Article {number: '第二条'})
       CREATE (:Question {id: $questionId, stem: '测试', status: 'PUBLISHED'})-[:TESTS]->(a)`,
      { versionId: first.data.importLaw.versionId, questionId },
    )
    const v2 = `# ${title}\n\n2022年1月1日 测试机关修订\n<!-- INFO END -->\n第一条 甲。\n第二条 乙已修改。\n`
    expect((await gql(server.url, IMPORT, { fileName: 'review-2022.md', text: v2 }, admin)).errors).toBeUndefined()
    const [row] = await server.db.read<{ needsReview: boolean | null }>('MATCH (q:Question {id: $questionId}) RETURN q.needsReview AS needsReview', { questionId })
    expect(row!.needsReview).toBe(true)
    await server.db.write(
      `MATCH (q:Question {id: $questionId}) DETACH DELETE q
       WITH 1 AS x
       MATCH (l:Law {id: $lawId}) OPTIONAL MATCH (l)-[:HAS_VERSION]->(v) OPTIONAL MATCH (a:Article {lawId: $lawId}) WHERE a.slug IS NOT NULL
       DETACH DELETE l, v, a`,
      { questionId, lawId },
    )
  })

  it('refuses cadres (FORBIDDEN) and anonymous readers (UNAUTHENTICATED)', async () => {
    const forbidden = await gql(server.url, IMPORT, { fileName: 'x.md', text: fakeLaw('无权限测试', '第一条 甲。\n') }, cadre)
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const anonymous = await gql(server.url, '{ laws { items { id } } }')
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED')
    expect(anonymous.data?.laws ?? null).toBeNull()
  })

  const malformed: [string, string, number][] = [
    ['no title', '\n2021年5月6日 测试机关通过\n<!-- INFO END -->\n第一条 甲。\n', 2],
    ['duplicate article numbers', fakeLaw('重复测试', '第一条 甲。\n第一条 乙。\n'), 6],
    ['a number going backwards', fakeLaw('倒退测试', '第二条 甲。\n第一条 乙。\n'), 6],
    ['an empty file', '', 0],
  ]

  it.each(malformed)('refuses %s with BAD_USER_INPUT naming file and line, writing nothing', async (_name, text, line) => {
    const before = await countGraph()
    const fileName = `${uniqueId('bad')}.md`
    const result = await gql(server.url, IMPORT, { fileName, text }, admin)
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toContain(`${fileName}:${line}:`)
    expect(result.errors![0]!.extensions).toMatchObject({ details: { file: fileName, line } })
    expect(await countGraph()).toBe(before)
  })

  it('refuses invalid UTF-8 bytes sent in the request, naming the line', async () => {
    const before = await countGraph()
    const head = JSON.stringify({ query: IMPORT, variables: { fileName: 'bytes.md', text: 'PLACEHOLDER' } }).split('PLACEHOLDER')
    const body = Buffer.concat([
      Buffer.from(head[0]!),
      Buffer.from(fakeLaw('编码测试', '第一条 甲').replace(/\n/g, '\\n')),
      Buffer.from([0xC3, 0x28, 0xFF]),
      Buffer.from(`。${head[1]!}`),
    ])
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'authorization': `Bearer ${admin}` }, body })
    const result = await response.json() as { errors?: { message: string, extensions: { code: string, details?: { line: number } } }[] }
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT')
    expect(result.errors![0]!.message).toContain('bytes.md:5:')
    expect(result.errors![0]!.message).toContain('UTF-8')
    expect(await countGraph()).toBe(before)
  })

  it('refuses a 20 MB file before reading it, writing nothing', async () => {
    const before = await countGraph()
    const result = await gql(server.url, IMPORT, { fileName: 'huge.md', text: fakeLaw('巨大文件', `第一条 ${'甲'.repeat(7 * 1024 * 1024)}`) }, admin)
    // The HTTP body limit (1 MB) answers before the parser's own 5 MB limit could.
    expect(result.status).toBe(413)
    expect(result.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE')
    expect(await countGraph()).toBe(before)
  })
})
