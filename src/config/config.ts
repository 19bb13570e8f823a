import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AdvisorySettings } from '../advisories/index.js';
import { VigilError } from '../domain/index.js';
import { ServerConfig } from '../server/index.js';
import { VettingSettings } from '../vetting/index.js';

/** Every setting Vigil reads, validated once. Flags override the environment, which overrides the file. */
export const VigilConfig = z
  .object({
    /** SQLite file path, or a postgres:// URL. */
    db: z.string().min(1).default('./vigil.db'),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where `vigil lists update` keeps downloaded files. */
    dataDir: z.string().min(1).default('./.vigil/downloads'),
    /**
     * URLs per source and file role (`{"un-sc": {"consolidated": "https://..."}}`); a source named
     * here replaces the built-in official URLs for that source.
     */
    sourceUrls: z.record(z.string(), z.record(z.string(), z.string().url())).default({}),
    /** Which screenings enrol their subjects for recurrent vetting, for how long, and how often vetting looks for list changes. */
    vetting: VettingSettings.default(VettingSettings.parse({})),
    /** Threat-level schemes, the screening posture each level sets, CAP sender and public address. */
    advisories: AdvisorySettings.optional(),
    /** The HTTP service: body and batch limits, rate limits, CORS origins, cookies, docs; `vigil serve` flags override. */
    server: ServerConfig.optional(),
  })
  .strict();
export type VigilConfig = z.infer<typeof VigilConfig>;

export interface ConfigInputs {
  flags?: Partial<Record<keyof VigilConfig, unknown>>;
  env?: NodeJS.ProcessEnv;
  /** A JSON file of settings; `VIGIL_CONFIG` names it when not given. */
  file?: string;
}

const ENV_NAMES: Record<string, keyof VigilConfig> = {
  VIGIL_DB: 'db',
  VIGIL_LOG_LEVEL: 'logLevel',
  VIGIL_DATA_DIR: 'dataDir',
};

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new VigilError('CONFIG_INVALID', `cannot read config file ${path}`, { file: path }, { cause: error });
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new VigilError('CONFIG_INVALID', `config file ${path} must hold a JSON object`, { file: path });
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof VigilError) throw error;
    throw new VigilError('CONFIG_INVALID', `config file ${path} is not valid JSON`, { file: path }, { cause: error });
  }
}

function definedEntries(record: Partial<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** Reads and validates the configuration from flags, environment and an optional file. */
export function loadConfig(inputs: ConfigInputs = {}): VigilConfig {
  const env = inputs.env ?? process.env;
  const filePath = inputs.file ?? env.VIGIL_CONFIG;
  const fromFile = filePath !== undefined && filePath !== '' ? readConfigFile(filePath) : {};
  const fromEnv: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') fromEnv[key] = value;
  }
  const merged = { ...fromFile, ...fromEnv, ...definedEntries(inputs.flags ?? {}) };
  const result = VigilConfig.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new VigilError('CONFIG_INVALID', `invalid setting ${field}: ${issue?.message ?? 'invalid'}`, { field });
  }
  return result.data;
}
