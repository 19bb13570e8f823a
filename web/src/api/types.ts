/**
 * The HTTP API's shapes as the console reads them (see /openapi.json). Written by hand from the
 * server's response schemas: the console depends on the API, never on the server's code.
 */

export type Role = 'officer' | 'analyst' | 'supervisor' | 'admin' | 'partner';

export interface Principal {
  kind: 'user' | 'key';
  id: string;
  name: string;
  orgId: string;
  roles: string[];
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
  details: Record<string, unknown>;
}

export type Decision = 'clear' | 'review' | 'match';

export interface SubjectDocument {
  type: 'passport' | 'national_id' | 'other';
  number: string;
  country?: string;
}

export interface Subject {
  id: string;
  schema?: 'Person' | 'Organization' | 'Vessel' | 'Aircraft';
  name: string | string[];
  birthDate?: string;
  nationality?: string;
  gender?: 'male' | 'female';
  documents?: SubjectDocument[];
}

export const CHANNELS = ['visa', 'visa_waiver', 'air_arrival', 'land_border', 'sea_arrival', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface AlignedPart {
  subject: string;
  entity: string;
  how: string;
  similarity: number;
  weight: number;
}

export interface UnmatchedPart {
  side: 'subject' | 'entity' | string;
  part: string;
  role: string;
  penalty: number;
}

export interface FeatureContribution {
  feature: string;
  contribution: number;
  detail: string;
  decisive?: boolean;
}

export interface Explanation {
  summary: string;
  score: number;
  subjectName: string;
  matchedName: { full: string; kind: string };
  name: { score: number; overlap: number; informationFactor: number; kindFactor: number };
  aligned: AlignedPart[];
  unmatched: UnmatchedPart[];
  features: FeatureContribution[];
}

export interface HitSuppression {
  decisionId: string;
  suppressionId: string;
  since: string;
  reason: string;
  via: 'fingerprint' | 'redress_number';
  redressNumber?: string;
}

export interface Hit {
  entityId: string;
  score: number;
  caption: string;
  matchedName: string;
  explanation: Explanation;
  /** Set aside by a redress suppression (a false positive decided earlier for this person). */
  suppressed?: HitSuppression;
}

export interface ResultPosture {
  id: string;
  scheme: string;
  level: string;
  advisoryId?: string;
  reviewThreshold: number;
  matchThreshold: number;
  /** Where enhanced screening applied (nothing auto-clears): the port, channel or route. */
  enhanced?: string;
}

export interface ScreeningResult {
  id: string;
  decision: Decision;
  hits: Hit[];
  listVersions: Record<string, number>;
  /** The posture in force when this ran (servers with advisories). */
  posture?: ResultPosture;
  /** The case this screening opened or joined, when it was not clear (servers with case review). */
  caseId?: string;
}

export interface ListVersion {
  source: string;
  version: number;
  importedAt: string;
  publishedAt?: string;
  fileSha256: string;
  fileNames: string[];
  mode: 'full' | 'delta';
  entityCount: number;
  added: number;
  changed: number;
  removed: number;
}

export interface SourceSummary {
  source: string;
  currentVersion: number;
  entityCount: number;
  lastImportedAt: string;
  current: ListVersion;
}

export interface EntitySummary {
  id: string;
  caption: string;
  schema: string;
}

export interface ListDiff {
  source: string;
  from: number;
  to: number;
  added: EntitySummary[];
  changed: Array<EntitySummary & { fields: string[] }>;
  removed: EntitySummary[];
}

export interface EntityName {
  full: string;
  kind: string;
  parts?: Array<{ role: string; value: string }>;
  script?: string;
  lang?: string;
  note?: string;
}

export type BirthDate =
  | { kind: 'exact' | 'approximate'; date: string; raw?: string }
  | { kind: 'range'; from: string; to: string; raw?: string };

export interface IdentityDocument {
  type: string;
  number: string;
  country?: string;
  note?: string;
}

export interface Address {
  full?: string;
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  note?: string;
}

export interface Listing {
  authority: string;
  program: string;
  listedOn?: string;
  reference?: string;
}

export interface Relation {
  type: string;
  targetId?: string;
  targetName?: string;
  note?: string;
}

export interface Entity {
  id: string;
  source: string;
  sourceId: string;
  schema: string;
  caption: string;
  names: EntityName[];
  birthDates: BirthDate[];
  birthPlaces: string[];
  nationalities: string[];
  citizenships: string[];
  gender?: string;
  documents: IdentityDocument[];
  addresses: Address[];
  listings: Listing[];
  relations: Relation[];
  remarks: string[];
  properties: Record<string, string[]>;
}

export interface StoredEntity {
  entity: Entity;
  source: string;
  version: number;
  /** The first version of its list with this content. */
  since: number;
  contentHash: string;
}

export interface CurrentLevel {
  scheme: string;
  schemeName: string;
  region: string;
  level: string;
  levelName: string;
  rank: number;
  responseLevel?: string;
  advisoryId: string;
  since: string;
}

export interface AdvisorySummary {
  id: string;
  schemeName: string;
  level: string;
  levelName: string;
  levelDescription: string;
  status: string;
  title: string;
  summary: string;
  regions: string[];
  issuedAt?: string;
  expiresAt?: string;
}

export interface Posture {
  id: string;
  scheme: string;
  level: string;
  advisoryId?: string;
  reviewThreshold: number;
  matchThreshold: number;
  enhanced: { ports: string[]; channels: string[]; routes: string[] };
  since: string;
}
