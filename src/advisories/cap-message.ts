import { VigilError } from '../domain/index.js';
import type { Advisory, AdvisoryVersion } from './advisory.js';
import { publishedVersions } from './advisory-state.js';
import type { AdvisoryScheme } from './schemes.js';
import { el, renderXml, textEl, type XmlElement } from './xml.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export type CapMessageType = 'Alert' | 'Update' | 'Cancel';

export interface CapOptions {
  /** CAP `sender`. */
  sender: string;
  /** For `web` links to the public page; left out when absent. */
  publicBaseUrl?: string;
}

/** CAP wants `2003-04-02T14:39:01-05:00`: seconds, and an offset rather than `Z`. */
export function capTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19)}+00:00`;
}

/** CAP identifiers carry no spaces, commas, `<` or `&`; advisory ids already do not. */
export function capIdentifier(advisoryId: string, version: number | 'cancel'): string {
  return version === 'cancel' ? `${advisoryId}.cancel` : `${advisoryId}.v${version}`;
}

function reference(sender: string, advisoryId: string, version: AdvisoryVersion): string {
  return `${sender},${capIdentifier(advisoryId, version.version)},${capTime(version.publishedAt ?? version.createdAt)}`;
}

function paragraphs(...parts: Array<[string, string] | string>): string {
  return parts
    .map((part) => (typeof part === 'string' ? part.trim() : part[1].trim() === '' ? '' : `${part[0]}: ${part[1].trim()}`))
    .filter((p) => p !== '')
    .join('\n\n');
}

function parameter(name: string, value: string | undefined): XmlElement | undefined {
  return value === undefined || value === '' ? undefined : el('parameter', el('valueName', name), el('value', value));
}

function info(advisory: Advisory, version: AdvisoryVersion, scheme: AdvisoryScheme, options: CapOptions, cancel: boolean): XmlElement {
  const { content } = version;
  const level = scheme.levels.find((l) => l.id === content.level);
  if (level === undefined) throw new VigilError('INTERNAL', `advisory ${advisory.id} has level ${content.level} that ${scheme.id} does not define`);
  const description = cancel
    ? paragraphs(`This advisory has been cancelled and is no longer in force.${advisory.cancelReason !== undefined ? ` ${advisory.cancelReason}` : ''}`, content.summary)
    : paragraphs(
        content.summary,
        content.details,
        ['What the government is doing', content.governmentActions],
        ['Sectors affected', content.sectors.join(', ')],
        ['Ports', content.ports.join(', ')],
        ['Routes', content.routes.join(', ')],
      );
  const instruction = cancel ? undefined : paragraphs(content.publicActions, ['How to stay informed', content.stayInformed]);
  const web = content.web ?? (options.publicBaseUrl !== undefined ? `${options.publicBaseUrl.replace(/\/$/, '')}/advisories#${advisory.id}` : undefined);
  return el(
    'info',
    el('language', 'en-US'),
    el('category', 'Security'),
    el('event', `${scheme.name} ${level.name}`),
    el('responseType', cancel ? 'AllClear' : 'Monitor'),
    el('urgency', cancel ? 'Past' : level.cap.urgency),
    el('severity', cancel ? 'Minor' : level.cap.severity),
    el('certainty', cancel ? 'Unlikely' : level.cap.certainty),
    el('eventCode', el('valueName', scheme.id.toUpperCase()), el('value', level.id)),
    version.publishedAt !== undefined && el('effective', capTime(version.publishedAt)),
    content.expiresAt !== undefined && !cancel && el('expires', capTime(content.expiresAt)),
    el('senderName', scheme.authority),
    el('headline', cancel ? `Cancelled: ${content.title}` : content.title),
    textEl('description', description),
    textEl('instruction', instruction),
    textEl('web', web),
    parameter('threatLevel', level.name),
    parameter('responseLevel', level.responseLevel),
    parameter('sectors', content.sectors.join(',')),
    parameter('ports', content.ports.join(',')),
    parameter('routes', content.routes.join(',')),
    parameter('advisoryVersion', String(version.version)),
    content.regions.map((region) => el('area', el('areaDesc', region))),
  );
}

/**
 * The advisory as an OASIS CAP 1.2 message: the first published version as an Alert, a later
 * one as an Update that references every earlier one, and a cancellation as a Cancel that
 * references them all. Never carries the justification. The caller has checked `canSee`.
 *
 * @param which a published version number, `cancel`, or (omitted) the latest message there is.
 */
export function toCapXml(advisory: Advisory, scheme: AdvisoryScheme, options: CapOptions, which?: number | 'cancel'): string {
  const published = publishedVersions(advisory);
  const last = published[published.length - 1];
  if (last === undefined) throw new VigilError('CONFLICT', `advisory ${advisory.id} has not been published, so it has no CAP message`, { record: advisory.id });
  const target = which ?? (advisory.cancelledAt !== undefined ? 'cancel' : last.version);
  const cancel = target === 'cancel';
  if (cancel && advisory.cancelledAt === undefined) throw new VigilError('STORE_NOT_FOUND', `advisory ${advisory.id} has not been cancelled`, { record: advisory.id });
  const index = cancel ? published.length : published.findIndex((v) => v.version === target);
  const version = cancel ? last : published[index];
  if (version === undefined) throw new VigilError('STORE_NOT_FOUND', `advisory ${advisory.id} has no published version ${String(target)}`, { record: advisory.id });
  const msgType: CapMessageType = cancel ? 'Cancel' : index === 0 ? 'Alert' : 'Update';
  const references = published.slice(0, index).map((v) => reference(options.sender, advisory.id, v));
  const { content } = version;
  const scope = content.scope === 'public' ? 'Public' : content.scope === 'restricted' ? 'Restricted' : 'Private';
  const alert = {
    ...el(
      'alert',
      el('identifier', capIdentifier(advisory.id, cancel ? 'cancel' : version.version)),
      el('sender', options.sender),
      el('sent', capTime(cancel ? (advisory.cancelledAt ?? version.createdAt) : (version.publishedAt ?? version.createdAt))),
      el('status', 'Actual'),
      el('msgType', msgType),
      el('scope', scope),
      scope === 'Restricted' && el('restriction', content.restriction ?? 'Restricted'),
      scope === 'Private' && el('addresses', content.addresses.join(' ')),
      textEl('note', cancel ? advisory.cancelReason : undefined),
      references.length > 0 && el('references', references.join(' ')),
      el('incidents', advisory.id),
      info(advisory, version, scheme, options, cancel),
    ),
    attrs: { xmlns: CAP_NAMESPACE },
  };
  return renderXml(alert);
}
