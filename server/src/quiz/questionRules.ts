/**
 * The rules a question must satisfy, per type (题型). Pure: the caller looks the tested articles up and
 * passes what it found, so every rule is unit-testable without a database. Each violation names the
 * field and says, in Chinese and English, what to change.
 */
import type { QuestionContent } from './questionShape'
import { hasVisibleText } from '../common/visibleText'
import { QUESTION_KINDS } from './questionShape'

/** Limits the rules enforce (exported so the web app and docs can quote the same numbers). */
export const QUESTION_LIMITS = {
  stemMin: 5,
  stemMax: 1000,
  optionsMin: 2,
  optionsMax: 8,
  optionMax: 300,
  explanationMax: 3000,
  answerTextMax: 200,
  difficultyMin: 1,
  difficultyMax: 5,
  articlesMax: 20,
  topicsMax: 10,
} as const

/** Option letters: the first option is A. */
export const OPTION_LETTERS = 'ABCDEFGH'

/** The blank marker in a fill-in stem: exactly four ASCII underscores. */
export const BLANK = '____'

/** A tested article as the caller resolved it. */
export interface TestedArticleCheck {
  /** What the user gave: an article id or a 'lawId:第N条' reference. */
  ref: string
  /** The article exists. */
  found: boolean
  /** CURRENT: in the current version of a law in force; OUTDATED: only in an older version; REPEALED: its law is repealed. */
  state?: 'CURRENT' | 'OUTDATED' | 'REPEALED'
}

/** A question as written, before it is saved, with its articles and topics as the caller found them. */
export interface QuestionDraft extends QuestionContent {
  articles: TestedArticleCheck[]
  topics?: { ref: string, found: boolean }[]
}

/** One broken rule. */
export interface RuleViolation {
  /** The input field at fault: type, stem, options, answer, explanation, difficulty, articles, topics. */
  field: string
  /** Stable machine-readable code, e.g. SINGLE_ANSWER_COUNT. */
  rule: string
  /** '中文 (English): what to do'. */
  message: string
}

function violation(field: string, rule: string, message: string): RuleViolation {
  return { field, rule, message }
}

/** Counts `____` blanks; any other run of underscores is reported separately. */
export function countBlanks(stem: string): { blanks: number, malformed: number } {
  let blanks = 0
  let malformed = 0
  for (const match of stem.matchAll(/_+/g)) {
    if (match[0] === BLANK)
      blanks++
    else
      malformed++
  }
  return { blanks, malformed }
}

/** Trims every text, so '  A ' and 'A' are the same option or answer. */
export function normalizeDraft<T extends Pick<QuestionContent, 'stem' | 'options' | 'answer' | 'explanation'>>(draft: T): T {
  return {
    ...draft,
    stem: draft.stem.trim(),
    options: draft.options.map(o => o.trim()),
    answer: draft.answer.map(a => a.trim()),
    explanation: draft.explanation.trim(),
  }
}

function choiceRules(q: QuestionDraft, out: RuleViolation[]): void {
  const { options } = q
  if (options.length < QUESTION_LIMITS.optionsMin || options.length > QUESTION_LIMITS.optionsMax) {
    out.push(violation('options', 'OPTIONS_COUNT', `选择题须有 ${QUESTION_LIMITS.optionsMin}–${QUESTION_LIMITS.optionsMax} 个选项，现有 ${options.length} 个 (options: a choice question needs ${QUESTION_LIMITS.optionsMin}–${QUESTION_LIMITS.optionsMax} options, got ${options.length}): add or remove options.`))
  }
  options.forEach((option, i) => {
    const letter = OPTION_LETTERS[i] ?? `#${i + 1}`
    if (!hasVisibleText(option))
      out.push(violation('options', 'OPTION_EMPTY', `选项 ${letter} 为空 (options: option ${letter} is empty): write its text or remove it.`))
    else if (option.length > QUESTION_LIMITS.optionMax)
      out.push(violation('options', 'OPTION_TOO_LONG', `选项 ${letter} 超过 ${QUESTION_LIMITS.optionMax} 字 (options: option ${letter} is longer than ${QUESTION_LIMITS.optionMax} characters): shorten it.`))
  })
  const seen = new Map<string, number>()
  options.forEach((option, i) => {
    if (!option)
      return
    const first = seen.get(option)
    if (first !== undefined)
      out.push(violation('options', 'OPTION_DUPLICATE', `选项 ${OPTION_LETTERS[i] ?? i + 1} 与选项 ${OPTION_LETTERS[first] ?? first + 1} 相同 (options: option ${OPTION_LETTERS[i] ?? i + 1} repeats option ${OPTION_LETTERS[first] ?? first + 1}): make every option different.`))
    else
      seen.set(option, i)
  })

  const valid = OPTION_LETTERS.slice(0, Math.min(options.length, OPTION_LETTERS.length))
  const range = valid.length > 0 ? `A–${valid[valid.length - 1]}` : 'A–B'
  const unknown = q.answer.filter(letter => !valid.includes(letter) || letter.length !== 1)
  if (unknown.length > 0)
    out.push(violation('answer', 'ANSWER_NOT_AN_OPTION', `答案 ${unknown.join('、')} 不是选项字母 (answer: ${unknown.join(', ')} is not an option letter): use letters ${range}.`))
  if (new Set(q.answer).size !== q.answer.length)
    out.push(violation('answer', 'ANSWER_DUPLICATE', `答案中有重复的字母 (answer: a letter is repeated): list each correct option once.`))
  if (q.type === 'SINGLE' && q.answer.length !== 1)
    out.push(violation('answer', 'SINGLE_ANSWER_COUNT', `单选题须有且只有一个正确选项，现有 ${q.answer.length} 个 (answer: a SINGLE question needs exactly one correct option, got ${q.answer.length}): choose one letter, or make it a MULTIPLE question.`))
  if (q.type === 'MULTIPLE' && new Set(q.answer).size < 2)
    out.push(violation('answer', 'MULTIPLE_ANSWER_COUNT', `多选题须至少有两个正确选项 (answer: a MULTIPLE question needs at least two correct options): choose more letters, or make it a SINGLE question.`))
}

