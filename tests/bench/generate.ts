/**
 * Deterministic generator of the benchmark's district-scale graph (DESIGN.md §7): organisations,
 * people, a synthetic law library (law → version → division → article, as the law graph contract
 * says), questions, quizzes, decisions with their step records and answered attempts.
 *
 * Everything here is pure: every row is a function of (seed, scale, index), computed from a hash of
 * those, so any batch can be rebuilt on its own (the loader resumes after a crash at the first batch
 * that did not commit) and the same seed always gives the same graph. The text is synthetic Chinese
 * built from a fixed vocabulary of common legal words, so the `cjk` full-text index sees realistic
 * bigrams; no statute text. Every node carries `synthetic: true` and an id starting with `bench-`.
 */

import type { DecisionStatusValue } from '../../server/src/decision/compliance'
import type { LawLevelValue, LawStatusValue } from '../../server/src/law/importPlan'
import type { QuestionValues } from '../../server/src/quiz/questionShape'
import type { StoredCard } from '../../server/src/study/spacedRepetition'
import { afterWrongAnswer, cardId, schedule } from '../../server/src/study/spacedRepetition'

/**
 * Version of what the generator makes. A dataset loaded by another version is not what this code
 * expects (the benchmark then loads it again): bump it whenever a row builder changes.
 */
export const GENERATOR_VERSION = 3

// ---------------------------------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------------------------------

/** FNV-1a of the seed and the keys: the state of the generator of one row. */
function hashKeys(seed: number, keys: (string | number)[]): number {
  let h = 0x811C9DC5 ^ seed
  const text = keys.join('|')
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A random stream in [0, 1) for one row (mulberry32 seeded by the seed and the keys). */
export function rng(seed: number, ...keys: (string | number)[]): () => number {
  let a = hashKeys(seed, keys)
  return () => {
    a = (a + 0x6D2B79F5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = () => number

function pick<T>(r: Random, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!
}

function between(r: Random, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1))
}

function weighted<T>(r: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0)
  let x = r() * total
  for (const [value, w] of choices) {
    x -= w
    if (x < 0)
      return value
  }
  return choices[choices.length - 1]![0]
}

/** Eight hex digits of a string's hash (for article ids, as the law import uses a text hash). */
export function shortHash(text: string): string {
  return hashKeys(0, [text]).toString(16).padStart(8, '0')
}

/**
 * `n` whole counts between `min` and `max` times the mean that add up to exactly `total` (every count
 * at least 1 when total ≥ n).
 */
export function distribute(total: number, n: number, r: Random, spread = 0.7): number[] {
  if (n <= 0)
    return []
  const weights = Array.from({ length: n }, () => 1 - spread + r() * 2 * spread)
  const sum = weights.reduce((a, b) => a + b, 0)
  const counts = weights.map(w => Math.max(total >= n ? 1 : 0, Math.floor(w * total / sum)))
  let rest = total - counts.reduce((a, b) => a + b, 0)
  for (let i = 0; rest !== 0; i = (i + 1) % n) {
    if (rest > 0) {
      counts[i]!++
      rest--
    }
    else if (counts[i]! > 1) {
      counts[i]!--
      rest++
    }
  }
  return counts
}

// ---------------------------------------------------------------------------------------------------
// Chinese numerals and dates
// ---------------------------------------------------------------------------------------------------

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 10 → 十, 25 → 二十五, 105 → 一百零五, 110 → 一百一十 (statute numbering). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999)
    throw new RangeError(`chineseNumber: ${n} is outside 1–9999`)
  if (n < 10)
    return DIGITS[n]!
  if (n < 20)
    return `十${n % 10 ? DIGITS[n % 10] : ''}`
  const units = [[1000, '千'], [100, '百'], [10, '十']] as const
  let out = ''
  let rest = n
  let zero = false
  for (const [value, name] of units) {
    const d = Math.floor(rest / value)
    rest %= value
    if (d > 0) {
      if (zero)
        out += '零'
      out += DIGITS[d]! + name
      zero = false
    }
    else if (out) {
      zero = true
    }
  }
  if (rest > 0)
    out += (zero ? '零' : '') + DIGITS[rest]!
  return out
}

const DAY = 86_400_000

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

