/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation Logout { logout }": typeof types.LogoutDocument,
    "\n  query SessionMe {\n    me { id username roles person { id name organization { id name } } }\n  }\n": typeof types.SessionMeDocument,
    "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      items { id username roles disabled person { id name sample organization { id name } } }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminResetPassword($userId: ID!, $newPassword: String!) { resetPassword(userId: $userId, newPassword: $newPassword) { id } }\n": typeof types.AdminResetPasswordDocument,
    "\n  mutation AdminSetDisabled($userId: ID!, $disabled: Boolean!) { setUserDisabled(userId: $userId, disabled: $disabled) { id disabled } }\n": typeof types.AdminSetDisabledDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      viewer { id username roles person { id name organization { id name } } }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  query DecisionArticle($id: ID!) {\n    article(id: $id) {\n      id number caption text summary textSource paragraphs\n      law { id title }\n      path { id kind number title }\n    }\n  }\n": typeof types.DecisionArticleDocument,
    "\n  query DecisionFormOrganizations { decisionOrganizations { id name } }\n": typeof types.DecisionFormOrganizationsDocument,
    "\n  query DecisionBasisSearch($text: String!) {\n    decisionBasisArticles(text: $text, first: 20) { id number lawId lawTitle caption }\n  }\n": typeof types.DecisionBasisSearchDocument,
    "\n  mutation DecisionCreate($input: DecisionInput!) { createDecision(input: $input) { id } }\n": typeof types.DecisionCreateDocument,
    "\n  mutation DecisionUpdate($id: ID!, $input: DecisionInput!) { updateDecision(id: $id, input: $input) { id } }\n": typeof types.DecisionUpdateDocument,
    "\n  query DecisionList($filter: DecisionFilter, $first: Int!, $after: String) {\n    decisions(filter: $filter, first: $first, after: $after) {\n      items {\n        id title domain status decidedOn year confidential sample recordCount\n        organization { id name }\n        compliance { verdict missingSteps }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.DecisionListDocument,
    "\n  query DecisionFilterOptions {\n    decisionCatalogues { id year decisionCount organization { id name } }\n    decisionOrganizations { id name }\n  }\n": typeof types.DecisionFilterOptionsDocument,
    "\n  query DecisionOverview($year: Int, $organizationId: ID) {\n    complianceOverview(year: $year, organizationId: $organizationId) {\n      total evaluatedOn\n      byVerdict { verdict count }\n      missingByStep { step name count }\n    }\n  }\n": typeof types.DecisionOverviewDocument,
    "\n  query DecisionOverviewOptions {\n    decisionCatalogues { id year }\n    decisionOrganizations { id name }\n  }\n": typeof types.DecisionOverviewOptionsDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id title summary domain status decidedOn year affectsPublic technical stabilityRisk confidential sample\n      organization { id name }\n      catalogue { id year }\n      basedOn { id number lawId lawTitle caption }\n      records {\n        id stepCode startedOn completedOn outcome note recordedAt correctsId correctedByIds effective\n        evidence { title number }\n        performedBy { id name }\n      }\n      compliance {\n        verdict evaluatedOn missingSteps\n        ruleSet { id lawId lawTitle effectiveFrom effectiveTo appliesToTownsBy }\n        findings {\n          code step recordId defect message\n          rule {\n            id description minDays minWorkingDays articleUnknown\n            article { id number lawId }\n            periodArticle { id number }\n            law { id title }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DecisionDetailDocument,
    "\n  mutation DecisionAppendStepRecord($input: AppendStepRecordInput!) {\n    appendStepRecord(input: $input) {\n      created\n      record { id }\n      decision { id compliance { verdict } }\n    }\n  }\n": typeof types.DecisionAppendStepRecordDocument,
    "\n  query LawArticle($id: ID!, $versionId: ID) {\n    article(id: $id, versionId: $versionId) {\n      id lawId slug number caption text paragraphs summary textSource unresolvedCitations\n      law { id title shortTitle }\n      version { id versionDate current source textComplete partialNote }\n      path { id kind number title }\n      otherVersions { articleId versionId versionDate current changed text }\n      replaces { id number lawTitle versionDate }\n      replacedBy { id number lawTitle versionDate }\n      cites { kind id lawId lawTitle number }\n      citedBy { id number lawId lawTitle current }\n      topics { id name nameEn }\n    }\n  }\n": typeof types.LawArticleDocument,
    "\n  query LawGraphNeighbourhood($id: ID!, $depth: Int!) {\n    graphNeighbourhood(id: $id, depth: $depth) {\n      centerId truncated\n      nodes { id label kind }\n      edges { source target type }\n    }\n  }\n": typeof types.LawGraphNeighbourhoodDocument,
    "\n  mutation LawImport($fileName: String!, $text: String!) {\n    importLaw(fileName: $fileName, text: $text) { lawId versionId title articles created unchanged }\n  }\n": typeof types.LawImportDocument,
    "\n  query LawList($first: Int!, $after: String, $filter: LawFilter) {\n    laws(first: $first, after: $after, filter: $filter) {\n      items {\n        id title shortTitle level status issuer docNumber textComplete\n        currentVersion { id versionDate source articleCount }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.LawListDocument,
    "\n  query LawTopics { topics { id name nameEn articleCount } }\n": typeof types.LawTopicsDocument,
    "\n  query LawReaderLaw($id: ID!) {\n    law(id: $id) {\n      id title shortTitle level status statusNote issuer docNumber textComplete\n      versions { id versionDate current source textComplete partialNote promulgatedOn effectiveFrom events { date text } }\n      relations { type outgoing law { id title } }\n    }\n  }\n": typeof types.LawReaderLawDocument,
    "\n  query LawReaderToc($versionId: ID!) {\n    toc(versionId: $versionId) {\n      version { id versionDate current source textComplete partialNote preamble articleCount }\n      articles { ...LawTocArticle }\n      divisions {\n        id kind number title articles { ...LawTocArticle }\n        children {\n          id kind number title articles { ...LawTocArticle }\n          children { id kind number title articles { ...LawTocArticle } }\n        }\n      }\n    }\n  }\n  fragment LawTocArticle on TocArticle { id number slug caption paragraphs summary textSource }\n": typeof types.LawReaderTocDocument,
    "\n  query LawSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      score snippet textSource\n      article { id number caption lawId lawTitle versionDate current }\n    }\n  }\n": typeof types.LawSearchDocument,
    "\n  query QuizArticleSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      snippet\n      article { id lawId lawTitle lawShortTitle number caption current }\n    }\n  }\n": typeof types.QuizArticleSearchDocument,
    "\n  query QuizArticleText($id: ID!) {\n    article(id: $id) { id lawId number caption text summary law { id title } }\n  }\n": typeof types.QuizArticleTextDocument,
    "\n  query QuizBankQuestions($filter: QuestionFilter, $first: Int!, $after: String) {\n    questions(filter: $filter, first: $first, after: $after) {\n      items {\n        id type stem options answer explanation difficulty status version needsReview reviewReason sample\n        articles { id lawId lawTitle number caption text summary current }\n        topics { id name }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.QuizBankQuestionsDocument,
    "\n  query QuizBankOptions { laws(first: 100) { items { id title shortTitle } } topics { id name } }\n": typeof types.QuizBankOptionsDocument,
    "\n  query QuizExportQuestions($format: QuestionFileFormat!, $filter: QuestionFilter) {\n    exportQuestions(format: $format, filter: $filter) { filename mimeType contentBase64 count }\n  }\n": typeof types.QuizExportQuestionsDocument,
    "mutation QuizBankPublish($id: ID!) { publishQuestion(id: $id) { id status } }": typeof types.QuizBankPublishDocument,
    "mutation QuizBankRetire($id: ID!) { retireQuestion(id: $id) { id status } }": typeof types.QuizBankRetireDocument,
    "mutation QuizBankReviewed($id: ID!) { markQuestionReviewed(id: $id) { id needsReview } }": typeof types.QuizBankReviewedDocument,
    "\n  query QuizBuilderQuiz($id: ID!) {\n    quiz(id: $id) {\n      id title mode kind status timeLimitSec passScore attemptsAllowed scoring opensAt closesAt reveal shuffleOptions multiplePartialCredit\n      items { order points question { id stem type difficulty } }\n      blueprint { order kind targetId count difficultyMin difficultyMax points }\n    }\n  }\n": typeof types.QuizBuilderQuizDocument,
    "\n  query QuizBuilderOptions { laws(first: 100) { items { id title } } topics { id name } }\n": typeof types.QuizBuilderOptionsDocument,
    "\n  query QuizBlueprintCapacity($rows: [BlueprintRowInput!]!) {\n    blueprintCapacity(rows: $rows) { feasible shortages rows { order available enough } }\n  }\n": typeof types.QuizBlueprintCapacityDocument,
    "\n  query QuizBuilderSearch($filter: QuestionFilter) {\n    questions(filter: $filter, first: 20) { items { id stem type difficulty } }\n  }\n": typeof types.QuizBuilderSearchDocument,
    "mutation QuizCreate($input: QuizInput!) { createQuiz(input: $input) { id } }": typeof types.QuizCreateDocument,
    "mutation QuizUpdate($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { id } }": typeof types.QuizUpdateDocument,
    "\n  mutation QuizImportQuestions($format: QuestionFileFormat!, $contentBase64: String!, $importValidRows: Boolean!, $publish: Boolean!) {\n    importQuestions(format: $format, contentBase64: $contentBase64, importValidRows: $importValidRows, publish: $publish) {\n      committed imported refused questionIds\n      rows { row ok errors warnings stem }\n    }\n  }\n": typeof types.QuizImportQuestionsDocument,
    "\n  query QuizList($first: Int!, $after: String) {\n    quizzes(first: $first, after: $after) {\n      items { id title mode kind status questionCount maxScore sample timeLimitSec }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.QuizListDocument,
    "mutation QuizPublish($id: ID!) { publishQuiz(id: $id) { id status } }": typeof types.QuizPublishDocument,
    "\n  query QuizPreview($quizId: ID!, $seed: String) {\n    previewQuiz(quizId: $quizId, seed: $seed) {\n      quizId seed maxScore\n      items {\n        order points row displayedOptions displayedAnswer\n        question { id type stem explanation difficulty articles { id lawTitle number } }\n      }\n    }\n  }\n": typeof types.QuizPreviewDocument,
    "\n  query QuizEditorTopics { topics { id name } }\n": typeof types.QuizEditorTopicsDocument,
    "\n  mutation QuizCreateQuestion($input: QuestionInput!, $publish: Boolean!) { createQuestion(input: $input, publish: $publish) { id status } }\n": typeof types.QuizCreateQuestionDocument,
    "\n  mutation QuizUpdateQuestion($id: ID!, $input: QuestionInput!) { updateQuestion(id: $id, input: $input) { id status version } }\n": typeof types.QuizUpdateQuestionDocument,
    "\n  mutation QuizEditorPublishQuestion($id: ID!) { publishQuestion(id: $id) { id status } }\n": typeof types.QuizEditorPublishQuestionDocument,
    "\n  query ReportUnits($year: Int) {\n    unitStudyStats(year: $year) {\n      organization { id name sample }\n      members requiredPreMeetingSessions membersMeetingRequirement sessionsHeld attendanceRate\n      quizAttempts averageScore passRate\n    }\n  }\n": typeof types.ReportUnitsDocument,
    "\n  query ReportQuizzes { quizzes(first: 100) { items { id title status } } }\n": typeof types.ReportQuizzesDocument,
    "\n  query ReportQuizStatistics($quizId: ID!) {\n    quizStatistics(quizId: $quizId) {\n      quizId title submitted averageScore passRate\n      distribution { from to count }\n      questions {\n        questionId order type stem articles attempts correct facility discrimination unanswered\n        options { key text correct chosen share upperShare lowerShare flags }\n      }\n    }\n  }\n": typeof types.ReportQuizStatisticsDocument,
    "\n  query Health { health { ok database { version edition } } }\n": typeof types.HealthDocument,
    "\n  query StudyAttemptRunner($id: ID!) {\n    attempt(id: $id) {\n      id quizId quizTitle status startedAt deadline submittedAt score maxScore passed autoSubmitted serverNow revealed\n      quiz { id title reveal passScore closesAt questionCount }\n      items {\n        order points questionId type stem options blanks given savedAt\n        earned correct answer explanation\n        articles { id lawTitle number caption text textSource label }\n      }\n    }\n  }\n": typeof types.StudyAttemptRunnerDocument,
    "\n  mutation StudySaveAnswer($attemptId: ID!, $questionId: ID!, $given: [String!]!, $ms: Int) {\n    saveAnswer(attemptId: $attemptId, questionId: $questionId, given: $given, ms: $ms) { questionId given savedAt }\n  }\n": typeof types.StudySaveAnswerDocument,
    "\n  mutation StudySubmitAttempt($attemptId: ID!, $submissionId: String!) {\n    submitAttempt(attemptId: $attemptId, submissionId: $submissionId) { id status score maxScore passed submittedAt }\n  }\n": typeof types.StudySubmitAttemptDocument,
    "\n  query StudyMyDashboard($year: Int) {\n    me {\n      id\n      upcoming: studySessions(upcoming: true, first: 10) {\n        id kind title meeting startsAt minutes\n        quiz { id title }\n        my { checkedInAt canCheckIn }\n      }\n      past: studySessions(upcoming: false, first: 10) {\n        id kind title meeting startsAt minutes\n        my { checkedInAt canCheckIn readingSeconds attempts { id status score maxScore passed } }\n      }\n      dueReviewCount\n      attempts(first: 20) {\n        items { id quizTitle status startedAt submittedAt score maxScore passed autoSubmitted }\n        pageInfo { totalCount }\n      }\n      progress(year: $year) {\n        year sessionsAttended preMeetingAttended requiredSessions quizAttempts averageScore passRate readingMinutes\n        byKind { kind count }\n        masteryByTopic { topic { id name } mastery cards }\n        monthly { month sessions attempts }\n      }\n    }\n  }\n": typeof types.StudyMyDashboardDocument,
    "\n  query StudyDueReviews {\n    me { id dueReviewCount dueReviews(first: 50) { id questionId type stem options blanks due state reps lapses } }\n  }\n": typeof types.StudyDueReviewsDocument,
    "\n  mutation StudyReview($cardId: ID!, $rating: ReviewRating!, $answer: [String!]) {\n    review(cardId: $cardId, rating: $rating, answer: $answer) {\n      correct given answer explanation\n      card { id due state reps lapses }\n      articles { id lawTitle number caption text textSource label }\n    }\n  }\n": typeof types.StudyReviewDocument,
    "\n  query StudySessionRunner($id: ID!) {\n    studySession(id: $id) {\n      id kind title meeting startsAt minutes checkInOpensAt checkInClosesAt invitedCount attendedCount\n      organization { id name }\n      articles { id lawId lawTitle number caption text textSource label }\n      quiz { id title timeLimitSec passScore attemptsAllowed reveal questionCount }\n      my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } }\n    }\n  }\n": typeof types.StudySessionRunnerDocument,
    "\n  mutation StudyCheckIn($sessionId: ID!) {\n    checkIn(sessionId: $sessionId) { id attendedCount my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } } }\n  }\n": typeof types.StudyCheckInDocument,
    "\n  mutation StudyRecordReading($sessionId: ID!, $articleId: ID!, $seconds: Int!, $clientId: String) {\n    recordReading(sessionId: $sessionId, articleId: $articleId, seconds: $seconds, clientId: $clientId) { readingSeconds articleSeconds added }\n  }\n": typeof types.StudyRecordReadingDocument,
    "\n  mutation StudyStartAttempt($quizId: ID!) { startAttempt(quizId: $quizId) { id status } }\n": typeof types.StudyStartAttemptDocument,
    "\n  query StudyTrainerSessions($filter: StudySessionFilter, $first: Int!, $after: String) {\n    studySessions(filter: $filter, first: $first, after: $after) {\n      items {\n        id kind title meeting startsAt minutes invitedCount attendedCount sample\n        organization { id name }\n        quiz { id title }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": typeof types.StudyTrainerSessionsDocument,
    "\n  query StudyScheduleOptions {\n    studyOrganizations { id name }\n    laws(first: 100) { items { id title } }\n    quizzes(first: 100) { items { id title status } }\n  }\n": typeof types.StudyScheduleOptionsDocument,
    "\n  query StudyLawArticles($lawId: ID!) { studyLawArticles(lawId: $lawId) { id number caption textSource } }\n": typeof types.StudyLawArticlesDocument,
    "\n  query StudyAttendance($sessionId: ID!) {\n    studySessionAttendance(sessionId: $sessionId) {\n      invited attended\n      session { id title startsAt quiz { id title passScore } }\n      rows {\n        invited checkedInAt minutes readingSeconds attemptStatus score maxScore passed\n        person { id name organization { id name } }\n      }\n    }\n  }\n": typeof types.StudyAttendanceDocument,
    "\n  mutation StudySchedule($input: ScheduleStudySessionInput!) { scheduleStudySession(input: $input) { id title invitedCount } }\n": typeof types.StudyScheduleDocument,
};
const documents: Documents = {
    "mutation Logout { logout }": types.LogoutDocument,
    "\n  query SessionMe {\n    me { id username roles person { id name organization { id name } } }\n  }\n": types.SessionMeDocument,
    "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      items { id username roles disabled person { id name sample organization { id name } } }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminResetPassword($userId: ID!, $newPassword: String!) { resetPassword(userId: $userId, newPassword: $newPassword) { id } }\n": types.AdminResetPasswordDocument,
    "\n  mutation AdminSetDisabled($userId: ID!, $disabled: Boolean!) { setUserDisabled(userId: $userId, disabled: $disabled) { id disabled } }\n": types.AdminSetDisabledDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      viewer { id username roles person { id name organization { id name } } }\n    }\n  }\n": types.LoginDocument,
    "\n  query DecisionArticle($id: ID!) {\n    article(id: $id) {\n      id number caption text summary textSource paragraphs\n      law { id title }\n      path { id kind number title }\n    }\n  }\n": types.DecisionArticleDocument,
    "\n  query DecisionFormOrganizations { decisionOrganizations { id name } }\n": types.DecisionFormOrganizationsDocument,
    "\n  query DecisionBasisSearch($text: String!) {\n    decisionBasisArticles(text: $text, first: 20) { id number lawId lawTitle caption }\n  }\n": types.DecisionBasisSearchDocument,
    "\n  mutation DecisionCreate($input: DecisionInput!) { createDecision(input: $input) { id } }\n": types.DecisionCreateDocument,
    "\n  mutation DecisionUpdate($id: ID!, $input: DecisionInput!) { updateDecision(id: $id, input: $input) { id } }\n": types.DecisionUpdateDocument,
    "\n  query DecisionList($filter: DecisionFilter, $first: Int!, $after: String) {\n    decisions(filter: $filter, first: $first, after: $after) {\n      items {\n        id title domain status decidedOn year confidential sample recordCount\n        organization { id name }\n        compliance { verdict missingSteps }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.DecisionListDocument,
    "\n  query DecisionFilterOptions {\n    decisionCatalogues { id year decisionCount organization { id name } }\n    decisionOrganizations { id name }\n  }\n": types.DecisionFilterOptionsDocument,
    "\n  query DecisionOverview($year: Int, $organizationId: ID) {\n    complianceOverview(year: $year, organizationId: $organizationId) {\n      total evaluatedOn\n      byVerdict { verdict count }\n      missingByStep { step name count }\n    }\n  }\n": types.DecisionOverviewDocument,
    "\n  query DecisionOverviewOptions {\n    decisionCatalogues { id year }\n    decisionOrganizations { id name }\n  }\n": types.DecisionOverviewOptionsDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id title summary domain status decidedOn year affectsPublic technical stabilityRisk confidential sample\n      organization { id name }\n      catalogue { id year }\n      basedOn { id number lawId lawTitle caption }\n      records {\n        id stepCode startedOn completedOn outcome note recordedAt correctsId correctedByIds effective\n        evidence { title number }\n        performedBy { id name }\n      }\n      compliance {\n        verdict evaluatedOn missingSteps\n        ruleSet { id lawId lawTitle effectiveFrom effectiveTo appliesToTownsBy }\n        findings {\n          code step recordId defect message\n          rule {\n            id description minDays minWorkingDays articleUnknown\n            article { id number lawId }\n            periodArticle { id number }\n            law { id title }\n          }\n        }\n      }\n    }\n  }\n": types.DecisionDetailDocument,
    "\n  mutation DecisionAppendStepRecord($input: AppendStepRecordInput!) {\n    appendStepRecord(input: $input) {\n      created\n      record { id }\n      decision { id compliance { verdict } }\n    }\n  }\n": types.DecisionAppendStepRecordDocument,
    "\n  query LawArticle($id: ID!, $versionId: ID) {\n    article(id: $id, versionId: $versionId) {\n      id lawId slug number caption text paragraphs summary textSource unresolvedCitations\n      law { id title shortTitle }\n      version { id versionDate current source textComplete partialNote }\n      path { id kind number title }\n      otherVersions { articleId versionId versionDate current changed text }\n      replaces { id number lawTitle versionDate }\n      replacedBy { id number lawTitle versionDate }\n      cites { kind id lawId lawTitle number }\n      citedBy { id number lawId lawTitle current }\n      topics { id name nameEn }\n    }\n  }\n": types.LawArticleDocument,
    "\n  query LawGraphNeighbourhood($id: ID!, $depth: Int!) {\n    graphNeighbourhood(id: $id, depth: $depth) {\n      centerId truncated\n      nodes { id label kind }\n      edges { source target type }\n    }\n  }\n": types.LawGraphNeighbourhoodDocument,
    "\n  mutation LawImport($fileName: String!, $text: String!) {\n    importLaw(fileName: $fileName, text: $text) { lawId versionId title articles created unchanged }\n  }\n": types.LawImportDocument,
    "\n  query LawList($first: Int!, $after: String, $filter: LawFilter) {\n    laws(first: $first, after: $after, filter: $filter) {\n      items {\n        id title shortTitle level status issuer docNumber textComplete\n        currentVersion { id versionDate source articleCount }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.LawListDocument,
    "\n  query LawTopics { topics { id name nameEn articleCount } }\n": types.LawTopicsDocument,
    "\n  query LawReaderLaw($id: ID!) {\n    law(id: $id) {\n      id title shortTitle level status statusNote issuer docNumber textComplete\n      versions { id versionDate current source textComplete partialNote promulgatedOn effectiveFrom events { date text } }\n      relations { type outgoing law { id title } }\n    }\n  }\n": types.LawReaderLawDocument,
    "\n  query LawReaderToc($versionId: ID!) {\n    toc(versionId: $versionId) {\n      version { id versionDate current source textComplete partialNote preamble articleCount }\n      articles { ...LawTocArticle }\n      divisions {\n        id kind number title articles { ...LawTocArticle }\n        children {\n          id kind number title articles { ...LawTocArticle }\n          children { id kind number title articles { ...LawTocArticle } }\n        }\n      }\n    }\n  }\n  fragment LawTocArticle on TocArticle { id number slug caption paragraphs summary textSource }\n": types.LawReaderTocDocument,
    "\n  query LawSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      score snippet textSource\n      article { id number caption lawId lawTitle versionDate current }\n    }\n  }\n": types.LawSearchDocument,
    "\n  query QuizArticleSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      snippet\n      article { id lawId lawTitle lawShortTitle number caption current }\n    }\n  }\n": types.QuizArticleSearchDocument,
    "\n  query QuizArticleText($id: ID!) {\n    article(id: $id) { id lawId number caption text summary law { id title } }\n  }\n": types.QuizArticleTextDocument,
    "\n  query QuizBankQuestions($filter: QuestionFilter, $first: Int!, $after: String) {\n    questions(filter: $filter, first: $first, after: $after) {\n      items {\n        id type stem options answer explanation difficulty status version needsReview reviewReason sample\n        articles { id lawId lawTitle number caption text summary current }\n        topics { id name }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.QuizBankQuestionsDocument,
    "\n  query QuizBankOptions { laws(first: 100) { items { id title shortTitle } } topics { id name } }\n": types.QuizBankOptionsDocument,
    "\n  query QuizExportQuestions($format: QuestionFileFormat!, $filter: QuestionFilter) {\n    exportQuestions(format: $format, filter: $filter) { filename mimeType contentBase64 count }\n  }\n": types.QuizExportQuestionsDocument,
    "mutation QuizBankPublish($id: ID!) { publishQuestion(id: $id) { id status } }": types.QuizBankPublishDocument,
    "mutation QuizBankRetire($id: ID!) { retireQuestion(id: $id) { id status } }": types.QuizBankRetireDocument,
    "mutation QuizBankReviewed($id: ID!) { markQuestionReviewed(id: $id) { id needsReview } }": types.QuizBankReviewedDocument,
    "\n  query QuizBuilderQuiz($id: ID!) {\n    quiz(id: $id) {\n      id title mode kind status timeLimitSec passScore attemptsAllowed scoring opensAt closesAt reveal shuffleOptions multiplePartialCredit\n      items { order points question { id stem type difficulty } }\n      blueprint { order kind targetId count difficultyMin difficultyMax points }\n    }\n  }\n": types.QuizBuilderQuizDocument,
    "\n  query QuizBuilderOptions { laws(first: 100) { items { id title } } topics { id name } }\n": types.QuizBuilderOptionsDocument,
    "\n  query QuizBlueprintCapacity($rows: [BlueprintRowInput!]!) {\n    blueprintCapacity(rows: $rows) { feasible shortages rows { order available enough } }\n  }\n": types.QuizBlueprintCapacityDocument,
    "\n  query QuizBuilderSearch($filter: QuestionFilter) {\n    questions(filter: $filter, first: 20) { items { id stem type difficulty } }\n  }\n": types.QuizBuilderSearchDocument,
    "mutation QuizCreate($input: QuizInput!) { createQuiz(input: $input) { id } }": types.QuizCreateDocument,
    "mutation QuizUpdate($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { id } }": types.QuizUpdateDocument,
    "\n  mutation QuizImportQuestions($format: QuestionFileFormat!, $contentBase64: String!, $importValidRows: Boolean!, $publish: Boolean!) {\n    importQuestions(format: $format, contentBase64: $contentBase64, importValidRows: $importValidRows, publish: $publish) {\n      committed imported refused questionIds\n      rows { row ok errors warnings stem }\n    }\n  }\n": types.QuizImportQuestionsDocument,
    "\n  query QuizList($first: Int!, $after: String) {\n    quizzes(first: $first, after: $after) {\n      items { id title mode kind status questionCount maxScore sample timeLimitSec }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.QuizListDocument,
    "mutation QuizPublish($id: ID!) { publishQuiz(id: $id) { id status } }": types.QuizPublishDocument,
    "\n  query QuizPreview($quizId: ID!, $seed: String) {\n    previewQuiz(quizId: $quizId, seed: $seed) {\n      quizId seed maxScore\n      items {\n        order points row displayedOptions displayedAnswer\n        question { id type stem explanation difficulty articles { id lawTitle number } }\n      }\n    }\n  }\n": types.QuizPreviewDocument,
    "\n  query QuizEditorTopics { topics { id name } }\n": types.QuizEditorTopicsDocument,
    "\n  mutation QuizCreateQuestion($input: QuestionInput!, $publish: Boolean!) { createQuestion(input: $input, publish: $publish) { id status } }\n": types.QuizCreateQuestionDocument,
    "\n  mutation QuizUpdateQuestion($id: ID!, $input: QuestionInput!) { updateQuestion(id: $id, input: $input) { id status version } }\n": types.QuizUpdateQuestionDocument,
    "\n  mutation QuizEditorPublishQuestion($id: ID!) { publishQuestion(id: $id) { id status } }\n": types.QuizEditorPublishQuestionDocument,
    "\n  query ReportUnits($year: Int) {\n    unitStudyStats(year: $year) {\n      organization { id name sample }\n      members requiredPreMeetingSessions membersMeetingRequirement sessionsHeld attendanceRate\n      quizAttempts averageScore passRate\n    }\n  }\n": types.ReportUnitsDocument,
    "\n  query ReportQuizzes { quizzes(first: 100) { items { id title status } } }\n": types.ReportQuizzesDocument,
    "\n  query ReportQuizStatistics($quizId: ID!) {\n    quizStatistics(quizId: $quizId) {\n      quizId title submitted averageScore passRate\n      distribution { from to count }\n      questions {\n        questionId order type stem articles attempts correct facility discrimination unanswered\n        options { key text correct chosen share upperShare lowerShare flags }\n      }\n    }\n  }\n": types.ReportQuizStatisticsDocument,
    "\n  query Health { health { ok database { version edition } } }\n": types.HealthDocument,
    "\n  query StudyAttemptRunner($id: ID!) {\n    attempt(id: $id) {\n      id quizId quizTitle status startedAt deadline submittedAt score maxScore passed autoSubmitted serverNow revealed\n      quiz { id title reveal passScore closesAt questionCount }\n      items {\n        order points questionId type stem options blanks given savedAt\n        earned correct answer explanation\n        articles { id lawTitle number caption text textSource label }\n      }\n    }\n  }\n": types.StudyAttemptRunnerDocument,
    "\n  mutation StudySaveAnswer($attemptId: ID!, $questionId: ID!, $given: [String!]!, $ms: Int) {\n    saveAnswer(attemptId: $attemptId, questionId: $questionId, given: $given, ms: $ms) { questionId given savedAt }\n  }\n": types.StudySaveAnswerDocument,
    "\n  mutation StudySubmitAttempt($attemptId: ID!, $submissionId: String!) {\n    submitAttempt(attemptId: $attemptId, submissionId: $submissionId) { id status score maxScore passed submittedAt }\n  }\n": types.StudySubmitAttemptDocument,
    "\n  query StudyMyDashboard($year: Int) {\n    me {\n      id\n      upcoming: studySessions(upcoming: true, first: 10) {\n        id kind title meeting startsAt minutes\n        quiz { id title }\n        my { checkedInAt canCheckIn }\n      }\n      past: studySessions(upcoming: false, first: 10) {\n        id kind title meeting startsAt minutes\n        my { checkedInAt canCheckIn readingSeconds attempts { id status score maxScore passed } }\n      }\n      dueReviewCount\n      attempts(first: 20) {\n        items { id quizTitle status startedAt submittedAt score maxScore passed autoSubmitted }\n        pageInfo { totalCount }\n      }\n      progress(year: $year) {\n        year sessionsAttended preMeetingAttended requiredSessions quizAttempts averageScore passRate readingMinutes\n        byKind { kind count }\n        masteryByTopic { topic { id name } mastery cards }\n        monthly { month sessions attempts }\n      }\n    }\n  }\n": types.StudyMyDashboardDocument,
    "\n  query StudyDueReviews {\n    me { id dueReviewCount dueReviews(first: 50) { id questionId type stem options blanks due state reps lapses } }\n  }\n": types.StudyDueReviewsDocument,
    "\n  mutation StudyReview($cardId: ID!, $rating: ReviewRating!, $answer: [String!]) {\n    review(cardId: $cardId, rating: $rating, answer: $answer) {\n      correct given answer explanation\n      card { id due state reps lapses }\n      articles { id lawTitle number caption text textSource label }\n    }\n  }\n": types.StudyReviewDocument,
    "\n  query StudySessionRunner($id: ID!) {\n    studySession(id: $id) {\n      id kind title meeting startsAt minutes checkInOpensAt checkInClosesAt invitedCount attendedCount\n      organization { id name }\n      articles { id lawId lawTitle number caption text textSource label }\n      quiz { id title timeLimitSec passScore attemptsAllowed reveal questionCount }\n      my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } }\n    }\n  }\n": types.StudySessionRunnerDocument,
    "\n  mutation StudyCheckIn($sessionId: ID!) {\n    checkIn(sessionId: $sessionId) { id attendedCount my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } } }\n  }\n": types.StudyCheckInDocument,
    "\n  mutation StudyRecordReading($sessionId: ID!, $articleId: ID!, $seconds: Int!, $clientId: String) {\n    recordReading(sessionId: $sessionId, articleId: $articleId, seconds: $seconds, clientId: $clientId) { readingSeconds articleSeconds added }\n  }\n": types.StudyRecordReadingDocument,
    "\n  mutation StudyStartAttempt($quizId: ID!) { startAttempt(quizId: $quizId) { id status } }\n": types.StudyStartAttemptDocument,
    "\n  query StudyTrainerSessions($filter: StudySessionFilter, $first: Int!, $after: String) {\n    studySessions(filter: $filter, first: $first, after: $after) {\n      items {\n        id kind title meeting startsAt minutes invitedCount attendedCount sample\n        organization { id name }\n        quiz { id title }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n": types.StudyTrainerSessionsDocument,
    "\n  query StudyScheduleOptions {\n    studyOrganizations { id name }\n    laws(first: 100) { items { id title } }\n    quizzes(first: 100) { items { id title status } }\n  }\n": types.StudyScheduleOptionsDocument,
    "\n  query StudyLawArticles($lawId: ID!) { studyLawArticles(lawId: $lawId) { id number caption textSource } }\n": types.StudyLawArticlesDocument,
    "\n  query StudyAttendance($sessionId: ID!) {\n    studySessionAttendance(sessionId: $sessionId) {\n      invited attended\n      session { id title startsAt quiz { id title passScore } }\n      rows {\n        invited checkedInAt minutes readingSeconds attemptStatus score maxScore passed\n        person { id name organization { id name } }\n      }\n    }\n  }\n": types.StudyAttendanceDocument,
    "\n  mutation StudySchedule($input: ScheduleStudySessionInput!) { scheduleStudySession(input: $input) { id title invitedCount } }\n": types.StudyScheduleDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout { logout }"): (typeof documents)["mutation Logout { logout }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionMe {\n    me { id username roles person { id name organization { id name } } }\n  }\n"): (typeof documents)["\n  query SessionMe {\n    me { id username roles person { id name organization { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      items { id username roles disabled person { id name sample organization { id name } } }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($first: Int!, $after: String) {\n    users(first: $first, after: $after) {\n      items { id username roles disabled person { id name sample organization { id name } } }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n"): (typeof documents)["\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminResetPassword($userId: ID!, $newPassword: String!) { resetPassword(userId: $userId, newPassword: $newPassword) { id } }\n"): (typeof documents)["\n  mutation AdminResetPassword($userId: ID!, $newPassword: String!) { resetPassword(userId: $userId, newPassword: $newPassword) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetDisabled($userId: ID!, $disabled: Boolean!) { setUserDisabled(userId: $userId, disabled: $disabled) { id disabled } }\n"): (typeof documents)["\n  mutation AdminSetDisabled($userId: ID!, $disabled: Boolean!) { setUserDisabled(userId: $userId, disabled: $disabled) { id disabled } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      viewer { id username roles person { id name organization { id name } } }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      viewer { id username roles person { id name organization { id name } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionArticle($id: ID!) {\n    article(id: $id) {\n      id number caption text summary textSource paragraphs\n      law { id title }\n      path { id kind number title }\n    }\n  }\n"): (typeof documents)["\n  query DecisionArticle($id: ID!) {\n    article(id: $id) {\n      id number caption text summary textSource paragraphs\n      law { id title }\n      path { id kind number title }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionFormOrganizations { decisionOrganizations { id name } }\n"): (typeof documents)["\n  query DecisionFormOrganizations { decisionOrganizations { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionBasisSearch($text: String!) {\n    decisionBasisArticles(text: $text, first: 20) { id number lawId lawTitle caption }\n  }\n"): (typeof documents)["\n  query DecisionBasisSearch($text: String!) {\n    decisionBasisArticles(text: $text, first: 20) { id number lawId lawTitle caption }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionCreate($input: DecisionInput!) { createDecision(input: $input) { id } }\n"): (typeof documents)["\n  mutation DecisionCreate($input: DecisionInput!) { createDecision(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionUpdate($id: ID!, $input: DecisionInput!) { updateDecision(id: $id, input: $input) { id } }\n"): (typeof documents)["\n  mutation DecisionUpdate($id: ID!, $input: DecisionInput!) { updateDecision(id: $id, input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionList($filter: DecisionFilter, $first: Int!, $after: String) {\n    decisions(filter: $filter, first: $first, after: $after) {\n      items {\n        id title domain status decidedOn year confidential sample recordCount\n        organization { id name }\n        compliance { verdict missingSteps }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query DecisionList($filter: DecisionFilter, $first: Int!, $after: String) {\n    decisions(filter: $filter, first: $first, after: $after) {\n      items {\n        id title domain status decidedOn year confidential sample recordCount\n        organization { id name }\n        compliance { verdict missingSteps }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionFilterOptions {\n    decisionCatalogues { id year decisionCount organization { id name } }\n    decisionOrganizations { id name }\n  }\n"): (typeof documents)["\n  query DecisionFilterOptions {\n    decisionCatalogues { id year decisionCount organization { id name } }\n    decisionOrganizations { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionOverview($year: Int, $organizationId: ID) {\n    complianceOverview(year: $year, organizationId: $organizationId) {\n      total evaluatedOn\n      byVerdict { verdict count }\n      missingByStep { step name count }\n    }\n  }\n"): (typeof documents)["\n  query DecisionOverview($year: Int, $organizationId: ID) {\n    complianceOverview(year: $year, organizationId: $organizationId) {\n      total evaluatedOn\n      byVerdict { verdict count }\n      missingByStep { step name count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionOverviewOptions {\n    decisionCatalogues { id year }\n    decisionOrganizations { id name }\n  }\n"): (typeof documents)["\n  query DecisionOverviewOptions {\n    decisionCatalogues { id year }\n    decisionOrganizations { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id title summary domain status decidedOn year affectsPublic technical stabilityRisk confidential sample\n      organization { id name }\n      catalogue { id year }\n      basedOn { id number lawId lawTitle caption }\n      records {\n        id stepCode startedOn completedOn outcome note recordedAt correctsId correctedByIds effective\n        evidence { title number }\n        performedBy { id name }\n      }\n      compliance {\n        verdict evaluatedOn missingSteps\n        ruleSet { id lawId lawTitle effectiveFrom effectiveTo appliesToTownsBy }\n        findings {\n          code step recordId defect message\n          rule {\n            id description minDays minWorkingDays articleUnknown\n            article { id number lawId }\n            periodArticle { id number }\n            law { id title }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id title summary domain status decidedOn year affectsPublic technical stabilityRisk confidential sample\n      organization { id name }\n      catalogue { id year }\n      basedOn { id number lawId lawTitle caption }\n      records {\n        id stepCode startedOn completedOn outcome note recordedAt correctsId correctedByIds effective\n        evidence { title number }\n        performedBy { id name }\n      }\n      compliance {\n        verdict evaluatedOn missingSteps\n        ruleSet { id lawId lawTitle effectiveFrom effectiveTo appliesToTownsBy }\n        findings {\n          code step recordId defect message\n          rule {\n            id description minDays minWorkingDays articleUnknown\n            article { id number lawId }\n            periodArticle { id number }\n            law { id title }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecisionAppendStepRecord($input: AppendStepRecordInput!) {\n    appendStepRecord(input: $input) {\n      created\n      record { id }\n      decision { id compliance { verdict } }\n    }\n  }\n"): (typeof documents)["\n  mutation DecisionAppendStepRecord($input: AppendStepRecordInput!) {\n    appendStepRecord(input: $input) {\n      created\n      record { id }\n      decision { id compliance { verdict } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawArticle($id: ID!, $versionId: ID) {\n    article(id: $id, versionId: $versionId) {\n      id lawId slug number caption text paragraphs summary textSource unresolvedCitations\n      law { id title shortTitle }\n      version { id versionDate current source textComplete partialNote }\n      path { id kind number title }\n      otherVersions { articleId versionId versionDate current changed text }\n      replaces { id number lawTitle versionDate }\n      replacedBy { id number lawTitle versionDate }\n      cites { kind id lawId lawTitle number }\n      citedBy { id number lawId lawTitle current }\n      topics { id name nameEn }\n    }\n  }\n"): (typeof documents)["\n  query LawArticle($id: ID!, $versionId: ID) {\n    article(id: $id, versionId: $versionId) {\n      id lawId slug number caption text paragraphs summary textSource unresolvedCitations\n      law { id title shortTitle }\n      version { id versionDate current source textComplete partialNote }\n      path { id kind number title }\n      otherVersions { articleId versionId versionDate current changed text }\n      replaces { id number lawTitle versionDate }\n      replacedBy { id number lawTitle versionDate }\n      cites { kind id lawId lawTitle number }\n      citedBy { id number lawId lawTitle current }\n      topics { id name nameEn }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawGraphNeighbourhood($id: ID!, $depth: Int!) {\n    graphNeighbourhood(id: $id, depth: $depth) {\n      centerId truncated\n      nodes { id label kind }\n      edges { source target type }\n    }\n  }\n"): (typeof documents)["\n  query LawGraphNeighbourhood($id: ID!, $depth: Int!) {\n    graphNeighbourhood(id: $id, depth: $depth) {\n      centerId truncated\n      nodes { id label kind }\n      edges { source target type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LawImport($fileName: String!, $text: String!) {\n    importLaw(fileName: $fileName, text: $text) { lawId versionId title articles created unchanged }\n  }\n"): (typeof documents)["\n  mutation LawImport($fileName: String!, $text: String!) {\n    importLaw(fileName: $fileName, text: $text) { lawId versionId title articles created unchanged }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawList($first: Int!, $after: String, $filter: LawFilter) {\n    laws(first: $first, after: $after, filter: $filter) {\n      items {\n        id title shortTitle level status issuer docNumber textComplete\n        currentVersion { id versionDate source articleCount }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query LawList($first: Int!, $after: String, $filter: LawFilter) {\n    laws(first: $first, after: $after, filter: $filter) {\n      items {\n        id title shortTitle level status issuer docNumber textComplete\n        currentVersion { id versionDate source articleCount }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawTopics { topics { id name nameEn articleCount } }\n"): (typeof documents)["\n  query LawTopics { topics { id name nameEn articleCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawReaderLaw($id: ID!) {\n    law(id: $id) {\n      id title shortTitle level status statusNote issuer docNumber textComplete\n      versions { id versionDate current source textComplete partialNote promulgatedOn effectiveFrom events { date text } }\n      relations { type outgoing law { id title } }\n    }\n  }\n"): (typeof documents)["\n  query LawReaderLaw($id: ID!) {\n    law(id: $id) {\n      id title shortTitle level status statusNote issuer docNumber textComplete\n      versions { id versionDate current source textComplete partialNote promulgatedOn effectiveFrom events { date text } }\n      relations { type outgoing law { id title } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawReaderToc($versionId: ID!) {\n    toc(versionId: $versionId) {\n      version { id versionDate current source textComplete partialNote preamble articleCount }\n      articles { ...LawTocArticle }\n      divisions {\n        id kind number title articles { ...LawTocArticle }\n        children {\n          id kind number title articles { ...LawTocArticle }\n          children { id kind number title articles { ...LawTocArticle } }\n        }\n      }\n    }\n  }\n  fragment LawTocArticle on TocArticle { id number slug caption paragraphs summary textSource }\n"): (typeof documents)["\n  query LawReaderToc($versionId: ID!) {\n    toc(versionId: $versionId) {\n      version { id versionDate current source textComplete partialNote preamble articleCount }\n      articles { ...LawTocArticle }\n      divisions {\n        id kind number title articles { ...LawTocArticle }\n        children {\n          id kind number title articles { ...LawTocArticle }\n          children { id kind number title articles { ...LawTocArticle } }\n        }\n      }\n    }\n  }\n  fragment LawTocArticle on TocArticle { id number slug caption paragraphs summary textSource }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LawSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      score snippet textSource\n      article { id number caption lawId lawTitle versionDate current }\n    }\n  }\n"): (typeof documents)["\n  query LawSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      score snippet textSource\n      article { id number caption lawId lawTitle versionDate current }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizArticleSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      snippet\n      article { id lawId lawTitle lawShortTitle number caption current }\n    }\n  }\n"): (typeof documents)["\n  query QuizArticleSearch($text: String!, $first: Int!) {\n    searchArticles(text: $text, first: $first) {\n      snippet\n      article { id lawId lawTitle lawShortTitle number caption current }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizArticleText($id: ID!) {\n    article(id: $id) { id lawId number caption text summary law { id title } }\n  }\n"): (typeof documents)["\n  query QuizArticleText($id: ID!) {\n    article(id: $id) { id lawId number caption text summary law { id title } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBankQuestions($filter: QuestionFilter, $first: Int!, $after: String) {\n    questions(filter: $filter, first: $first, after: $after) {\n      items {\n        id type stem options answer explanation difficulty status version needsReview reviewReason sample\n        articles { id lawId lawTitle number caption text summary current }\n        topics { id name }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query QuizBankQuestions($filter: QuestionFilter, $first: Int!, $after: String) {\n    questions(filter: $filter, first: $first, after: $after) {\n      items {\n        id type stem options answer explanation difficulty status version needsReview reviewReason sample\n        articles { id lawId lawTitle number caption text summary current }\n        topics { id name }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBankOptions { laws(first: 100) { items { id title shortTitle } } topics { id name } }\n"): (typeof documents)["\n  query QuizBankOptions { laws(first: 100) { items { id title shortTitle } } topics { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizExportQuestions($format: QuestionFileFormat!, $filter: QuestionFilter) {\n    exportQuestions(format: $format, filter: $filter) { filename mimeType contentBase64 count }\n  }\n"): (typeof documents)["\n  query QuizExportQuestions($format: QuestionFileFormat!, $filter: QuestionFilter) {\n    exportQuestions(format: $format, filter: $filter) { filename mimeType contentBase64 count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizBankPublish($id: ID!) { publishQuestion(id: $id) { id status } }"): (typeof documents)["mutation QuizBankPublish($id: ID!) { publishQuestion(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizBankRetire($id: ID!) { retireQuestion(id: $id) { id status } }"): (typeof documents)["mutation QuizBankRetire($id: ID!) { retireQuestion(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizBankReviewed($id: ID!) { markQuestionReviewed(id: $id) { id needsReview } }"): (typeof documents)["mutation QuizBankReviewed($id: ID!) { markQuestionReviewed(id: $id) { id needsReview } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBuilderQuiz($id: ID!) {\n    quiz(id: $id) {\n      id title mode kind status timeLimitSec passScore attemptsAllowed scoring opensAt closesAt reveal shuffleOptions multiplePartialCredit\n      items { order points question { id stem type difficulty } }\n      blueprint { order kind targetId count difficultyMin difficultyMax points }\n    }\n  }\n"): (typeof documents)["\n  query QuizBuilderQuiz($id: ID!) {\n    quiz(id: $id) {\n      id title mode kind status timeLimitSec passScore attemptsAllowed scoring opensAt closesAt reveal shuffleOptions multiplePartialCredit\n      items { order points question { id stem type difficulty } }\n      blueprint { order kind targetId count difficultyMin difficultyMax points }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBuilderOptions { laws(first: 100) { items { id title } } topics { id name } }\n"): (typeof documents)["\n  query QuizBuilderOptions { laws(first: 100) { items { id title } } topics { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBlueprintCapacity($rows: [BlueprintRowInput!]!) {\n    blueprintCapacity(rows: $rows) { feasible shortages rows { order available enough } }\n  }\n"): (typeof documents)["\n  query QuizBlueprintCapacity($rows: [BlueprintRowInput!]!) {\n    blueprintCapacity(rows: $rows) { feasible shortages rows { order available enough } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizBuilderSearch($filter: QuestionFilter) {\n    questions(filter: $filter, first: 20) { items { id stem type difficulty } }\n  }\n"): (typeof documents)["\n  query QuizBuilderSearch($filter: QuestionFilter) {\n    questions(filter: $filter, first: 20) { items { id stem type difficulty } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizCreate($input: QuizInput!) { createQuiz(input: $input) { id } }"): (typeof documents)["mutation QuizCreate($input: QuizInput!) { createQuiz(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizUpdate($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { id } }"): (typeof documents)["mutation QuizUpdate($id: ID!, $input: QuizInput!) { updateQuiz(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuizImportQuestions($format: QuestionFileFormat!, $contentBase64: String!, $importValidRows: Boolean!, $publish: Boolean!) {\n    importQuestions(format: $format, contentBase64: $contentBase64, importValidRows: $importValidRows, publish: $publish) {\n      committed imported refused questionIds\n      rows { row ok errors warnings stem }\n    }\n  }\n"): (typeof documents)["\n  mutation QuizImportQuestions($format: QuestionFileFormat!, $contentBase64: String!, $importValidRows: Boolean!, $publish: Boolean!) {\n    importQuestions(format: $format, contentBase64: $contentBase64, importValidRows: $importValidRows, publish: $publish) {\n      committed imported refused questionIds\n      rows { row ok errors warnings stem }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizList($first: Int!, $after: String) {\n    quizzes(first: $first, after: $after) {\n      items { id title mode kind status questionCount maxScore sample timeLimitSec }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query QuizList($first: Int!, $after: String) {\n    quizzes(first: $first, after: $after) {\n      items { id title mode kind status questionCount maxScore sample timeLimitSec }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation QuizPublish($id: ID!) { publishQuiz(id: $id) { id status } }"): (typeof documents)["mutation QuizPublish($id: ID!) { publishQuiz(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizPreview($quizId: ID!, $seed: String) {\n    previewQuiz(quizId: $quizId, seed: $seed) {\n      quizId seed maxScore\n      items {\n        order points row displayedOptions displayedAnswer\n        question { id type stem explanation difficulty articles { id lawTitle number } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuizPreview($quizId: ID!, $seed: String) {\n    previewQuiz(quizId: $quizId, seed: $seed) {\n      quizId seed maxScore\n      items {\n        order points row displayedOptions displayedAnswer\n        question { id type stem explanation difficulty articles { id lawTitle number } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuizEditorTopics { topics { id name } }\n"): (typeof documents)["\n  query QuizEditorTopics { topics { id name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuizCreateQuestion($input: QuestionInput!, $publish: Boolean!) { createQuestion(input: $input, publish: $publish) { id status } }\n"): (typeof documents)["\n  mutation QuizCreateQuestion($input: QuestionInput!, $publish: Boolean!) { createQuestion(input: $input, publish: $publish) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuizUpdateQuestion($id: ID!, $input: QuestionInput!) { updateQuestion(id: $id, input: $input) { id status version } }\n"): (typeof documents)["\n  mutation QuizUpdateQuestion($id: ID!, $input: QuestionInput!) { updateQuestion(id: $id, input: $input) { id status version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation QuizEditorPublishQuestion($id: ID!) { publishQuestion(id: $id) { id status } }\n"): (typeof documents)["\n  mutation QuizEditorPublishQuestion($id: ID!) { publishQuestion(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportUnits($year: Int) {\n    unitStudyStats(year: $year) {\n      organization { id name sample }\n      members requiredPreMeetingSessions membersMeetingRequirement sessionsHeld attendanceRate\n      quizAttempts averageScore passRate\n    }\n  }\n"): (typeof documents)["\n  query ReportUnits($year: Int) {\n    unitStudyStats(year: $year) {\n      organization { id name sample }\n      members requiredPreMeetingSessions membersMeetingRequirement sessionsHeld attendanceRate\n      quizAttempts averageScore passRate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportQuizzes { quizzes(first: 100) { items { id title status } } }\n"): (typeof documents)["\n  query ReportQuizzes { quizzes(first: 100) { items { id title status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportQuizStatistics($quizId: ID!) {\n    quizStatistics(quizId: $quizId) {\n      quizId title submitted averageScore passRate\n      distribution { from to count }\n      questions {\n        questionId order type stem articles attempts correct facility discrimination unanswered\n        options { key text correct chosen share upperShare lowerShare flags }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportQuizStatistics($quizId: ID!) {\n    quizStatistics(quizId: $quizId) {\n      quizId title submitted averageScore passRate\n      distribution { from to count }\n      questions {\n        questionId order type stem articles attempts correct facility discrimination unanswered\n        options { key text correct chosen share upperShare lowerShare flags }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Health { health { ok database { version edition } } }\n"): (typeof documents)["\n  query Health { health { ok database { version edition } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyAttemptRunner($id: ID!) {\n    attempt(id: $id) {\n      id quizId quizTitle status startedAt deadline submittedAt score maxScore passed autoSubmitted serverNow revealed\n      quiz { id title reveal passScore closesAt questionCount }\n      items {\n        order points questionId type stem options blanks given savedAt\n        earned correct answer explanation\n        articles { id lawTitle number caption text textSource label }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyAttemptRunner($id: ID!) {\n    attempt(id: $id) {\n      id quizId quizTitle status startedAt deadline submittedAt score maxScore passed autoSubmitted serverNow revealed\n      quiz { id title reveal passScore closesAt questionCount }\n      items {\n        order points questionId type stem options blanks given savedAt\n        earned correct answer explanation\n        articles { id lawTitle number caption text textSource label }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudySaveAnswer($attemptId: ID!, $questionId: ID!, $given: [String!]!, $ms: Int) {\n    saveAnswer(attemptId: $attemptId, questionId: $questionId, given: $given, ms: $ms) { questionId given savedAt }\n  }\n"): (typeof documents)["\n  mutation StudySaveAnswer($attemptId: ID!, $questionId: ID!, $given: [String!]!, $ms: Int) {\n    saveAnswer(attemptId: $attemptId, questionId: $questionId, given: $given, ms: $ms) { questionId given savedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudySubmitAttempt($attemptId: ID!, $submissionId: String!) {\n    submitAttempt(attemptId: $attemptId, submissionId: $submissionId) { id status score maxScore passed submittedAt }\n  }\n"): (typeof documents)["\n  mutation StudySubmitAttempt($attemptId: ID!, $submissionId: String!) {\n    submitAttempt(attemptId: $attemptId, submissionId: $submissionId) { id status score maxScore passed submittedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyMyDashboard($year: Int) {\n    me {\n      id\n      upcoming: studySessions(upcoming: true, first: 10) {\n        id kind title meeting startsAt minutes\n        quiz { id title }\n        my { checkedInAt canCheckIn }\n      }\n      past: studySessions(upcoming: false, first: 10) {\n        id kind title meeting startsAt minutes\n        my { checkedInAt canCheckIn readingSeconds attempts { id status score maxScore passed } }\n      }\n      dueReviewCount\n      attempts(first: 20) {\n        items { id quizTitle status startedAt submittedAt score maxScore passed autoSubmitted }\n        pageInfo { totalCount }\n      }\n      progress(year: $year) {\n        year sessionsAttended preMeetingAttended requiredSessions quizAttempts averageScore passRate readingMinutes\n        byKind { kind count }\n        masteryByTopic { topic { id name } mastery cards }\n        monthly { month sessions attempts }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyMyDashboard($year: Int) {\n    me {\n      id\n      upcoming: studySessions(upcoming: true, first: 10) {\n        id kind title meeting startsAt minutes\n        quiz { id title }\n        my { checkedInAt canCheckIn }\n      }\n      past: studySessions(upcoming: false, first: 10) {\n        id kind title meeting startsAt minutes\n        my { checkedInAt canCheckIn readingSeconds attempts { id status score maxScore passed } }\n      }\n      dueReviewCount\n      attempts(first: 20) {\n        items { id quizTitle status startedAt submittedAt score maxScore passed autoSubmitted }\n        pageInfo { totalCount }\n      }\n      progress(year: $year) {\n        year sessionsAttended preMeetingAttended requiredSessions quizAttempts averageScore passRate readingMinutes\n        byKind { kind count }\n        masteryByTopic { topic { id name } mastery cards }\n        monthly { month sessions attempts }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyDueReviews {\n    me { id dueReviewCount dueReviews(first: 50) { id questionId type stem options blanks due state reps lapses } }\n  }\n"): (typeof documents)["\n  query StudyDueReviews {\n    me { id dueReviewCount dueReviews(first: 50) { id questionId type stem options blanks due state reps lapses } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyReview($cardId: ID!, $rating: ReviewRating!, $answer: [String!]) {\n    review(cardId: $cardId, rating: $rating, answer: $answer) {\n      correct given answer explanation\n      card { id due state reps lapses }\n      articles { id lawTitle number caption text textSource label }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyReview($cardId: ID!, $rating: ReviewRating!, $answer: [String!]) {\n    review(cardId: $cardId, rating: $rating, answer: $answer) {\n      correct given answer explanation\n      card { id due state reps lapses }\n      articles { id lawTitle number caption text textSource label }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudySessionRunner($id: ID!) {\n    studySession(id: $id) {\n      id kind title meeting startsAt minutes checkInOpensAt checkInClosesAt invitedCount attendedCount\n      organization { id name }\n      articles { id lawId lawTitle number caption text textSource label }\n      quiz { id title timeLimitSec passScore attemptsAllowed reveal questionCount }\n      my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } }\n    }\n  }\n"): (typeof documents)["\n  query StudySessionRunner($id: ID!) {\n    studySession(id: $id) {\n      id kind title meeting startsAt minutes checkInOpensAt checkInClosesAt invitedCount attendedCount\n      organization { id name }\n      articles { id lawId lawTitle number caption text textSource label }\n      quiz { id title timeLimitSec passScore attemptsAllowed reveal questionCount }\n      my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyCheckIn($sessionId: ID!) {\n    checkIn(sessionId: $sessionId) { id attendedCount my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } } }\n  }\n"): (typeof documents)["\n  mutation StudyCheckIn($sessionId: ID!) {\n    checkIn(sessionId: $sessionId) { id attendedCount my { invited checkedInAt readingSeconds canCheckIn attempts { id status score maxScore passed } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyRecordReading($sessionId: ID!, $articleId: ID!, $seconds: Int!, $clientId: String) {\n    recordReading(sessionId: $sessionId, articleId: $articleId, seconds: $seconds, clientId: $clientId) { readingSeconds articleSeconds added }\n  }\n"): (typeof documents)["\n  mutation StudyRecordReading($sessionId: ID!, $articleId: ID!, $seconds: Int!, $clientId: String) {\n    recordReading(sessionId: $sessionId, articleId: $articleId, seconds: $seconds, clientId: $clientId) { readingSeconds articleSeconds added }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyStartAttempt($quizId: ID!) { startAttempt(quizId: $quizId) { id status } }\n"): (typeof documents)["\n  mutation StudyStartAttempt($quizId: ID!) { startAttempt(quizId: $quizId) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyTrainerSessions($filter: StudySessionFilter, $first: Int!, $after: String) {\n    studySessions(filter: $filter, first: $first, after: $after) {\n      items {\n        id kind title meeting startsAt minutes invitedCount attendedCount sample\n        organization { id name }\n        quiz { id title }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query StudyTrainerSessions($filter: StudySessionFilter, $first: Int!, $after: String) {\n    studySessions(filter: $filter, first: $first, after: $after) {\n      items {\n        id kind title meeting startsAt minutes invitedCount attendedCount sample\n        organization { id name }\n        quiz { id title }\n      }\n      pageInfo { totalCount hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyScheduleOptions {\n    studyOrganizations { id name }\n    laws(first: 100) { items { id title } }\n    quizzes(first: 100) { items { id title status } }\n  }\n"): (typeof documents)["\n  query StudyScheduleOptions {\n    studyOrganizations { id name }\n    laws(first: 100) { items { id title } }\n    quizzes(first: 100) { items { id title status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyLawArticles($lawId: ID!) { studyLawArticles(lawId: $lawId) { id number caption textSource } }\n"): (typeof documents)["\n  query StudyLawArticles($lawId: ID!) { studyLawArticles(lawId: $lawId) { id number caption textSource } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyAttendance($sessionId: ID!) {\n    studySessionAttendance(sessionId: $sessionId) {\n      invited attended\n      session { id title startsAt quiz { id title passScore } }\n      rows {\n        invited checkedInAt minutes readingSeconds attemptStatus score maxScore passed\n        person { id name organization { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyAttendance($sessionId: ID!) {\n    studySessionAttendance(sessionId: $sessionId) {\n      invited attended\n      session { id title startsAt quiz { id title passScore } }\n      rows {\n        invited checkedInAt minutes readingSeconds attemptStatus score maxScore passed\n        person { id name organization { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudySchedule($input: ScheduleStudySessionInput!) { scheduleStudySession(input: $input) { id title invitedCount } }\n"): (typeof documents)["\n  mutation StudySchedule($input: ScheduleStudySessionInput!) { scheduleStudySession(input: $input) { id title invitedCount } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;