import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { SourceId } from '../../domain/index.js';
import type { ListFormat } from '../../lists/index.js';
import { importFiles } from '../../store/index.js';
import { recordAudit } from '../request-audit.js';
import type { RouteDeps } from '../route-deps.js';
import { errorResponses, ListDiff, ListVersion, ListVersions, SourceSummary, VersionNumber } from '../schemas.js';
import { saveUpload } from '../upload.js';

const FORMATS = ['ofac-sdn', 'ofac-cons', 'un-sc', 'ftm', 'ftm-delta', 'nominations'] as const satisfies readonly ListFormat[];
const READERS = ['analyst', 'supervisor', 'admin'] as const;

/**
 * The most ids one audit record holds (src/audit refuses more). A diff of a whole new list can
 * name more entities; the record then keeps the first ones and the count.
 */
const AUDIT_MAX_IDS = 10_000;

const SourceParams = z.object({ source: SourceId });

/** The format of an upload: named in the query, else the source's own name when it is a format, else detected. */
function formatFor(source: string, asked: ListFormat | undefined): ListFormat | undefined {
  if (asked !== undefined) return asked;
  return (FORMATS as readonly string[]).includes(source) ? (source as ListFormat) : undefined;
}

const ImportReport = z.object({
  source: z.string(),
  imports: z.array(
    z.object({
      files: z.array(z.string()),
      status: z.enum(['created', 'unchanged']),
      version: z.number().int(),
      entities: z.number().int(),
      added: z.number().int(),
      changed: z.number().int(),
      removed: z.number().int(),
      skipped: z.array(z.object({ file: z.string(), line: z.number().int(), record: z.string().optional(), field: z.string().optional(), message: z.string() })),
    }),
  ),
  /** The list versions screening uses once the import is done. */
  listVersions: ListVersions,
});

/** Logs an import's progress at most every 2 s: long imports show they are alive. */
function progressLogger(request: FastifyRequest): (source: string, recordsRead: number) => void {
  let last = 0;
  return (source, recordsRead) => {
    const now = Date.now();
    if (now - last < 2000) return;
    last = now;
    request.log.info({ source, recordsRead }, 'import progress');
  };
}

/** Sources, versions, differences and imports. */
export const listRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { store, engine, audit, config, vetting }) => {
  app.get('/v1/lists', {
    config: { roles: READERS, action: 'list.read' },
    schema: {
      summary: 'Every source with its current version',
      tags: ['lists'],
      response: { 200: z.object({ sources: z.array(SourceSummary) }), ...errorResponses() },
    },
    handler: async () => ({ sources: await store.listSources() }),
  });

  app.get('/v1/lists/:source/versions', {
    config: { roles: READERS, action: 'list.read' },
    schema: {
      summary: "A source's versions, oldest first",
      tags: ['lists'],
      params: SourceParams,
      response: { 200: z.object({ source: z.string(), versions: z.array(ListVersion) }), ...errorResponses(404) },
    },
    handler: async (request) => ({ source: request.params.source, versions: await store.listVersions(request.params.source) }),
  });

  app.get('/v1/lists/:source/diff', {
    config: { roles: READERS, action: 'list.diff', audit: 'always' },
    schema: {
      summary: 'Entities added, changed and removed between two versions',
      description: 'Defaults: `to` is the current version, `from` the one before it (0 before the first).',
      tags: ['lists'],
      params: SourceParams,
      querystring: z
        .object({
          from: z.coerce.number().int().min(0).optional(),
          to: VersionNumber.optional(),
          purpose: z.string().min(1).max(256).optional(),
        })
        .strict(),
      response: { 200: ListDiff, ...errorResponses(404) },
    },
    handler: async (request) => {
      const { source } = request.params;
      const { from, to, purpose } = request.query;
      const diff = await store.diff(source, from, to);
      const entityIds = [...diff.added, ...diff.changed, ...diff.removed].map((e) => e.id);
      await recordAudit(audit, request, {
        entityIds: entityIds.slice(0, AUDIT_MAX_IDS),
        ...(purpose !== undefined ? { purpose } : {}),
        outcome: 'ok',
        details: { source, from: diff.from, to: diff.to, entities: entityIds.length, ...(entityIds.length > AUDIT_MAX_IDS ? { entityIdsTruncated: true } : {}) },
      });
      return diff;
    },
  });

  // The upload route lives in its own context: its body parsers (raw bytes, multipart) and its
  // larger body limit must not apply to the JSON routes.
  await app.register(async (uploads) => {
    uploads.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    await uploads.register(multipart, { limits: { fileSize: config.importBodyLimit } });

    uploads.withTypeProvider<ZodTypeProvider>().post('/v1/lists/:source/import', {
      config: { roles: ['admin'], action: 'list.import', audit: 'always' },
      bodyLimit: config.importBodyLimit,
      schema: {
        summary: 'Import a new version of a list',
        description:
          'Send the list file as the raw body (application/octet-stream, name it with `filename`) or as multipart files (the OFAC sdn/alt/add trio in one request). ' +
          'The import is one transaction: a whole new version or nothing; an identical file makes no version. Screening goes on meanwhile and uses the new version once this returns.',
        tags: ['lists'],
        consumes: ['application/octet-stream', 'multipart/form-data'],
        params: SourceParams,
        querystring: z
          .object({
            format: z.enum(FORMATS).optional().describe('The file format; default the source id when it names a format, else detected.'),
            filename: z.string().min(1).max(128).optional().describe('The raw body\'s file name (kept with the version).'),
            skipInvalid: z.enum(['true', 'false']).optional().describe('Import the valid records and report the invalid ones instead of refusing the file.'),
          })
          .strict(),
        body: z
          .custom<Readable | undefined>(() => true)
          .optional()
          .meta({ type: 'string', format: 'binary', description: 'The list file.' }),
        response: { 200: ImportReport, ...errorResponses(404, 413, 415, 422) },
      },
      handler: async (request) => {
        const { source } = request.params;
        const { format, filename, skipInvalid } = request.query;
        // Refused before reading the upload: an import must be followed by a refresh.
        const current = engine.get();
        const dir = await mkdtemp(join(tmpdir(), 'vigil-upload-'));
        try {
          const paths = await saveUpload(request, dir, { ...(filename !== undefined ? { fileName: filename } : {}), limit: config.importBodyLimit });
          const chosen = formatFor(source, format);
          const imports = await importFiles(store, paths, {
            ...(chosen !== undefined ? { format: chosen } : {}),
            sourceId: source,
            skipInvalid: skipInvalid === 'true',
            storeBaseNames: true,
            onProgress: progressLogger(request),
          });
          await current.refresh();
          if (imports.some((i) => i.status === 'created')) vetting.vetSoon();
          await recordAudit(audit, request, {
            outcome: 'ok',
            details: { source, imports: imports.map((i) => ({ version: i.version, status: i.status, added: i.added, changed: i.changed, removed: i.removed, skipped: i.skipped.length })) },
          });
          return { source, imports: imports.map(({ source: _source, ...rest }) => ({ ...rest, skipped: rest.skipped.slice(0, 100) })), listVersions: current.snapshot.versions };
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    });
  });
};
