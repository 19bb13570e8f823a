import type { Selectable } from 'kysely';
import type { ScreeningPosture } from '../domain/index.js';
import { VigilError } from '../domain/index.js';
import type { Advisory, AdvisoryContent, AdvisoryVersion, VersionChange } from './advisory.js';
import type { AdvisoriesTable, AdvisoryDb, AdvisoryVersionsTable } from './advisory-tables.js';

function toVersion(row: Selectable<AdvisoryVersionsTable>): AdvisoryVersion {
  return {
    version: row.version,
    change: row.change,
    content: JSON.parse(row.content_json) as AdvisoryContent,
    authorId: row.author_id,
    ...(row.author_org_id !== null ? { authorOrgId: row.author_org_id } : {}),
    createdAt: row.created_at,
    ...(row.approved_by !== null ? { approvedBy: row.approved_by } : {}),
    ...(row.approved_at !== null ? { approvedAt: row.approved_at } : {}),
    ...(row.published_by !== null ? { publishedBy: row.published_by } : {}),
    ...(row.published_at !== null ? { publishedAt: row.published_at } : {}),
    ...(row.notified_at !== null ? { notifiedAt: row.notified_at } : {}),
  };
}

function toAdvisory(row: Selectable<AdvisoriesTable>, versions: AdvisoryVersion[]): Advisory {
  return {
    id: row.id,
    scheme: row.scheme,
    ...(row.issuer_org_id !== null ? { issuerOrgId: row.issuer_org_id } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.cancelled_at !== null ? { cancelledAt: row.cancelled_at } : {}),
    ...(row.cancelled_by !== null ? { cancelledBy: row.cancelled_by } : {}),
    ...(row.cancel_reason !== null ? { cancelReason: row.cancel_reason } : {}),
    ...(row.cancel_notified_at !== null ? { cancelNotifiedAt: row.cancel_notified_at } : {}),
    ...(row.expiry_noticed_at !== null ? { expiryNoticedAt: row.expiry_noticed_at } : {}),
    versions,
  };
}

export interface NewVersionRow {
  advisoryId: string;
  version: number;
  change: VersionChange;
  content: AdvisoryContent;
  authorId: string;
  authorOrgId?: string;
  createdAt: string;
}

function versionRow(v: NewVersionRow): AdvisoryVersionsTable {
  return {
    advisory_id: v.advisoryId,
    version: v.version,
    change: v.change,
    level: v.content.level,
    scope: v.content.scope,
    expires_at: v.content.expiresAt ?? null,
    content_json: JSON.stringify(v.content),
    author_id: v.authorId,
    author_org_id: v.authorOrgId ?? null,
    created_at: v.createdAt,
    approved_by: null,
    approved_at: null,
    published_by: null,
    published_at: null,
    notified_at: null,
  };
}

/** Advisories and their versions in the store. Conditional updates make each step happen once. */
export class AdvisoryRepository {
  constructor(private readonly db: AdvisoryDb) {}