/** A deterministic UUID-shaped string (step records need a client UUID). */
export function pseudoUuid(seed: number, ...keys: (string | number)[]): string {
  const r = rng(seed, 'uuid', ...keys)
  const hex = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary (common legal words, never statute text)
// ---------------------------------------------------------------------------------------------------

const SUBJECTS = ['行政机关', '决策机关', '决策承办单位', '县级以上地方人民政府', '乡镇人民政府', '司法行政部门', '有关部门', '村民委员会', '居民委员会', '法律顾问', '公职律师', '人民调解委员会', '档案机构', '政府法制机构', '执法人员', '监察机关']
const MODALS = ['应当', '可以', '不得', '必须', '应当及时', '应当依法', '有权']
const VERBS = ['组织', '开展', '公开', '审查', '听取', '论证', '评估', '决定', '公布', '报告', '备案', '监督', '记录', '归档', '调解', '执行', '落实', '说明', '征求', '核实']
const OBJECTS = ['重大行政决策', '公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', '决策草案', '征求意见', '听证会', '政府信息', '行政复议', '行政诉讼', '法治宣传教育', '法律顾问制度', '决策档案', '社会稳定风险', '执法程序', '规范性文件', '权力清单', '责任追究', '决策事项目录', '合同审查', '矛盾纠纷', '基层治理']
const ADVERBIALS = ['依照法定程序', '在规定期限内', '以便于群众参与的方式', '根据实际情况', '按照有关规定', '自收到材料之日起', '在决策作出前', '通过政府网站', '结合本地区实际', '在职责范围内']
const CLOSINGS = ['并将结果向社会公布', '并对其真实性负责', '具体办法由本级人民政府规定', '但法律另有规定的除外', '并听取有关方面意见', '确保程序正当', '保障公民合法权益', '并记录在案']
const TITLE_REGIONS = ['基准区', '示范市', '样例县', '合成省']
const TITLE_KINDS = ['条例', '办法', '规定', '实施细则', '暂行办法', '工作规则']
const CAPTIONS = ['立法目的', '适用范围', '基本原则', '职责分工', '程序要求', '公开要求', '监督检查', '法律责任', '附则', '定义']
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国建华志强海燕晓东丹宇浩然文博俊杰思远'

/** Phrases to search for: words of the vocabulary, so they hit many articles as real queries do. */
export const SEARCH_PHRASES: readonly string[] = [
  '合法性审查',
  '公众参与',
  '重大行政决策',
  '社会稳定风险',
  '专家论证',
  '征求意见',
  '法律顾问',
  '集体讨论决定',
  '政府信息 公开',
  '决策草案 听证会',
  '行政复议',
  '规范性文件 备案',
  '执法程序',
  '矛盾纠纷 调解',
  '决策档案 归档',
  '责任追究',
]

function sentence(r: Random): string {
  const main = `${pick(r, SUBJECTS)}${r() < 0.5 ? pick(r, ADVERBIALS) : ''}${pick(r, MODALS)}${pick(r, VERBS)}${pick(r, OBJECTS)}`
  const rest = r() < 0.6 ? `，${r() < 0.5 ? pick(r, CLOSINGS) : `${pick(r, VERBS)}${pick(r, OBJECTS)}`}` : ''
  return `${main}${rest}。`
}

function paragraph(r: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join('')
}

// ---------------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------------

/** How many of each thing a scale gives (scale 1 = DESIGN.md §7). */
export interface BenchCounts {
  organizations: number
  people: number
  users: number
  topics: number
  laws: number
  articles: number
  questions: number
  quizzes: number
  decisions: number
  stepRecords: number
  attempts: number
  answersPerAttempt: number
}

export function countsFor(scale: number): BenchCounts {
  if (!(scale > 0) || scale > 10)
    throw new RangeError(`--scale must be above 0 and at most 10 (got ${scale})`)
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale))
  return {
    organizations: at(300, 8),
    people: at(20_000, 100),
    users: at(1_000, 200),
    topics: 24,
    laws: at(500, 5),
    articles: at(50_000, 250),
    questions: at(20_000, 200),
    quizzes: at(400, 10),
    decisions: at(5_000, 20),
    stepRecords: at(40_000, 160),
    attempts: at(200_000, 200),
    answersPerAttempt: 10,
  }
}

// ---------------------------------------------------------------------------------------------------
// The plan: the small index structures every row builder shares
// ---------------------------------------------------------------------------------------------------

/** One synthetic law's shape. */
export interface LawShape {
  index: number
  id: string
  articleCount: number
  /** Global index of its first article. */
  firstArticle: number
  /** Articles per chapter. */
  chapters: number[]
  /** Chapters are split into two sections each. */
  sections: boolean
  /** The law also has an older version, in which a few articles read differently. */
  oldVersion: boolean
  versionDate: string
  oldVersionDate: string | null
  /** Articles (numbers) whose text the older version had differently. */
  changed: number[]
}

export interface BenchPlan {
  scale: number
  seed: number
  counts: BenchCounts
  laws: LawShape[]
  /** Step records per decision; adds up to counts.stepRecords. */
  stepsPerDecision: number[]
  /** Index of each decision's first step record. */
  firstStep: number[]
  /** Units that take decisions: governments and departments. */
  decidingOrganizations: string[]
  /** Laws in force (quizzes draw from these: questions on repealed laws are flagged for review). */
  inForce: LawShape[]
}

export function lawId(index: number): string {
  return `bench-law-${String(index + 1).padStart(4, '0')}`
}

export function makePlan(scale: number, seed: number): BenchPlan {
  const counts = countsFor(scale)
  const perLaw = distribute(counts.articles, counts.laws, rng(seed, 'articles-per-law'))
  let first = 0
  const laws = perLaw.map((articleCount, index): LawShape => {
    const r = rng(seed, 'law-shape', index)
    const chapterCount = Math.max(1, Math.round(articleCount / between(r, 8, 16)))
    const chapters = distribute(articleCount, Math.min(chapterCount, articleCount), r, 0.4)
    const oldVersion = r() < 0.1 && articleCount >= 4
    const versionDate = addDays('2012-01-01', between(r, 0, 4500))
    const changed = oldVersion ? [between(r, 1, articleCount), between(r, 1, articleCount)].filter((n, i, a) => a.indexOf(n) === i) : []
    const shape: LawShape = {
      index,
      id: lawId(index),
      articleCount,
      firstArticle: first,
      chapters,
      sections: r() < 0.2 && chapters.every(c => c >= 2),
      oldVersion,
      versionDate,
      oldVersionDate: oldVersion ? addDays(versionDate, -between(r, 400, 2500)) : null,
      changed,
    }
    first += articleCount
    return shape
  })
  const stepsPerDecision = distribute(counts.stepRecords, counts.decisions, rng(seed, 'steps-per-decision'), 0.6)
  const firstStep: number[] = []
  stepsPerDecision.reduce((at, n) => {
    firstStep.push(at)
    return at + n
  }, 0)
  const inForce = laws.filter(l => lawRow(seed, l).status === 'IN_FORCE')
  const plan: BenchPlan = { scale, seed, counts, laws, stepsPerDecision, firstStep, decidingOrganizations: [], inForce: inForce.length > 0 ? inForce : laws }
  plan.decidingOrganizations = organizationRows(plan).filter(o => o.kind === 'GOVERNMENT' || o.kind === 'DEPARTMENT').map(o => o.id)
  return plan
}

