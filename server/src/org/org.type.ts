import { Field, ID, ObjectType, registerEnumType } from 'type-graphql'

export enum OrganizationKind {
  GOVERNMENT = 'GOVERNMENT',
  DEPARTMENT = 'DEPARTMENT',
  VILLAGE = 'VILLAGE',
  RESIDENTS_COMMITTEE = 'RESIDENTS_COMMITTEE',
  PARTY_ORG = 'PARTY_ORG',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind', description: 'GOVERNMENT 政府, DEPARTMENT 部门, VILLAGE 村, RESIDENTS_COMMITTEE 居委, PARTY_ORG 党组织.' })

export enum PersonCategory {
  LEADING = 'LEADING',
  RESERVE = 'RESERVE',
  GENERAL = 'GENERAL',
  ADVISOR = 'ADVISOR',
}
registerEnumType(PersonCategory, { name: 'PersonCategory', description: 'LEADING 领导干部, RESERVE 中青后备干部, GENERAL 一般干部, ADVISOR 法律顾问.' })

@ObjectType({ description: 'An organisation (单位): the town government, its departments, villages and residents committees.' })
export class Organization {
  @Field(() => ID, { description: 'Stable id.' })
  id: string

  @Field(() => String, { description: 'Name, e.g. 外冈镇人民政府 (示例).' })
  name: string

  @Field(() => OrganizationKind, { description: 'Kind of organisation.' })
  kind: OrganizationKind

  @Field(() => String, { nullable: true, description: 'Id of the organisation it is part of.' })
  parentId: string | null

  @Field(() => Boolean, { description: 'True for fictional sample data (示例).' })
  sample: boolean
}

@ObjectType({ description: 'A person (人员): a cadre or a legal advisor.' })
export class Person {
  @Field(() => ID, { description: 'Stable id.' })
  id: string

  @Field(() => String, { description: 'Name.' })
  name: string

  @Field(() => PersonCategory, { description: 'Category of cadre.' })
  category: PersonCategory

  @Field(() => Organization, { nullable: true, description: 'The organisation the person belongs to.' })
  organization: Organization | null

  @Field(() => Boolean, { description: 'True for fictional sample people (示例).' })
  sample: boolean
}
