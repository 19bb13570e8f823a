import { z } from 'zod';

export const ADVISORY_SCOPES = ['public', 'restricted', 'private'] as const;
/** `public`: anyone. `restricted`: law enforcement and partners. `private`: the named organisations. */
export const AdvisoryScope = z.enum(ADVISORY_SCOPES);
export type AdvisoryScope = z.infer<typeof AdvisoryScope>;

const Text = (max: number) => z.string().trim().max(max);
const Word = z.string().trim().min(1).max(120);
/** An airport (IATA), a UN/LOCODE or a port name as configured for screening. */
const Port = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{1,63}$/, 'a port is a code or a name of letters, digits, spaces, . _ -');
/** `FROM` or `FROM-TO`: a last point of departure, optionally with the arrival port. */
const Route = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{3,5}(-[A-Za-z0-9]{3,5})?$/, 'a route is FROM or FROM-TO, each a 3 to 5 character code')
  .transform((r) => r.toUpperCase());
const OrgId = z.string().trim().regex(/^[^\s,"<&]{1,120}$/, 'an organisation id has no spaces, commas, quotes, < or &');
const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * The fields of an advisory an author writes, none defaulted here: the same shape checks a new
 * advisory (with the required ones made so) and an update (everything optional).
 */
const AdvisoryFields = z
  .object({
    level: z.string().trim().min(1),
    title: Text(200).min(1),
    summary: Text(4000).min(1),
    details: Text(40_000),
    /** The sunset: when the advisory ends by itself. ISO-8601 with an offset. */
    expiresAt: Instant,
    regions: z.array(Word).min(1).max(100),
    /** Aviation, mass transit, border, maritime, ... */
    sectors: z.array(Word).max(100),
    ports: z.array(Port).max(500),
    routes: z.array(Route).max(500),
    /** Screening channels (visa, air_arrival, land_border, ...) the advisory names. */
    channels: z.array(Word).max(50),
    /** What the government is doing. */
    governmentActions: Text(20_000),
    /** How the public can help. */
    publicActions: Text(20_000),
    /** How to stay informed. */
    stayInformed: Text(20_000),
    /** Why the level was set. Restricted: never in a public output, a CAP message, a feed or a webhook. */
    justification: Text(40_000),
    scope: AdvisoryScope,
    /** CAP `restriction`: who may receive a restricted advisory, in words. */
    restriction: Text(500).min(1),
    /** The organisations a private advisory is for (CAP `addresses`). */
    addresses: z.array(OrgId).max(200),
    /** A page with more, for CAP `web` and the public page. */
    web: z.string().url().max(2000),
  })
  .strict();

/** `POST /v1/advisories` and `vigil advisories create`: a draft. */
export const NewAdvisory = AdvisoryFields.partial()
  .extend({
    scheme: z.string().trim().min(1),
    level: AdvisoryFields.shape.level,
    title: AdvisoryFields.shape.title,
    summary: AdvisoryFields.shape.summary,
    regions: AdvisoryFields.shape.regions,
  })
  .strict();
export type NewAdvisory = z.input<typeof NewAdvisory>;

/** An update: the fields named replace those of the latest version; the rest carry over. */
export const AdvisoryPatch = AdvisoryFields.partial().strict();
export type AdvisoryPatch = z.input<typeof AdvisoryPatch>;

/** One version's content, every field present. */
export interface AdvisoryContent {
  level: string;
  title: string;
  summary: string;
  details: string;
  expiresAt?: string;
  regions: string[];
  sectors: string[];
  ports: string[];
  routes: string[];
  channels: string[];
  governmentActions: string;
  publicActions: string;
  stayInformed: string;
  justification: string;
  scope: AdvisoryScope;
  restriction?: string;
  addresses: string[];
  web?: string;
}

export type VersionChange = 'create' | 'update' | 'extend';

export interface AdvisoryVersion {
  /** 1, 2, 3, ... */
  version: number;
  change: VersionChange;
  content: AdvisoryContent;
  authorId: string;
  authorOrgId?: string;
  /** ISO-8601 UTC, as every time here. */
  createdAt: string;
  approvedBy?: string;
  approvedAt?: string;
  publishedBy?: string;
  publishedAt?: string;
  /** When the publication was announced to subscribers. */
  notifiedAt?: string;
}

/** An advisory with every version it has had, oldest first: the state everything else derives from. */
export interface Advisory {
  id: string;
  scheme: string;
  /** The organisation of the author of the first version. */
  issuerOrgId?: string;
  createdBy: string;
  createdAt: string;
  cancelledAt?: string;
  cancelledBy?: string;
  cancelReason?: string;
  cancelNotifiedAt?: string;
  expiryNoticedAt?: string;
  versions: AdvisoryVersion[];
}

/**
 * `draft` and `approved`: never published. `published`: in force. `expired`: its sunset has
 * passed. `cancelled`: withdrawn. Expired and cancelled advisories never show as current.
 */
export type AdvisoryStatus = 'draft' | 'approved' | 'published' | 'expired' | 'cancelled';

/**
 * Of one version: `published` is the one in force, `replaced` one published before it,
 * `draft`/`approved` one waiting to be published, `superseded` one that never will be.
 */
export type VersionState = 'draft' | 'approved' | 'published' | 'replaced' | 'superseded';