/** The law and article number of a global article index. */
export function articleAt(plan: BenchPlan, global: number): { law: LawShape, number: number } {
  let lo = 0
  let hi = plan.laws.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (plan.laws[mid]!.firstArticle <= global)
      lo = mid
    else hi = mid - 1
  }
  const law = plan.laws[lo]!
  return { law, number: global - law.firstArticle + 1 }
}

// ---------------------------------------------------------------------------------------------------
// Reference rows: topics, organisations, people, users
// ---------------------------------------------------------------------------------------------------

export interface TopicRow {
  id: string
  name: string
  nameEn: string
  description: string
  synthetic: true
}

export function topicRows(plan: BenchPlan): TopicRow[] {
  return Array.from({ length: plan.counts.topics }, (_, i) => ({
    id: `bench-topic-${String(i + 1).padStart(2, '0')}`,
    name: `${OBJECTS[i % OBJECTS.length]}（合成）`,
    nameEn: `Synthetic topic ${i + 1}`,
    description: '基准测试用的合成知识点 (synthetic benchmark topic).',
    synthetic: true,
  }))
}

export interface OrganizationRow {
  id: string
  name: string
  kind: 'GOVERNMENT' | 'DEPARTMENT' | 'VILLAGE' | 'RESIDENTS_COMMITTEE' | 'PARTY_ORG'
  parentId: string | null
  synthetic: true
}

export function organizationId(index: number): string {
  return `bench-org-${String(index + 1).padStart(4, '0')}`
}

/**
 * A district government, its towns (about one in fifteen units) and departments, and villages and
 * residents' committees under the towns.
 */
export function organizationRows(plan: BenchPlan): OrganizationRow[] {
  const n = plan.counts.organizations
  const towns = Math.max(1, Math.round(n / 15))
  const rows: OrganizationRow[] = [{ id: organizationId(0), name: '基准区人民政府（合成）', kind: 'GOVERNMENT', parentId: null, synthetic: true }]
  for (let i = 1; i < n; i++) {
    const r = rng(plan.seed, 'org', i)
    if (i <= towns) {
      rows.push({ id: organizationId(i), name: `基准区第${chineseNumber(i)}镇人民政府（合成）`, kind: 'GOVERNMENT', parentId: organizationId(0), synthetic: true })
      continue
    }
    const town = between(r, 1, towns)
    const kind = weighted(r, [['DEPARTMENT', 3], ['VILLAGE', 5], ['RESIDENTS_COMMITTEE', 3], ['PARTY_ORG', 1]] as const)
    const label = { DEPARTMENT: `${pick(r, OBJECTS)}办公室`, VILLAGE: '村民委员会', RESIDENTS_COMMITTEE: '社区居民委员会', PARTY_ORG: '党群工作办公室' }[kind]
    rows.push({ id: organizationId(i), name: `第${chineseNumber(town)}镇第${chineseNumber(i)}${label}（合成）`, kind, parentId: organizationId(town), synthetic: true })
  }
  return rows
}

export interface PersonRow {
  id: string
  name: string
  category: 'LEADING' | 'RESERVE' | 'GENERAL' | 'ADVISOR'
  organizationId: string
  advises: string[]
  synthetic: true
  sample: false
}

export function personId(index: number): string {
  return `bench-person-${String(index + 1).padStart(6, '0')}`
}

export function personRows(plan: BenchPlan, from: number, to: number): PersonRow[] {
  const orgs = plan.counts.organizations
  const rows: PersonRow[] = []
  for (let i = from; i < Math.min(to, plan.counts.people); i++) {
    const r = rng(plan.seed, 'person', i)
    const category = weighted(r, [['LEADING', 10], ['RESERVE', 10], ['GENERAL', 77], ['ADVISOR', 3]] as const)
    const advises = category === 'ADVISOR' ? Array.from({ length: between(r, 1, 5) }, () => organizationId(Math.floor(r() * orgs))) : []
    rows.push({
      id: personId(i),
      name: `${pick(r, [...SURNAMES])}${pick(r, [...GIVEN])}${r() < 0.6 ? pick(r, [...GIVEN]) : ''}（合成）`,
      category,
      organizationId: organizationId(Math.floor(r() * orgs)),
      advises: [...new Set(advises)],
      synthetic: true,
      sample: false,
    })
  }
  return rows
}

export interface UserRow {
  id: string
  username: string
  personId: string
  roles: string[]
}

