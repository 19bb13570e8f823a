const OFAC_EXPORTS = 'https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports';

/**
 * Where each list is officially published, by source id and then by file role. `vigil lists
 * update` downloads these unless the configuration names other URLs.
 */
export const DEFAULT_SOURCE_URLS = {
  'ofac-sdn': {
    primary: `${OFAC_EXPORTS}/SDN.CSV`,
    addresses: `${OFAC_EXPORTS}/ADD.CSV`,
    aliases: `${OFAC_EXPORTS}/ALT.CSV`,
  },
  'ofac-cons': {
    primary: `${OFAC_EXPORTS}/CONS_PRIM.CSV`,
    addresses: `${OFAC_EXPORTS}/CONS_ADD.CSV`,
    aliases: `${OFAC_EXPORTS}/CONS_ALT.CSV`,
  },
  'un-sc': {
    consolidated: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
  },
  ftm: {
    entities: 'https://data.opensanctions.org/datasets/latest/default/entities.ftm.json',
  },
} as const satisfies Record<string, Record<string, string>>;

export type DefaultSource = keyof typeof DEFAULT_SOURCE_URLS;
