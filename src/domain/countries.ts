import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

/**
 * Spellings that official lists use and the ISO English names do not cover. Keys are folded
 * with `foldCountryName`.
 */
const LIST_SPELLINGS: Record<string, string> = {
  'democratic republic of the congo': 'CD',
  'congo democratic republic of the': 'CD',
  'republic of the congo': 'CG',
  'iran islamic republic of': 'IR',
  'iran': 'IR',
  'syrian arab republic': 'SY',
  'syria': 'SY',
  'korea north': 'KP',
  'north korea': 'KP',
  "democratic people's republic of korea": 'KP',
  'democratic peoples republic of korea': 'KP',
  'korea south': 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  'russia': 'RU',
  'russian federation': 'RU',
  'united kingdom': 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  'great britain': 'GB',
  'uk': 'GB',
  'united states': 'US',
  'united states of america': 'US',
  'usa': 'US',
  'venezuela bolivarian republic of': 'VE',
  'bolivia plurinational state of': 'BO',
  'tanzania united republic of': 'TZ',
  'united republic of tanzania': 'TZ',
  'lao peoples democratic republic': 'LA',
  'laos': 'LA',
  'viet nam': 'VN',
  'vietnam': 'VN',
  'burma': 'MM',
  'myanmar': 'MM',
  'turkey': 'TR',
  'turkiye': 'TR',
  'ivory coast': 'CI',
  "cote d'ivoire": 'CI',
  'cote divoire': 'CI',
  'palestinian': 'PS',
  'palestine': 'PS',
  'state of palestine': 'PS',
  'west bank': 'PS',
  'gaza': 'PS',
  'gaza strip': 'PS',
  'kosovo': 'XK',
  'macedonia': 'MK',
  'the former yugoslav republic of macedonia': 'MK',
  'north macedonia': 'MK',
  'moldova republic of': 'MD',
  'republic of moldova': 'MD',
  'czech republic': 'CZ',
  'czechia': 'CZ',
  'the bahamas': 'BS',
  'bahamas': 'BS',
  'the gambia': 'GM',
  'gambia': 'GM',
  'brunei': 'BN',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  'swaziland': 'SZ',
  'eswatini': 'SZ',
  'taiwan': 'TW',
  'hong kong': 'HK',
  'macau': 'MO',
  'macao': 'MO',
  'micronesia federated states of': 'FM',
  'st kitts and nevis': 'KN',
  'saint kitts and nevis': 'KN',
  'st lucia': 'LC',
  'st vincent and the grenadines': 'VC',
  'holy see': 'VA',
  'vatican city': 'VA',
  'soviet union': 'SU',
  'ussr': 'SU',
  'yugoslavia': 'YU',
  'serbia and montenegro': 'CS',
  'netherlands antilles': 'AN',
  'east timor': 'TL',
  'timor-leste': 'TL',
  'timor leste': 'TL',
  'sudan south': 'SS',
  'south sudan': 'SS',
  'region: gaza': 'PS',
  'china hong kong special administrative region': 'HK',
  'china macao special administrative region': 'MO',
  'british virgin islands': 'VG',
  'former soviet union': 'SU',
  'moldova': 'MD',
  'north macedonia the republic of': 'MK',
  'macedonia the former yugoslav republic of': 'MK',
  'cote d ivoire': 'CI',
  'congo republic of the': 'CG',
  'bahamas the': 'BS',
  'gambia the': 'GM',
  'bosnia-herzegovina': 'BA',
  'bosnia herzegovina': 'BA',
  'curacao': 'CW',
  'sint maarten': 'SX',
  'palestinian territories': 'PS',
  'occupied palestinian territory': 'PS',
};

export function foldCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[()[\].,]/g, ' ')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Resolves a country as lists and travellers write it (alpha-2, alpha-3, an English name or a
 * list's own spelling) to ISO 3166-1 alpha-2. Returns undefined when it cannot say.
 */
export function toCountryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    if (countries.isValid(upper) || ['XK', 'SU', 'YU', 'CS', 'AN'].includes(upper)) return upper;
    return undefined;
  }
  if (/^[A-Za-z]{3}$/.test(trimmed)) {
    const alpha2 = countries.alpha3ToAlpha2(trimmed.toUpperCase());
    if (alpha2 !== undefined) return alpha2;
  }
  const folded = foldCountryName(trimmed);
  const known = LIST_SPELLINGS[folded] ?? LIST_SPELLINGS[folded.replace(/'/g, '')];
  if (known !== undefined) return known;
  const code = countries.getAlpha2Code(trimmed, 'en') ?? countries.getAlpha2Code(folded, 'en');
  if (code !== undefined) return code;
  const withoutThe = folded.replace(/^the /, '');
  return LIST_SPELLINGS[withoutThe] ?? countries.getAlpha2Code(withoutThe, 'en');
}

/** The English name of an alpha-2 code, for captions and explanations. */
export function countryName(code: string): string {
  return countries.getName(code, 'en') ?? code;
}