function trueFalseRules(q: QuestionDraft, out: RuleViolation[]): void {
  if (q.options.length > 0)
    out.push(violation('options', 'TRUE_FALSE_OPTIONS', `判断题不设选项 (options: a TRUE_FALSE question has no options): remove them.`))
  if (q.answer.length !== 1 || !['TRUE', 'FALSE'].includes(q.answer[0]!))
    out.push(violation('answer', 'TRUE_FALSE_ANSWER', `判断题答案须为 TRUE 或 FALSE (answer: a TRUE_FALSE question is answered TRUE or FALSE): give exactly one of them.`))
}

function fillBlankRules(q: QuestionDraft, out: RuleViolation[]): void {
  if (q.options.length > 0)
    out.push(violation('options', 'FILL_BLANK_OPTIONS', `填空题不设选项 (options: a FILL_BLANK question has no options): remove them.`))
  const { blanks, malformed } = countBlanks(q.stem)
  if (malformed > 0)
    out.push(violation('stem', 'BLANK_MARKER', `题干中的空格须写作四个下划线 ____ (stem: write each blank as exactly four underscores ____): fix the ${malformed} other underscore run(s).`))
  if (blanks === 0)
    out.push(violation('stem', 'BLANK_MISSING', `填空题题干须至少有一个空 ____ (stem: a FILL_BLANK stem needs at least one blank ____): mark the blank.`))
  if (blanks !== q.answer.length)
    out.push(violation('answer', 'BLANK_ANSWER_COUNT', `题干有 ${blanks} 个空，答案有 ${q.answer.length} 项 (answer: the stem has ${blanks} blank(s) but ${q.answer.length} answer(s)): give one answer per blank, alternatives separated by |.`))
  q.answer.forEach((accepted, i) => {
    const alternatives = accepted.split('|').map(a => a.trim())
    if (alternatives.some(a => !a))
      out.push(violation('answer', 'BLANK_ANSWER_EMPTY', `第 ${i + 1} 空的答案为空 (answer: blank ${i + 1} has an empty accepted text): write it, alternatives separated by |.`))
    else if (new Set(alternatives).size !== alternatives.length)
      out.push(violation('answer', 'BLANK_ANSWER_DUPLICATE', `第 ${i + 1} 空的备选答案重复 (answer: blank ${i + 1} lists an alternative twice): list each once.`))
    if (accepted.length > QUESTION_LIMITS.answerTextMax)
      out.push(violation('answer', 'BLANK_ANSWER_TOO_LONG', `第 ${i + 1} 空的答案超过 ${QUESTION_LIMITS.answerTextMax} 字 (answer: blank ${i + 1} is longer than ${QUESTION_LIMITS.answerTextMax} characters): shorten it.`))
  })
}