  async create(advisory: { id: string; scheme: string; issuerOrgId?: string; createdBy: string; createdAt: string }, first: NewVersionRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('advisories')
        .values({
          id: advisory.id,
          scheme: advisory.scheme,
          issuer_org_id: advisory.issuerOrgId ?? null,
          created_by: advisory.createdBy,
          created_at: advisory.createdAt,
          cancelled_at: null,
          cancelled_by: null,
          cancel_reason: null,
          cancel_notified_at: null,
          expiry_noticed_at: null,
        })
        .execute();
      await trx.insertInto('advisory_versions').values(versionRow(first)).execute();
    });
  }

  /** CONFLICT when another version took the number first (two updates at once). */
  async addVersion(row: NewVersionRow): Promise<void> {
    const result = await this.db
      .insertInto('advisory_versions')
      .values(versionRow(row))
      .onConflict((oc) => oc.columns(['advisory_id', 'version']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== 1) {
      throw new VigilError('CONFLICT', `advisory ${row.advisoryId} changed meanwhile; read it again and retry`, { record: row.advisoryId });
    }
  }

  async find(id: string): Promise<Advisory | undefined> {
    const row = await this.db.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) return undefined;
    const versions = await this.db.selectFrom('advisory_versions').selectAll().where('advisory_id', '=', id).orderBy('version').execute();
    return toAdvisory(row, versions.map(toVersion));
  }

  /** Every advisory, oldest first: there are tens or hundreds, not millions. */
  async all(scheme?: string): Promise<Advisory[]> {
    let advisories = this.db.selectFrom('advisories').selectAll();
    let versions = this.db.selectFrom('advisory_versions').innerJoin('advisories', 'advisories.id', 'advisory_versions.advisory_id').selectAll('advisory_versions');
    if (scheme !== undefined) {
      advisories = advisories.where('scheme', '=', scheme);
      versions = versions.where('advisories.scheme', '=', scheme);
    }
    const [rows, versionRows] = await Promise.all([
      advisories.orderBy('created_at').orderBy('id').execute(),
      versions.orderBy('advisory_versions.advisory_id').orderBy('advisory_versions.version').execute(),
    ]);
    const byAdvisory = new Map<string, AdvisoryVersion[]>();
    for (const v of versionRows) {
      const list = byAdvisory.get(v.advisory_id) ?? [];
      list.push(toVersion(v));
      byAdvisory.set(v.advisory_id, list);
    }
    return rows.map((row) => toAdvisory(row, byAdvisory.get(row.id) ?? [])).filter((a) => a.versions.length > 0);
  }

  /** True when this call approved it; false when it was approved or published meanwhile. */
  async approve(id: string, version: number, by: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('advisory_versions')
      .set({ approved_by: by, approved_at: at })
      .where('advisory_id', '=', id)
      .where('version', '=', version)
      .where('approved_at', 'is', null)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async publish(id: string, version: number, by: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('advisory_versions')
      .set({ published_by: by, published_at: at })
      .where('advisory_id', '=', id)
      .where('version', '=', version)
      .where('approved_at', 'is not', null)
      .where('published_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async cancel(id: string, by: string, at: string, reason: string | undefined): Promise<boolean> {
    const result = await this.db
      .updateTable('advisories')
      .set({ cancelled_at: at, cancelled_by: by, cancel_reason: reason ?? null })
      .where('id', '=', id)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async markVersionNotified(id: string, version: number, at: string): Promise<void> {
    await this.db.updateTable('advisory_versions').set({ notified_at: at }).where('advisory_id', '=', id).where('version', '=', version).where('notified_at', 'is', null).execute();
  }

  async markCancelNotified(id: string, at: string): Promise<void> {
    await this.db.updateTable('advisories').set({ cancel_notified_at: at }).where('id', '=', id).where('cancel_notified_at', 'is', null).execute();
  }

  /** True for exactly one caller across processes: that one announces the sunset. */
  async claimExpiryNotice(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('advisories').set({ expiry_noticed_at: at }).where('id', '=', id).where('expiry_noticed_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async lastPosture(): Promise<{ seq: number; key: string; posture: ScreeningPosture } | undefined> {
    const row = await this.db.selectFrom('advisory_posture_changes').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? undefined : { seq: row.seq, key: row.posture_key, posture: JSON.parse(row.posture_json) as ScreeningPosture };
  }

  /** False when another process recorded change `seq` first. */
  async recordPosture(seq: number, key: string, posture: ScreeningPosture, at: string): Promise<boolean> {
    const result = await this.db
      .insertInto('advisory_posture_changes')
      .values({ seq, posture_id: posture.id, posture_key: key, posture_json: JSON.stringify(posture), changed_at: at })
      .onConflict((oc) => oc.column('seq').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  async postureChanges(limit = 100): Promise<Array<{ seq: number; posture: ScreeningPosture; changedAt: string }>> {
    const rows = await this.db.selectFrom('advisory_posture_changes').selectAll().orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ seq: r.seq, posture: JSON.parse(r.posture_json) as ScreeningPosture, changedAt: r.changed_at }));
  }
}
