import { Field, ID, ObjectType } from 'type-graphql'
import { GraphNodeKind } from './law.type'

/** Types of the law graph view (法规图谱). */

@ObjectType({ description: 'A node of the law graph view.' })
export class GraphNode {
  @Field(() => ID, { description: 'Node id.' })
  id: string

  @Field(() => String, { description: 'Short label to display.' })
  label: string

  @Field(() => GraphNodeKind, { description: 'What the node is.' })
  kind: GraphNodeKind
}

@ObjectType({ description: 'A relationship of the law graph view.' })
export class GraphEdge {
  @Field(() => ID, { description: 'Id of the start node.' })
  source: string

  @Field(() => ID, { description: 'Id of the end node.' })
  target: string

  @Field(() => String, { description: 'Relationship type, e.g. CITES, REPLACES, ABOUT, TESTS; IN_LAW links an article to its law.' })
  type: string
}

@ObjectType({ description: 'The graph around a law, article or topic.' })
export class GraphNeighbourhood {
  @Field(() => ID, { description: 'The node asked for.' })
  centerId: string

  @Field(() => [GraphNode], { description: 'Nodes, the centre first.' })
  nodes: GraphNode[]

  @Field(() => [GraphEdge], { description: 'Relationships between the nodes.' })
  edges: GraphEdge[]

  @Field(() => Boolean, { description: 'True when the neighbourhood was cut to the node limit.' })
  truncated: boolean
}