function articleRules(q: QuestionDraft, out: RuleViolation[]): void {
  if (q.articles.length === 0) {
    out.push(violation('articles', 'ARTICLES_REQUIRED', `每道题须至少关联一条考查条文 (articles: a question must test at least one article): pick the article whose text proves the answer.`))
    return
  }
  if (q.articles.length > QUESTION_LIMITS.articlesMax)
    out.push(violation('articles', 'ARTICLES_TOO_MANY', `考查条文最多 ${QUESTION_LIMITS.articlesMax} 条 (articles: at most ${QUESTION_LIMITS.articlesMax}): keep the ones the answer rests on.`))
  const seen = new Set<string>()
  for (const article of q.articles) {
    if (seen.has(article.ref))
      out.push(violation('articles', 'ARTICLE_DUPLICATE', `条文 ${article.ref} 重复 (articles: ${article.ref} is listed twice): list it once.`))
    seen.add(article.ref)
    if (!article.found)
      out.push(violation('articles', 'ARTICLE_NOT_FOUND', `条文 ${article.ref} 不存在 (articles: ${article.ref} does not exist): pick an article from the law library, written as lawId:第N条.`))
    else if (article.state === 'OUTDATED')
      out.push(violation('articles', 'ARTICLE_OUTDATED', `条文 ${article.ref} 已不在现行版本中 (articles: ${article.ref} is not in the current version of its law): pick the current article.`))
    else if (article.state === 'REPEALED')
      out.push(violation('articles', 'ARTICLE_REPEALED', `条文 ${article.ref} 所属法规已废止 (articles: the law of ${article.ref} is repealed): test an article in force.`))
  }
}

/**
 * Every rule the draft breaks (empty when it is valid). Expects trimmed texts (see normalizeDraft).
 */
export function validateQuestion(q: QuestionDraft): RuleViolation[] {
  const out: RuleViolation[] = []
  if (!QUESTION_KINDS.includes(q.type)) {
    out.push(violation('type', 'TYPE_UNKNOWN', `题型 ${String(q.type)} 无效 (type: unknown question type): use SINGLE, MULTIPLE, TRUE_FALSE or FILL_BLANK.`))
    return out
  }
  if (q.stem.length < QUESTION_LIMITS.stemMin || q.stem.length > QUESTION_LIMITS.stemMax)
    out.push(violation('stem', 'STEM_LENGTH', `题干须为 ${QUESTION_LIMITS.stemMin}–${QUESTION_LIMITS.stemMax} 字，现为 ${q.stem.length} 字 (stem: ${QUESTION_LIMITS.stemMin}–${QUESTION_LIMITS.stemMax} characters, got ${q.stem.length}): ${q.stem.length < QUESTION_LIMITS.stemMin ? 'write the full question' : 'shorten it'}.`))
  else if (!hasVisibleText(q.stem))
    out.push(violation('stem', 'STEM_BLANK', '题干不能只含空格或不可见字符：请填写题目 (stem must contain visible text, not only spaces or invisible characters).'))
  if (q.explanation.length > QUESTION_LIMITS.explanationMax)
    out.push(violation('explanation', 'EXPLANATION_TOO_LONG', `解析超过 ${QUESTION_LIMITS.explanationMax} 字 (explanation: longer than ${QUESTION_LIMITS.explanationMax} characters): shorten it.`))
  if (!Number.isInteger(q.difficulty) || q.difficulty < QUESTION_LIMITS.difficultyMin || q.difficulty > QUESTION_LIMITS.difficultyMax)
    out.push(violation('difficulty', 'DIFFICULTY_RANGE', `难度须为 1–5 的整数 (difficulty: a whole number from 1 to 5, got ${String(q.difficulty)}): 1 is easiest.`))
  switch (q.type) {
    case 'SINGLE':
    case 'MULTIPLE':
      choiceRules(q, out)
      break
    case 'TRUE_FALSE':
      trueFalseRules(q, out)
      break
    case 'FILL_BLANK':
      fillBlankRules(q, out)
      break
  }
  articleRules(q, out)
  const topics = q.topics ?? []
  if (topics.length > QUESTION_LIMITS.topicsMax)
    out.push(violation('topics', 'TOPICS_TOO_MANY', `知识点最多 ${QUESTION_LIMITS.topicsMax} 个 (topics: at most ${QUESTION_LIMITS.topicsMax}): keep the main ones.`))
  for (const topic of topics) {
    if (!topic.found)
      out.push(violation('topics', 'TOPIC_NOT_FOUND', `知识点 ${topic.ref} 不存在 (topics: ${topic.ref} does not exist): choose a topic from the list.`))
  }
  return out
}

/** One message for an API error: every violation on its own line. */
export function violationsMessage(violations: RuleViolation[]): string {
  return `试题不符合要求 (the question breaks ${violations.length} rule(s)):\n${violations.map(v => `- [${v.field}] ${v.message}`).join('\n')}`
}