/** Accounts of the first people (cadres), for the per-user queries; the password hash is shared. */
export function userRows(plan: BenchPlan): UserRow[] {
  const n = Math.min(plan.counts.users, plan.counts.people)
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-user-${String(i + 1).padStart(5, '0')}`,
    username: `bench-user-${i + 1}`,
    personId: personId(i),
    roles: ['CADRE'],
  }))
}

// ---------------------------------------------------------------------------------------------------
// The law library
// ---------------------------------------------------------------------------------------------------

export interface LawRow {
  id: string
  title: string
  shortTitle: string
  level: LawLevelValue
  issuer: string
  docNumber: string
  status: LawStatusValue
  textComplete: true
  synthetic: true
}

export interface LawVersionRow {
  id: string
  lawId: string
  versionDate: string
  promulgatedOn: string
  effectiveFrom: string
  current: boolean
  source: 'CORPUS'
  textComplete: true
  partialNote: null
  synthetic: true
}

export interface DivisionRow {
  id: string
  versionId: string
  /** A LawVersion id for chapters, a Division id for sections. */
  parentId: string
  kind: 'CHAPTER' | 'SECTION'
  number: string
  ordinal: number
  title: string
  order: number
  synthetic: true
}

export interface ArticleRow {
  id: string
  lawId: string
  slug: string
  number: string
  ordinal: number
  caption: string | null
  text: string
  paragraphs: string[]
  summary: string | null
  textSource: 'OFFICIAL'
  synthetic: true
}

/** All rows of one law: its node, versions, divisions, articles and structure relationships. */
export interface LawRows {
  law: LawRow
  versions: LawVersionRow[]
  supersedes: { from: string, to: string }[]
  divisions: DivisionRow[]
  articles: ArticleRow[]
  contains: { versionId: string, articleId: string }[]
  placed: { divisionId: string, articleId: string }[]
  replaces: { from: string, to: string }[]
}

/** Text of article `number` of a law; `variant` 1 is the older wording of a changed article. */
function articleBody(seed: number, law: LawShape, number: number, variant: 0 | 1): { caption: string | null, paragraphs: string[], summary: string | null } {
  const r = rng(seed, 'article', law.index, number, variant)
  const paragraphs = Array.from({ length: weighted(r, [[1, 5], [2, 3], [3, 2]] as const) }, () => paragraph(r, between(r, 1, 3)))
  return {
    caption: r() < 0.3 ? pick(r, CAPTIONS) : null,
    paragraphs,
    summary: r() < 0.1 ? `要点：${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}的要求（合成）。` : null,
  }
}

function articleRow(seed: number, law: LawShape, number: number, variant: 0 | 1): ArticleRow {
  const body = articleBody(seed, law, number, variant)
  const text = body.paragraphs.join('\n')
  return {
    id: `${law.id}/${number}~${shortHash(text)}`,
    lawId: law.id,
    slug: String(number),
    number: `第${chineseNumber(number)}条`,
    ordinal: number,
    caption: body.caption,
    text,
    paragraphs: body.paragraphs,
    summary: body.summary,
    textSource: 'OFFICIAL',
    synthetic: true,
  }
}

/** Id of the current-version article `number` of a law. */
export function articleId(plan: BenchPlan, law: LawShape, number: number): string {
  return articleRow(plan.seed, law, number, 0).id
}

/** Id of the current-version article with this global index. */
export function articleIdAt(plan: BenchPlan, global: number): string {
  const { law, number } = articleAt(plan, global)
  return articleId(plan, law, number)
}

/** The Law node of a law shape. */
export function lawRow(seed: number, law: Pick<LawShape, 'index' | 'id'>): LawRow {
  const r = rng(seed, 'law', law.index)
  const region = pick(r, TITLE_REGIONS)
  const subject = pick(r, OBJECTS)
  const kind = pick(r, TITLE_KINDS)
  const serial = String(law.index + 1).padStart(4, '0')
  return {
    id: law.id,
    title: `${region}${subject}${kind}（合成${serial}）`,
    shortTitle: `${subject}${kind}${serial}`,
    level: weighted(r, [['ADMINISTRATIVE_REGULATION', 1], ['LOCAL_REGULATION', 3], ['GOVERNMENT_RULE', 4], ['NORMATIVE_DOCUMENT', 2]] as const),
    issuer: `${region}人民政府（合成）`,
    docNumber: `合成令第${law.index + 1}号`,
    status: weighted(r, [['IN_FORCE', 90], ['REPEALED', 5], ['NOT_YET_EFFECTIVE', 5]] as const),
    textComplete: true,
    synthetic: true,
  }
}

export function lawRows(plan: BenchPlan, law: LawShape): LawRows {
  const versions: { date: string, current: boolean, variant: 0 | 1 }[] = [{ date: law.versionDate, current: true, variant: 0 }]
  if (law.oldVersionDate)
    versions.push({ date: law.oldVersionDate, current: false, variant: 1 })
  const rows: LawRows = { law: lawRow(plan.seed, law), versions: [], supersedes: [], divisions: [], articles: [], contains: [], placed: [], replaces: [] }
  const current = Array.from({ length: law.articleCount }, (_, i) => articleRow(plan.seed, law, i + 1, 0))
  rows.articles.push(...current)
  for (const v of versions) {
    const versionId = `${law.id}@${v.date}`
    rows.versions.push({
      id: versionId,
      lawId: law.id,
      versionDate: v.date,
      promulgatedOn: addDays(v.date, -30),
      effectiveFrom: v.date,
      current: v.current,
      source: 'CORPUS',
      textComplete: true,
      partialNote: null,
      synthetic: true,
    })
    // The older version shares every unchanged article node and has its own node for a changed one.
    const articles = current.map((a, i) => {
      if (v.variant === 0 || !law.changed.includes(i + 1))
        return a
      const old = articleRow(plan.seed, law, i + 1, 1)
      rows.articles.push(old)
      rows.replaces.push({ from: a.id, to: old.id })
      return old
    })
    let next = 0
    law.chapters.forEach((size, c) => {
      const chapter: DivisionRow = {
        id: `${versionId}/c${c + 1}`,
        versionId,
        parentId: versionId,
        kind: 'CHAPTER',
        number: `第${chineseNumber(c + 1)}章`,
        ordinal: c + 1,
        title: `${pick(rng(plan.seed, 'chapter', law.index, c), OBJECTS)}`,
        order: c + 1,
        synthetic: true,
      }
      rows.divisions.push(chapter)
      const parts = law.sections ? [Math.ceil(size / 2), Math.floor(size / 2)] : [size]
      parts.forEach((count, s) => {
        let holder = chapter
        if (law.sections) {
          holder = {
            id: `${chapter.id}/s${s + 1}`,
            versionId,
            parentId: chapter.id,
            kind: 'SECTION',
            number: `第${chineseNumber(s + 1)}节`,
            ordinal: s + 1,
            title: pick(rng(plan.seed, 'section', law.index, c, s), OBJECTS),
            order: s + 1,
            synthetic: true,
          }
          rows.divisions.push(holder)
        }
        for (let k = 0; k < count; k++) {
          const a = articles[next++]!
          rows.placed.push({ divisionId: holder.id, articleId: a.id })
          rows.contains.push({ versionId, articleId: a.id })
        }
      })
    })
  }
  if (law.oldVersionDate)
    rows.supersedes.push({ from: `${law.id}@${law.versionDate}`, to: `${law.id}@${law.oldVersionDate}` })
  return rows
}

/** Citations (CITES) and topic links (ABOUT) of one law's current articles. */
export function linkRows(plan: BenchPlan, law: LawShape): { cites: { from: string, to: string }[], citesLaw: { from: string, to: string }[], about: { articleId: string, topicId: string }[] } {
  const cites: { from: string, to: string }[] = []
  const citesLaw: { from: string, to: string }[] = []
  const about: { articleId: string, topicId: string }[] = []
  const topics = topicRows(plan)
  for (let n = 1; n <= law.articleCount; n++) {
    const r = rng(plan.seed, 'links', law.index, n)
    const from = articleId(plan, law, n)
    if (r() < 0.15 && law.articleCount > 1) {
      let to = between(r, 1, law.articleCount)
      if (to === n)
        to = to === 1 ? 2 : to - 1
      cites.push({ from, to: articleId(plan, law, to) })
    }
    if (r() < 0.06) {
      const target = articleIdAt(plan, Math.floor(r() * plan.counts.articles))
      if (target !== from)
        cites.push({ from, to: target })
    }
    if (r() < 0.03)
      citesLaw.push({ from, to: lawId(Math.floor(r() * plan.counts.laws)) })
    if (r() < 0.3) {
      const t = Math.floor(r() * topics.length)
      about.push({ articleId: from, topicId: topics[t]!.id })
      if (r() < 0.3)
        about.push({ articleId: from, topicId: topics[(t + 1) % topics.length]!.id })
    }
  }
  return { cites, citesLaw, about }
}

// ---------------------------------------------------------------------------------------------------
// Question bank and quizzes
// ---------------------------------------------------------------------------------------------------

export interface QuestionRow extends QuestionValues {
  id: string
  originId: string
  version: 1
  status: 'DRAFT' | 'PUBLISHED' | 'RETIRED'
  needsReview: false
  sample: false
  synthetic: true
  createdAt: string
  articleIds: string[]
  topicIds: string[]
}

export function questionId(index: number): string {
  return `bench-q-${String(index + 1).padStart(6, '0')}`
}

/** Question j tests articles of law j mod laws; so the questions of a law are j = law + k·laws. */
export function questionLaw(plan: BenchPlan, j: number): LawShape {
  return plan.laws[j % plan.laws.length]!
}

function questionStatus(plan: BenchPlan, j: number): QuestionRow['status'] {
  return weighted(rng(plan.seed, 'question-status', j), [['PUBLISHED', 92], ['DRAFT', 5], ['RETIRED', 3]] as const)
}

export function questionDifficulty(plan: BenchPlan, j: number): number {
  return between(rng(plan.seed, 'question-difficulty', j), 1, 5)
}

export function questionRows(plan: BenchPlan, from: number, to: number): QuestionRow[] {
  const topics = topicRows(plan)
  const rows: QuestionRow[] = []
  for (let j = from; j < Math.min(to, plan.counts.questions); j++) {
    const r = rng(plan.seed, 'question', j)
    const law = questionLaw(plan, j)
    const first = between(r, 1, law.articleCount)
    const numbers = r() < 0.3 && law.articleCount > 1 ? [first, first === law.articleCount ? first - 1 : first + 1] : [first]
    const type = weighted(r, [['SINGLE', 50], ['MULTIPLE', 25], ['TRUE_FALSE', 20], ['FILL_BLANK', 5]] as const)
    const claim = `${pick(r, SUBJECTS)}${pick(r, MODALS)}${pick(r, VERBS)}${pick(r, OBJECTS)}`
    const choices = Array.from({ length: 4 }, () => `${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}`)
    const shaped = {
      SINGLE: { stem: `关于${pick(r, OBJECTS)}，下列说法正确的是？（合成）`, options: choices, answer: [pick(r, ['A', 'B', 'C', 'D'])] },
      MULTIPLE: { stem: `关于${pick(r, OBJECTS)}，下列说法正确的有？（合成）`, options: choices, answer: ['A', 'B', 'C', 'D'].filter((_, i) => i < 2 || r() < 0.4) },
      TRUE_FALSE: { stem: `${claim}。（合成）`, options: [], answer: [r() < 0.5 ? 'TRUE' : 'FALSE'] },
      FILL_BLANK: { stem: `${pick(r, SUBJECTS)}${pick(r, MODALS)}____${pick(r, OBJECTS)}。（合成）`, options: [], answer: [pick(r, VERBS)] },
    }[type]
    rows.push({
      id: questionId(j),
      originId: questionId(j),
      version: 1,
      type,
      ...shaped,
      explanation: `依据${law.id}第${chineseNumber(first)}条：${paragraph(r, 1)}（合成解析）`,
      difficulty: questionDifficulty(plan, j),
      status: questionStatus(plan, j),
      needsReview: false,
      sample: false,
      synthetic: true,
      createdAt: new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 700) * DAY).toISOString(),
      articleIds: numbers.map(n => articleId(plan, law, n)),
      topicIds: [topics[Math.floor(r() * topics.length)]!.id],
    })
  }
  return rows
}

/** Published questions of a law, by index. */
export function publishedQuestionsOfLaw(plan: BenchPlan, law: LawShape): number[] {
  const out: number[] = []
  for (let j = law.index; j < plan.counts.questions; j += plan.laws.length) {
    if (questionStatus(plan, j) === 'PUBLISHED')
      out.push(j)
  }
  return out
}

export interface QuizRow {
  id: string
  title: string
  mode: string
  kind: 'FIXED' | 'BLUEPRINT'
  status: 'PUBLISHED'
  timeLimitSec: number | null
  passScore: number
  attemptsAllowed: number | null
  scoring: 'BEST'
  reveal: 'AFTER_SUBMIT'
  shuffleOptions: boolean
  multiplePartialCredit: false
  sample: false
  synthetic: true
  createdAt: string
  /** Fixed quizzes: question ids in order (2 points each). */
  items: string[]
  /** Blueprint quizzes: draw 5 of each law, any difficulty, 2 points each. */
  draws: string[]
}

export function quizId(index: number): string {
  return `bench-quiz-${String(index + 1).padStart(4, '0')}`
}

/** Questions drawn per blueprint row and points per question. */
export const QUIZ_ROW_COUNT = 5
export const QUIZ_POINTS = 2

/** The laws quiz k draws from (or takes its questions from): laws in force, as a trainer would pick. */
function quizLaws(plan: BenchPlan, k: number): LawShape[] {
  const laws = plan.inForce
  const a = laws[k % laws.length]!
  const b = laws[(k * 7 + 3) % laws.length]!
  return a === b ? [a] : [a, b]
}

export function quizRows(plan: BenchPlan): QuizRow[] {
  return Array.from({ length: plan.counts.quizzes }, (_, k) => {
    const r = rng(plan.seed, 'quiz', k)
    const laws = quizLaws(plan, k)
    const fixed = k % 10 >= 7
    const items = fixed ? publishedQuestionsOfLaw(plan, laws[0]!).slice(0, 10).map(questionId) : []
    return {
      id: quizId(k),
      title: `${pick(r, OBJECTS)}${fixed ? '会前学法测试' : '抽题考试'}（合成${k + 1}）`,
      mode: fixed ? 'PRACTICE' : 'EXAM',
      kind: fixed && items.length > 0 ? 'FIXED' : 'BLUEPRINT',
      status: 'PUBLISHED',
      timeLimitSec: fixed ? null : 1800,
      passScore: 60,
      attemptsAllowed: null,
      scoring: 'BEST',
      reveal: 'AFTER_SUBMIT',
      shuffleOptions: r() < 0.5,
      multiplePartialCredit: false,
      sample: false,
      synthetic: true,
      createdAt: new Date(Date.UTC(2024, 0, 1) + k * 3_600_000).toISOString(),
      items: fixed ? items : [],
      draws: fixed && items.length > 0 ? [] : laws.map(l => l.id),
    }
  })
}

// ---------------------------------------------------------------------------------------------------
// Attempts
// ---------------------------------------------------------------------------------------------------

export interface AnswerRow {
  questionId: string
  order: number
  points: number
  given: string[]
  correct: boolean
  earned: number
  ms: number
  savedAt: string
}

/** A review card (REVIEWS) of a question answered wrongly, as the study feature stores it. */
export interface CardRow extends StoredCard {
  id: string
  questionId: string
  lastWrongAt: string
}

export interface AttemptRow {
  id: string
  personId: string
  quizId: string
  startedAt: string
  deadline: string | null
  submittedAt: string
  submissionId: string
  score: number
  maxScore: number
  answers: AnswerRow[]
  cards: CardRow[]
  synthetic: true
}

/**
 * Submitted attempts, as the study feature leaves them: the questions drawn (ITEM), the answers saved
 * (ANSWERED), the score, and a review card for each wrong answer (reviewed once since, for most).
 */
export function attemptRows(plan: BenchPlan, from: number, to: number, quizzes: QuizRow[] = quizRows(plan)): AttemptRow[] {
  const rows: AttemptRow[] = []
  for (let i = from; i < Math.min(to, plan.counts.attempts); i++) {
    const r = rng(plan.seed, 'attempt', i)
    const k = Math.floor(r() * quizzes.length)
    const quiz = quizzes[k]!
    let questions: number[]
    if (quiz.kind === 'FIXED') {
      questions = quiz.items.map(id => Number(id.slice('bench-q-'.length)) - 1)
    }
    else {
      questions = []
      for (const law of quizLaws(plan, k)) {
        const pool = publishedQuestionsOfLaw(plan, law)
        const take = Math.min(QUIZ_ROW_COUNT, pool.length)
        const start = Math.floor(r() * pool.length)
        for (let m = 0; m < take; m++)
          questions.push(pool[(start + m * 3) % pool.length]!)
      }
      questions = [...new Set(questions)].slice(0, plan.counts.answersPerAttempt)
    }
    const personIndex = Math.floor(r() * plan.counts.people)
    const startedAt = Date.UTC(2024, 0, 1) + Math.floor(r() * 700 * DAY)
    let elapsed = 0
    const answers = questions.map((j, n): AnswerRow => {
      const correct = r() < 0.95 - questionDifficulty(plan, j) * 0.08
      const ms = between(r, 4_000, 60_000)
      elapsed += ms
      return {
        questionId: questionId(j),
        order: n + 1,
        points: QUIZ_POINTS,
        given: [correct ? 'A' : 'B'],
        correct,
        earned: correct ? QUIZ_POINTS : 0,
        ms,
        savedAt: new Date(startedAt + elapsed).toISOString(),
      }
    })
    const submitted = new Date(startedAt + elapsed + 5_000)
    const cards = answers.filter(a => !a.correct).map((a): CardRow => {
      let card = afterWrongAnswer(null, submitted)
      if (r() < 0.6)
        card = schedule(card, r() < 0.7 ? 'GOOD' : 'HARD', new Date(submitted.getTime() + between(r, 1, 10) * DAY))
      return { ...card, id: cardId(personId(personIndex), a.questionId), questionId: a.questionId, lastWrongAt: submitted.toISOString() }
    })
    rows.push({
      id: `bench-attempt-${String(i + 1).padStart(7, '0')}`,
      personId: personId(personIndex),
      quizId: quiz.id,
      startedAt: new Date(startedAt).toISOString(),
      deadline: quiz.timeLimitSec ? new Date(startedAt + quiz.timeLimitSec * 1000).toISOString() : null,
      submittedAt: submitted.toISOString(),
      submissionId: pseudoUuid(plan.seed, 'submission', i),
      score: answers.reduce((n, a) => n + a.earned, 0),
      maxScore: answers.length * QUIZ_POINTS,
      answers,
      cards,
      synthetic: true,
    })
  }
  return rows
}

/**
 * Attempts in progress with their answers saved, for the submission scenario: attempt `k` belongs to
 * bench account `k mod accounts` and is otherwise the generated attempt k.
 */
export function openAttemptRows(plan: BenchPlan, tag: string, from: number, to: number, accounts: number, quizzes: QuizRow[] = quizRows(plan)): AttemptRow[] {
  return Array.from({ length: to - from }, (_, n) => {
    const k = from + n
    const base = attemptRows(plan, k % plan.counts.attempts, k % plan.counts.attempts + 1, quizzes)[0]!
    return { ...base, id: `bench-open-${tag}-${k}`, personId: personId(k % accounts), cards: [] }
  })
}

// ---------------------------------------------------------------------------------------------------
// Decisions and step records
// ---------------------------------------------------------------------------------------------------

export interface DecisionRow {
  id: string
  title: string
  summary: string
  domain: string
  status: DecisionStatusValue
  decidedOn: string | null
  affectsPublic: boolean
  technical: boolean
  stabilityRisk: boolean
  confidential: boolean
  sample: false
  synthetic: true
  organizationId: string
  year: number
  catalogueId: string
  basedOn: string[]
}

export function decisionId(index: number): string {
  return `bench-decision-${String(index + 1).padStart(5, '0')}`
}

/** A deciding unit (the first ones, the district and the towns, are the busiest). */
function decidingOrganization(plan: BenchPlan, r: Random): string {
  const orgs = plan.decidingOrganizations
  return orgs[Math.floor(r() ** 1.5 * orgs.length)]!
}

/** Catalogue years of the generated decisions. */
export const DECISION_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const

export function decisionRows(plan: BenchPlan, from: number, to: number): DecisionRow[] {
  const rows: DecisionRow[] = []
  for (let i = from; i < Math.min(to, plan.counts.decisions); i++) {
    const r = rng(plan.seed, 'decision', i)
    const year = pick(r, DECISION_YEARS)
    const status = weighted(r, [['DRAFT', 5], ['IN_PROGRESS', 10], ['DECIDED', 20], ['PUBLISHED', 45], ['ARCHIVED', 20]] as const)
    const organizationId = decidingOrganization(plan, r)
    const subject = pick(r, OBJECTS)
    rows.push({
      id: decisionId(i),
      title: `关于${pick(r, TITLE_REGIONS)}${subject}${pick(r, ['实施方案', '若干措施', '管理办法', '调整方案', '建设规划'])}的决定（合成${i + 1}）`,
      summary: paragraph(r, 2),
      domain: subject,
      status,
      decidedOn: status === 'DRAFT' && r() < 0.5 ? null : addDays(`${year}-01-01`, between(r, 20, 350)),
      affectsPublic: r() < 0.7,
      technical: r() < 0.4,
      stabilityRisk: r() < 0.25,
      confidential: r() < 0.05,
      sample: false,
      synthetic: true,
      organizationId,
      year,
      catalogueId: `catalogue-${organizationId}-${year}`,
      basedOn: Array.from({ length: between(r, 1, 3) }, () => articleIdAt(plan, Math.floor(r() * plan.counts.articles)))
        .filter((id, k, all) => all.indexOf(id) === k),
    })
  }
  return rows
}

export interface StepRecordRow {
  id: string
  clientId: string
  decisionId: string
  stepCode: string
  startedOn: string | null
  completedOn: string | null
  outcome: string | null
  evidenceTitles: string[]
  evidenceNumbers: string[]
  note: string | null
  correctsId: string | null
  recordedAt: string
  performedBy: string | null
  synthetic: true
}

/** Steps in the order a decision usually goes through them, with their offset before the decision date. */
const STEP_PLAN: [string, number][] = [
  ['PUBLIC_PARTICIPATION', -80],
  ['EXPERT_ARGUMENTATION', -40],
  ['RISK_ASSESSMENT', -35],
  ['LEGALITY_REVIEW', -20],
  ['PARTY_REPORT', -8],
  ['COLLECTIVE_DECISION', 0],
  ['PUBLICATION', 7],
  ['ARCHIVING', 40],
]

/**
 * The step records of one decision: the steps its facts call for, in order, with a mix of the
 * defects the compliance check looks for (a short comment period, a review after the meeting, no
 * evidence, a missing step) and corrections (a record that CORRECTS an earlier one) to reach its count.
 */
export function stepRecordRows(plan: BenchPlan, decision: DecisionRow, index: number): StepRecordRow[] {
  const count = plan.stepsPerDecision[index] ?? 0
  const r = rng(plan.seed, 'steps', index)
  const date = decision.decidedOn ?? addDays(`${decision.year}-06-30`, 0)
  const wanted = STEP_PLAN.filter(([code]) => (code !== 'EXPERT_ARGUMENTATION' || decision.technical)
    && (code !== 'RISK_ASSESSMENT' || decision.stabilityRisk)
    && (code !== 'PUBLIC_PARTICIPATION' || decision.affectsPublic || r() < 0.5))
  const people = plan.counts.people
  const rows: StepRecordRow[] = []
  const record = (code: string, offset: number, n: number, corrects: StepRecordRow | null): StepRecordRow => {
    const outOfOrder = code === 'LEGALITY_REVIEW' && r() < 0.05
    const completedOn = addDays(date, outOfOrder ? 3 : offset)
    const period = code === 'PUBLIC_PARTICIPATION' ? (r() < 0.1 ? between(r, 10, 29) : between(r, 30, 45)) : 0
    const evidence = r() < 0.07 ? 0 : between(r, 1, 2)
    return {
      id: `bench-record-${String(index + 1).padStart(5, '0')}-${n + 1}`,
      clientId: pseudoUuid(plan.seed, 'record', index, n),
      decisionId: decision.id,
      stepCode: code,
      startedOn: period > 0 ? addDays(completedOn, -period) : null,
      completedOn,
      outcome: `${paragraph(r, 1)}（合成）`,
      evidenceTitles: Array.from({ length: evidence }, (_, e) => `${pick(r, OBJECTS)}材料${e + 1}（合成）`),
      evidenceNumbers: Array.from({ length: evidence }, () => (r() < 0.5 ? `合成〔${decision.year}〕${between(r, 1, 99)}号` : '')),
      note: corrects ? '更正此前记录（合成）' : null,
      correctsId: corrects?.id ?? null,
      recordedAt: new Date(Date.parse(`${completedOn}T10:00:00Z`) + n * 60_000).toISOString(),
      performedBy: r() < 0.6 ? personId(Math.floor(r() * people)) : null,
      synthetic: true,
    }
  }
  // Drop steps when the decision has fewer records than steps (those become missing steps) …
  const steps = [...wanted]
  while (steps.length > count)
    steps.splice(Math.floor(r() * steps.length), 1)
  for (const [code, offset] of steps)
    rows.push(record(code, offset, rows.length, null))
  // … and add corrections and repeated rounds when it has more.
  while (rows.length < count) {
    const target = rows.length > 0 && r() < 0.5 ? rows[Math.floor(r() * rows.length)]! : null
    const [code, offset] = target ? [target.stepCode, 0] : pick(r, STEP_PLAN)
    rows.push(record(code, target ? Math.round((Date.parse(target.completedOn!) - Date.parse(date)) / DAY) : offset, rows.length, target))
  }
  return rows
}
