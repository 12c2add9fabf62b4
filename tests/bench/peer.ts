/**
 * The peer: type definitions for the Neo4j GraphQL library (@neo4j/graphql 7) over the same graph, and
 * the operations that ask it for the same shapes the benchmark asks Xuefa for. Relationships map one to
 * one onto the graph; what needs a lookup by property (an article's law) or an index (full-text search)
 * is a `@cypher` field, as the library's documentation recommends.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Law @node {
    id: ID!
    title: String!
    shortTitle: String
    versions: [LawVersion!]! @relationship(type: "HAS_VERSION", direction: OUT)
  }

  type LawVersion @node {
    id: ID!
    versionDate: String
    current: Boolean
    law: [Law!]! @relationship(type: "HAS_VERSION", direction: IN)
  }

  type Division @node {
    id: ID!
    kind: String
    number: String
    title: String
    parent: [Division!]! @relationship(type: "HAS_DIVISION", direction: IN)
  }

  type Topic @node {
    id: ID!
    name: String
  }

  type Article @node {
    id: ID!
    lawId: String!
    number: String!
    caption: String
    text: String
    summary: String
    paragraphs: [String!]
    law: [Law!]! @cypher(statement: "MATCH (l:Law {id: this.lawId}) RETURN l", columnName: "l")
    versions: [LawVersion!]! @relationship(type: "CONTAINS", direction: IN)
    divisions: [Division!]! @relationship(type: "HAS_ARTICLE", direction: IN)
    citesArticles: [Article!]! @relationship(type: "CITES", direction: OUT)
    citesLaws: [Law!]! @relationship(type: "CITES", direction: OUT)
    citedBy: [Article!]! @relationship(type: "CITES", direction: IN)
    topics: [Topic!]! @relationship(type: "ABOUT", direction: OUT)
  }

  type Organization @node {
    id: ID!
    name: String
    kind: String
  }

  type Person @node {
    id: ID!
    name: String
    category: String
  }

  type DecisionCatalogue @node {
    id: ID!
    year: Int
  }

  type StepRecord @node {
    id: ID!
    stepCode: String
    startedOn: Date
    completedOn: Date
    outcome: String
    evidenceTitles: [String!]
    evidenceNumbers: [String!]
    note: String
    correctsId: String
    """
    As an ISO string: the library formats DateTime values with APOC, which the embedded Neo4j does not
    ship, so the value is converted in Cypher as Xuefa's own query does.
    """
    recordedAt: String @cypher(statement: "RETURN toString(this.recordedAt) AS v", columnName: "v")
    performedBy: [Person!]! @relationship(type: "PERFORMED_BY", direction: OUT)
    correctedBy: [StepRecord!]! @relationship(type: "CORRECTS", direction: IN)
  }

  type Decision @node {
    id: ID!
    title: String
    summary: String
    domain: String
    status: String
    decidedOn: Date
    affectsPublic: Boolean
    technical: Boolean
    stabilityRisk: Boolean
    confidential: Boolean
    organization: [Organization!]! @relationship(type: "DECIDES", direction: IN)
    catalogue: [DecisionCatalogue!]! @relationship(type: "LISTED_IN", direction: OUT)
    basedOn: [Article!]! @relationship(type: "BASED_ON", direction: OUT)
    records: [StepRecord!]! @relationship(type: "HAS_STEP", direction: OUT)
  }

  type Query {
    searchArticles(query: String!, first: Int!): [Article!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('article_text_fulltext', $query, {limit: 100}) YIELD node, score
        WITH node, score, EXISTS { (:LawVersion {current: true})-[:CONTAINS]->(node) } AS current
        ORDER BY current DESC, score DESC
        LIMIT $first
        RETURN node
        """
        columnName: "node"
      )
  }
`

/** `article(id)` as the peer is asked it: text, place, law, versions, citations both ways, topics. */
export const PEER_ARTICLE = /* GraphQL */ `
  query PeerArticle($id: ID!) {
    articles(where: { id: { eq: $id } }) {
      id number caption text summary paragraphs
      law { id title shortTitle }
      versions { id versionDate current }
      divisions { id kind number title parent { id kind number title } }
      citesArticles { id lawId number law { title } }
      citesLaws { id title }
      citedBy { id lawId number caption law { title shortTitle } }
      topics { id name }
    }
  }
`

/** `decision(id)` as the peer is asked it: the facts and the whole record; it cannot compute compliance. */
export const PEER_DECISION = /* GraphQL */ `
  query PeerDecision($id: ID!) {
    decisions(where: { id: { eq: $id } }) {
      id title summary domain status decidedOn affectsPublic technical stabilityRisk confidential
      organization { id name kind }
      catalogue { id year }
      basedOn { id number lawId caption law { title } }
      records {
        id stepCode startedOn completedOn outcome evidenceTitles evidenceNumbers note correctsId recordedAt
        performedBy { id name category }
        correctedBy { id }
      }
    }
  }
`

/** `searchArticles(text)` as the peer is asked it (the Lucene query Xuefa builds is passed in). */
export const PEER_SEARCH = /* GraphQL */ `
  query PeerSearch($query: String!, $first: Int!) {
    searchArticles(query: $query, first: $first) {
      id number caption text summary lawId
      law { id title shortTitle }
    }
  }
`
