import { describe, expect, it } from 'vitest';
import { analyseName, analyseSubjectName, describeVariantClass, skeletonOf, vowelKey, vowelPatternOf, type NameForm, type TokenRole } from './index.js';

const texts = (form: NameForm): string[] => form.tokens.map((t) => t.text);
const roles = (form: NameForm): Record<string, TokenRole> =>
  Object.fromEntries(form.tokens.map((t) => [t.text, t.role]));
const alternatives = (form: NameForm): string[] => form.alternatives.map((a) => a.text);
/** Every term the candidate index holds for a form: identifying tokens and alternatives. */
const terms = (form: NameForm) => [
  ...form.tokens.filter((t) => t.role !== 'particle' && t.role !== 'title' && t.role !== 'legal_form'),
  ...form.alternatives,
];
const shareVariant = (a: { variantIds: readonly number[] }, b: { variantIds: readonly number[] }): boolean =>
  a.variantIds.some((id) => b.variantIds.includes(id));

describe('normalisation', () => {
  it('folds case, diacritics and letters NFKD does not decompose', () => {
    expect(analyseName('Ṣāliḥ Ḥasan').latin).toBe('salih hasan');
    expect(analyseName('Øystein Ærø Œuvre Straße').latin).toBe('oystein aero oeuvre strasse');
    expect(analyseName('Łukasz Đorđević Þór Ðóra Ħamrun').latin).toBe('lukasz djordjevic thor dora hamrun');
    expect(analyseName('Əliyev İlham Iğdır').latin).toBe('aliyev ilham igdir');
    expect(analyseName('Col·legi').latin).toBe('collegi');
  });

  it('applies NFKC: full-width letters and ligatures are plain letters', () => {
    expect(analyseName('ＭＯＨＡＭＭＥＤ ﬁrdaus').latin).toBe('mohammed firdaus');
  });

  it('joins over apostrophes, ayn and hamza signs inside a word', () => {
    for (const written of ["Ma'ruf", 'Ma’ruf', 'Maʿruf', 'Maʾruf', 'Ma‘ruf', 'Ma`ruf']) {
      expect(analyseName(written).latin).toBe('maruf');
    }
    expect(analyseName("'Awwad").latin).toBe('awwad');
    expect(analyseName("Du'a").latin).toBe('dua');
  });

  it('strips quotes of every kind around names', () => {
    for (const written of ['ООО «Ромашка»', 'ООО „Ромашка“', 'ООО "Ромашка"', "ООО 'Ромашка'", 'ООО “Ромашка”']) {
      expect(analyseName(written).latin).toBe('ooo romashka');
    }
  });

  it('splits on hyphens, commas, slashes and brackets but keeps single spaces', () => {
    expect(analyseName('  AL-QAIDA   IN IRAQ (AQI) / Tanzim ').latin).toBe('al qaida in iraq aqi tanzim');
  });

  it('keeps digits, which name vessels and aircraft', () => {
    expect(texts(analyseName('EP-MHL', { schema: 'Aircraft' }))).toEqual(['ep', 'mhl']);
    expect(texts(analyseName('SEA STAR 7', { schema: 'Vessel' }))).toEqual(['sea', 'star', '7']);
  });
});

describe('joined and split spellings', () => {
  it('gives al-Baghdadi, Al Baghdadi and Albaghdadi a common term', () => {
    const hyphen = analyseName('al-Baghdadi');
    const spaced = analyseName('Al Bagdadi');
    const joined = analyseName('Albaghdadi');
    expect(alternatives(hyphen)).toContain('albaghdadi');
    expect(texts(joined)).toEqual(['albaghdadi']);
    // A query written joined meets an index entry written apart, and the other way round.
    const skeletons = (f: NameForm) => terms(f).map((t) => t.skeleton);
    expect(skeletons(hyphen)).toContain(joined.tokens[0]!.skeleton);
    expect(skeletons(spaced)).toContain(joined.tokens[0]!.skeleton);
    expect(alternatives(joined)).toContain('baghdadi');
  });

  it('brings the Abd al-Rahman family together on one skeleton', () => {
    const spellings = ['Abd al-Rahman', 'Abdulrahman', 'Abdurrahman', 'Abdel Rahman', 'Abd ar-Rahman', 'Abdelrahman', 'Abdul Rahman'];
    const skeletonSets = spellings.map((s) => new Set(terms(analyseName(s)).map((t) => t.skeleton)));
    for (const set of skeletonSets) expect(set.has('bdrhmn')).toBe(true);
  });

  it('handles sun-letter assimilation: ash-Shami, ad-Din, an-Nasir', () => {
    const form = analyseName('Saif ad-Din ash-Shami');
    expect(roles(form)).toMatchObject({ ad: 'particle', ash: 'particle', din: 'unknown', shami: 'unknown' });
    expect(alternatives(form)).toContain('saifaldin');
    expect(terms(form).map((t) => t.skeleton)).toContain(analyseName('Saifuddin').tokens[0]!.skeleton);
  });

  it('does not take a Korean An or a Balkan company form for an Arabic article', () => {
    expect(roles(analyseName('An Jung-geun'))['an']).not.toBe('particle');
  });

  it('joins hyphenated and syllable-split given names', () => {
    expect(alternatives(analyseName('Kim Jong-un'))).toContain('jongun');
    expect(alternatives(analyseName('Kim Jong Un'))).toContain('jongun');
    expect(alternatives(analyseName('Jean-Pierre Bemba'))).toContain('jeanpierre');
  });

  it('joins Turkic and Persian suffix particles to the word before', () => {
    const form = analyseName('Hassan Zadeh');
    expect(roles(form)['zadeh']).toBe('particle');
    expect(alternatives(form)).toContain('hassanzadeh');
  });
});

describe('roles', () => {
  it('reads SURNAME, Given order from the comma', () => {
    const form = analyseName('AL-BAGHDADI, Abu Bakr', { schema: 'Person' });
    expect(roles(form)).toEqual({ al: 'particle', baghdadi: 'family', abu: 'particle', bakr: 'given' });
    expect(form.key).toBe('baghdadi bakr');
  });

  it('marks titles and honorifics, in any script', () => {
    expect(roles(analyseName('Sheikh Ahmed Yassin'))['sheikh']).toBe('title');
    expect(roles(analyseName('Shaykh Ahmad'))['shaykh']).toBe('title');
    expect(roles(analyseName('Haji Mohammad Ibrahim'))['haji']).toBe('title');
    expect(roles(analyseName('ABD-AL-TAWWAB MULLAH HUWAYSH'))['mullah']).toBe('title');
    expect(roles(analyseName('Mawlawi Abdul Kabir'))['mawlawi']).toBe('title');
    expect(roles(analyseName('Dr. Ayman al-Zawahiri'))['dr']).toBe('title');
    expect(roles(analyseName('Mrs Jane Doe'))['mrs']).toBe('title');
    const sheikh = analyseName('Sheikh Ali').tokens[0]!;
    const shaykh = analyseName('شيخ علي').tokens[0]!;
    const cyrillic = analyseName('Шейх Али').tokens[0]!;
    expect(shareVariant(sheikh, shaykh) && shareVariant(sheikh, cyrillic)).toBe(true);
  });

  it('marks particles, which weigh little', () => {
    const form = analyseName('Osama bin Muhammad bin Awad bin Laden');
    expect(form.tokens.filter((t) => t.role === 'particle').map((t) => t.text)).toEqual(['bin', 'bin', 'bin']);
    expect(form.tokens.find((t) => t.text === 'bin')!.weight).toBeLessThan(0.2);
    expect(alternatives(form)).toContain('binladen');
    expect(roles(analyseName('Ludwig van Beethoven'))['van']).toBe('particle');
    expect(roles(analyseName('Umm Kulthum'))['umm']).toBe('particle');
  });

  it('keeps a particle that is the whole name, or the last word, as a name', () => {
    expect(analyseName('Al').tokens[0]!.role).toBe('unknown');
    expect(roles(analyseName('Nguyen Van Le'))['le']).toBe('unknown');
    expect(roles(analyseName('Le Van Thanh'))['le']).toBe('unknown');
  });

  it('marks initials', () => {
    const form = analyseName('J. R. Smith');
    expect(roles(form)).toMatchObject({ j: 'initial', r: 'initial', smith: 'unknown' });
  });

  it('marks patronymics and reads Russian name order from them', () => {
    expect(roles(analyseName('Умаров Доку Хаматович'))).toEqual({ umarov: 'family', doku: 'given', khamatovich: 'patronymic' });
    expect(roles(analyseName('Ислам Сеит-Умарович Атабиев'))).toMatchObject({ islam: 'given', atabiev: 'family' });
    expect(roles(analyseName('Anna Petrovna Ivanova'))['petrovna']).toBe('patronymic');
    expect(roles(analyseName('Vladimir Ilyich Ulyanov'))['ilyich']).toBe('patronymic');
    expect(roles(analyseName('Nursultan Abishuly Nazarbayev'))['abishuly']).toBe('patronymic');
    expect(roles(analyseName('Mirziyoyev Shavkat Miromonovich'))).toMatchObject({ mirziyoyev: 'family', shavkat: 'given' });
    expect(roles(analyseName('Ilham Heydar oglu Aliyev'))['oglu']).toBe('particle');
    expect(roles(analyseName('Emomali Rahmonzoda'))['rahmonzoda']).toBe('patronymic');
  });

  it('takes roles from name parts when the source gives them', () => {
    const form = analyseName('Saddam Hussein al-Tikriti', {
      schema: 'Person',
      parts: [
        { role: 'given', value: 'SADDAM' },
        { role: 'part', value: 'HUSSEIN' },
        { role: 'family', value: 'AL-TIKRITI' },
      ],
    });
    expect(roles(form)).toEqual({ saddam: 'given', hussein: 'unknown', al: 'particle', tikriti: 'family' });
    expect(form.raw).toBe('Saddam Hussein al-Tikriti');
  });
});

describe('organisations and legal forms', () => {
  it('ООО "Ромашка" meets ROMASHKA LLC and Limited Liability Company Romashka', () => {
    const forms = ['ООО "Ромашка"', 'ROMASHKA LLC', 'Limited Liability Company Romashka', 'TOV Romashka', 'Общество с ограниченной ответственностью «Ромашка»'].map(
      (n) => analyseName(n, { schema: 'Organization' }),
    );
    for (const f of forms) {
      expect(f.key).toBe('romashka');
      const legal = f.tokens.find((t) => t.role === 'legal_form')!;
      expect(legal.text).toBe('llc');
      expect(shareVariant(legal, forms[0]!.tokens[0]!)).toBe(true);
    }
  });

  it('puts the joint-stock forms of all the post-Soviet states in one class', () => {
    const ids = ['JSC', 'AO', 'ZAO', 'OAO', 'PAO', 'PJSC', 'ПАО', 'ОАО', 'ЗАО', 'Joint Stock Company'].map(
      (form) => analyseName(`${form} Gazprom`, { schema: 'Organization' }).tokens[0]!.variantIds,
    );
    for (const id of ids) expect(id).toEqual(ids[0]);
  });

  it('recognises legal forms across languages, dotted or not, and weighs them little', () => {
    for (const [name, canon] of [
      ['Siemens AG', 'jsc'],
      ['Siemens Aktiengesellschaft', 'jsc'],
      ['Volkswagen GmbH', 'llc'],
      ['BANCO NACIONAL DE CUBA S.A.', 'jsc'],
      ['ANGLO-CARIBBEAN CO., LTD.', 'ltd'],
      ['Acme Inc.', 'inc'],
      ['Gulf Trading FZE', 'fze'],
      ['EXAMPLE L.L.C.', 'llc'],
      ['شركة الأمل', 'co'],
    ] as const) {
      const legal = analyseName(name, { schema: 'Organization' }).tokens.find((t) => t.role === 'legal_form');
      expect(legal?.text, name).toBe(canon);
      expect(legal!.weight).toBeLessThan(0.2);
    }
    // Without a schema, a legal form tells the kind; a two-letter one alone does not (Maria Sa).
    expect(analyseName('Siemens Aktiengesellschaft').kind).toBe('organization');
    expect(analyseName('ROMASHKA LLC').kind).toBe('organization');
    expect(analyseName('Maria Sa').kind).toBe('unknown');
  });

  it('does not read legal forms into personal names, nor an article inside a name for one', () => {
    expect(analyseName('Sa Ao', { schema: 'Person' }).tokens.every((t) => t.role !== 'legal_form')).toBe(true);
    const katiba = analyseName('Катиба ат-Таухид валь-Джихад', { schema: 'Organization' });
    expect(katiba.tokens.find((t) => t.text === 'at')!.role).toBe('particle');
  });
});

describe('scripts', () => {
  it('detects the script of a name', () => {
    expect(analyseName('Osama').script).toBe('Latn');
    expect(analyseName('أسامة').script).toBe('Arab');
    expect(analyseName('Усама').script).toBe('Cyrl');
    expect(analyseName('Ζαχαρίας').script).toBe('Grek');
    expect(analyseName('יוסף').script).toBe('Hebr');
    expect(analyseName('习近平').script).toBe('Hani');
    expect(analyseName('김정은').script).toBe('Hang');
    expect(analyseName('サトウ').script).toBe('Kana');
    expect(analyseName('Osama Усама').script).toBe('Mixed');
    expect(analyseName('12345').script).toBe('Zyyy');
  });

  it('folds Latin look-alike letters typed into a Cyrillic word before transliterating', () => {
    const clean = analyseName('Мухаммад Ибрагимов');
    // Latin y, a, o, c, p, x, e, i typed among Cyrillic letters
    const spoofed = analyseName('Мyхаммaд Ибрагимоv'.replace('v', 'в'));
    expect(spoofed.latin).toBe(clean.latin);
    expect(analyseName('Сергей Петрoв').latin).toBe('sergey petrov');
    expect(analyseName('Иван Cидоpов').latin).toBe('ivan sidorov');
    // and Cyrillic letters typed into a Latin word
    expect(analyseName('Ivаnov').latin).toBe('ivanov');
  });

  it('transliterates Russian, Ukrainian, Belarusian, Kazakh, Tajik and Uzbek letters', () => {
    expect(analyseName('Щукин Жанна Юрьевна').latin).toBe('shchukin zhanna yurevna');
    expect(analyseName('Григорій Їжак').latin).toBe('hryhoriy yizhak');
    expect(analyseName('Аляксандр Лукашэнка').latin).toBe('alyaksandr lukashenka');
    expect(analyseName('Нұрсұлтан Әбішұлы Назарбаев').latin).toBe('nursultan abishuly nazarbaev');
    expect(analyseName('Ҷамшед Қодирзода').latin).toBe('jamshed qodirzoda');
    expect(analyseName('Ғайратҷон Ҳамидов').latin).toBe('ghayratjon hamidov');
    expect(analyseName('Ўткир Ҳошимов').latin).toBe('otkir hoshimov');
  });

  it('uses a language hint for Ukrainian г', () => {
    expect(analyseName('Гнатюк', { lang: 'uk' }).latin).toBe('hnatyuk');
    expect(analyseName('Гнатюк').latin).toBe('gnatyuk');
  });

  it('romanises Arabic, Persian and Pashto letters and drops tashkeel', () => {
    expect(analyseName('مُحَمَّد').latin).toBe(analyseName('محمد').latin);
    expect(analyseName('أسامة').tokens[0]!.skeleton).toBe(analyseName('Osama').tokens[0]!.skeleton);
    expect(analyseName('پرویز').tokens[0]!.skeleton).toBe(analyseName('Parviz').tokens[0]!.skeleton);
    expect(analyseName('چنگیز ژاله').latin).toBe('chngiz zhala'); // short vowels are not written
    expect(analyseName('ځدران').tokens[0]!.skeleton).toBe(analyseName('Zadran').tokens[0]!.skeleton);
    // Persianate names read ض as z: Fazl, not Fadl
    expect(analyseName('فضل ربی').tokens[0]!.skeleton).toBe(analyseName('Fazl').tokens[0]!.skeleton);
  });

  it('splits the Arabic article and keeps Allah whole', () => {
    expect(texts(analyseName('البغدادي'))).toEqual(['al', 'bghdadi']);
    expect(texts(analyseName('عبد الله'))).toEqual(['abd', 'allah']);
    expect(texts(analyseName('عبدالله'))).toEqual(['abdallah']);
  });

  it('romanises Greek, Hebrew and kana', () => {
    expect(analyseName('Παπαδόπουλος').latin).toBe('papadopoulos');
    expect(analyseName('Μπακογιάννης').latin).toBe('bakogiannis');
    expect(analyseName('יוסף').tokens[0]!.skeleton).toBe(analyseName('Yosef').tokens[0]!.skeleton);
    expect(analyseName('やまだ たろう').latin).toBe('yamada tarou');
    expect(analyseName('キッチン').latin).toBe('kitchin');
    expect(analyseName('ジョシュア').latin).toBe('joshua');
  });

  it('falls back to any-ascii for other scripts', () => {
    expect(analyseName('ნინო ბურჯანაძე').latin).toBe('nino burjanadze');
    expect(analyseName('Արմեն').latin).toBe('armen');
  });
});

describe('Chinese and Korean names', () => {
  it('reads a Han name as surname and given name in pinyin', () => {
    const form = analyseName('习近平');
    expect(texts(form)).toEqual(['xi', 'jinping']);
    expect(roles(form)).toEqual({ xi: 'family', jinping: 'given' });
  });

  it('uses the surname reading of characters that read otherwise as words', () => {
    expect(analyseName('曾国藩').tokens[0]!.text).toBe('zeng');
    expect(analyseName('单田芳').tokens[0]!.text).toBe('shan');
  });

  it('gives Wade-Giles and Cantonese surname spellings the variant class of the pinyin one', () => {
    const pairs: [string, string[]][] = [
      ['张伟', ['Zhang', 'Chang', 'Cheung']],
      ['王伟', ['Wang', 'Wong']],
      ['陈伟', ['Chen', 'Chan', 'Chin']],
      ['李伟', ['Li', 'Lee']],
      ['周伟', ['Zhou', 'Chou', 'Chow']],
    ];
    for (const [han, latins] of pairs) {
      const surname = analyseName(han).tokens[0]!;
      for (const latin of latins) expect(shareVariant(surname, analyseName(latin).tokens[0]!), `${han} ${latin}`).toBe(true);
    }
  });

  it('meets Latin given names written joined or split', () => {
    const han = analyseName('习近平');
    expect(terms(han).map((t) => t.text)).toContain('jinping');
    expect(alternatives(analyseName('Xi Jin Ping'))).toContain('jinping');
  });

  it('reads a Hangul name as surname and syllables, with Korean surname variants', () => {
    const form = analyseName('김정은');
    expect(texts(form)).toEqual(['kim', 'jong', 'un']);
    expect(alternatives(form)).toContain('jongun');
    for (const [hangul, latins] of [
      ['이순신', ['Lee', 'Yi', 'Rhee', 'Ri']],
      ['박정희', ['Park', 'Pak', 'Bak']],
      ['김대중', ['Kim', 'Gim']],
      ['최룡해', ['Choi', 'Choe']],
    ] as const) {
      const surname = analyseName(hangul).tokens[0]!;
      for (const latin of latins) expect(shareVariant(surname, analyseName(latin).tokens[0]!), `${hangul} ${latin}`).toBe(true);
    }
  });
});

describe('variant classes', () => {
  const ids = (name: string) => analyseName(name).tokens[0]!.variantIds;
  const same = (a: string, b: string) => ids(a).some((id) => ids(b).includes(id));

  it('joins spellings of Muhammad across romanisations and scripts', () => {
    for (const spelling of ['Mohammed', 'Muhammad', 'Mohamad', 'Mohamed', 'Muhammed', 'Mukhammad', 'Magomed', 'محمد', 'Мухаммад', 'Мухаммед']) {
      expect(same('Muhammad', spelling), spelling).toBe(true);
    }
  });

  it('joins Hussein with Husayn, Hossein and Russian Гусейн, and Hassan with Гасан', () => {
    for (const spelling of ['Husayn', 'Hussain', 'Hossein', 'Husein', 'Гусейн']) expect(same('Hussein', spelling), spelling).toBe(true);
    expect(same('Hassan', 'Гасан')).toBe(true);
  });

  it('keeps different names apart', () => {
    expect(same('Ali', 'Ahmed')).toBe(false);
    expect(same('Hassan', 'Hussein')).toBe(false);
    expect(same('George', 'Habash')).toBe(false);
    expect(same('Yusuf', 'Joseph')).toBe(false);
    expect(same('Said', 'Sayyid')).toBe(false);
  });

  it('names the spellings of a class for explanations', () => {
    const id = ids('Mukhammad').find((i) => ids('Muhammad').includes(i))!;
    const members = describeVariantClass(id);
    expect(members).toContain('muhammad');
    expect(members).toContain('мухаммад');
    expect(describeVariantClass(analyseName('LLC Romashka', { schema: 'Organization' }).tokens[0]!.variantIds[0]!)).toContain('ооо');
  });
});

describe('forms', () => {
  it('builds order-free keys from the identifying tokens only', () => {
    const a = analyseName('Sheikh Osama bin Laden');
    const b = analyseName('LADEN, Osama bin');
    expect(a.key).toBe('laden osama');
    expect(b.key).toBe(a.key);
    expect(b.skeletonKey).toBe(a.skeletonKey);
  });

  it('returns an empty form for input without letters or digits', () => {
    const form = analyseName(' -- ,. ');
    expect(form.tokens).toEqual([]);
    expect(form.latin).toBe('');
    expect(form.key).toBe('');
  });
});

describe('Russian names written in German, French, scholarly or passport spelling', () => {
  it('reads each convention in the English one lists use, and keeps the text as written in `latin`', () => {
    for (const [written, read] of [
      ['Aleksandr Michailowitsch Ossipow', 'aleksandr mikhailovich osipov'],
      ['Wjatscheslaw Jewgenewitsch Koschewnikow', 'vyacheslav yevgenevich koshevnikov'],
      ['Ûrij Âkovlevič Čajka', 'yuriy yakovlevich chayka'],
      ['Mixail Vadimovič Černov', 'mikhail vadimovich chernov'],
      ['IRINA VIKTOROVNA BELYX', 'irina viktorovna belykh'],
      ['IOULIA ALEKSANDROVNA SERGUEEVA', 'yulia aleksandrovna sergeeva'],
      ['Valentine Olegovitch Kariaguine', 'valentin olegovich kariagin'],
      ['Iurii Viacheslavovich Afonin', 'yuriy viacheslavovich afonin'],
    ] as const) {
      const form = analyseName(written);
      expect(texts(form).join(' '), written).toBe(read);
      expect(analyseName(form.latin).latin).toBe(form.latin);
    }
    expect(analyseName('Aleksandr Michailowitsch Ossipow').latin).toBe('aleksandr michailowitsch ossipow');
    expect(roles(analyseName('Aleksandr Michailowitsch Ossipow'))['mikhailovich']).toBe('patronymic');
  });

  it('leaves names alone that show one habit only, or none, or a South Slavic alphabet', () => {
    for (const written of ['Andrew Barlow', 'Richard Mitchell', 'Slobodan Milošević', 'Łukasz Đorđević', 'Iwan Koslow', 'Felix Mendelssohn']) {
      expect(texts(analyseName(written)).join(' '), written).toBe(analyseName(written).latin);
    }
  });

  it('gives German and Polish -ow the skeleton of -ov', () => {
    expect(skeletonOf('koslow')).toBe(skeletonOf('kozlov'));
    expect(skeletonOf('iwanowa')).toBe(skeletonOf('ivanova'));
  });
});

describe('legal forms written out, transliterated or mistyped', () => {
  it('reads a spelled-out form in any romanisation, or with a slip, as its class', () => {
    for (const [name, canon] of [
      ['OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU LAGGAR PRO', 'llc'],
      ['OBSHCHESTVO S OGRANICHENNOY OTVETSTVENNOSTYU ASPECT', 'llc'],
      ['AKTSIONERNOE OBSHCHESTVO TESTPRIBOR', 'jsc'],
      ['AKTSIONERNOE OBSUCHESTVO TESTPIRBOR', 'jsc'],
      ['MOREXPRESS SOCIEDAD ANONIMA DE CAPITAL VARIABLE', 'jsc'],
      ['GLOBAL DE TEXTILES ANDINO, SOCIEDAD POR ACCIONES SIMPLIFICADA', 'jsc'],
      ['LIMITED LIABILIT COMPANY KOSMOSAVIA', 'llc'],
      ['JONIT STOCK COMPANY STAR', 'jsc'],
      ['OPEN JOINT STOCK COMPZNY ALEVKURP', 'jsc'],
    ] as const) {
      const form = analyseName(name);
      expect(form.kind, name).toBe('organization');
      expect(form.tokens.filter((t) => t.role === 'legal_form').map((t) => t.text), name).toEqual([canon]);
    }
  });

  it('offers a company reading of a name with only a two-letter form, and only then', () => {
    expect(analyseName('UZGA AO').organizationReading).toBe(true);
    expect(analyseName('AO FZMT').organizationReading).toBe(true);
    expect(analyseName('Maria Sa').organizationReading).toBe(true);
    expect(analyseName('ROMASHKA LLC').organizationReading).toBe(false);
    expect(analyseName('UZGA AO', { schema: 'Organization' }).tokens.map((t) => t.role)).toEqual(['unknown', 'legal_form']);
  });
});

describe('short and East Asian names', () => {
  it('gives spellings of one short name one vowel key, and different names different keys', () => {
    for (const [a, b] of [['zayn', 'zein'], ['noor', 'nur'], ['ameen', 'amin'], ['khak', 'haq'], ['novyy', 'novyi'], ['aydi', 'eidi']] as const) {
      expect(vowelKey(a), `${a} ${b}`).toBe(vowelKey(b));
    }
    for (const [a, b] of [['chen', 'shen'], ['shan', 'sun'], ['ali', 'eli']] as const) expect(vowelKey(a)).not.toBe(vowelKey(b));
  });

  it('tells vowels moved around one skeleton from one vowel more', () => {
    expect(vowelPatternOf('silva')).not.toBe(vowelPatternOf('slava'));
    expect(vowelPatternOf('bakr').length).toBe(vowelPatternOf('bakar').length);
    expect(vowelPatternOf('yusuf')).toBe(vowelPatternOf('yousef'));
  });

  it('does not write a Han or Hangul surname joined to the given name', () => {
    for (const name of ['赫梓妍', '习近平', '김정은']) {
      const form = analyseName(name);
      expect(form.alternatives.filter((a) => a.start === 0 && a.reason !== 'adjacent'), name).toEqual([]);
    }
    expect(alternatives(analyseName('김정은'))).toContain('jongun');
  });

  it('keeps assimilated articles (ad-, ash-) in a class of their own, apart from al', () => {
    const al = analyseName('Nur al-Din').tokens[1]!;
    const ad = analyseName('Nur ad-Din').tokens[1]!;
    const el = analyseName('Omar el-Masri').tokens[1]!;
    expect(shareVariant(al, el)).toBe(true);
    expect(shareVariant(al, ad)).toBe(false);
  });
});

describe('a subject name analysed for screening and again for enrolment', () => {
  it('is the same analysis as analyseName, shared once remembered and made afresh otherwise', () => {
    const raw = 'Мухаммад Юсупов (remembered test)';
    const fresh = analyseSubjectName(raw, 'Person');
    expect(fresh).toEqual(analyseName(raw, { schema: 'Person' }));
    // Not remembered: the next caller analyses it again.
    expect(analyseSubjectName(raw, 'Person')).not.toBe(fresh);
    const screened = analyseSubjectName(raw, 'Person', { remember: true });
    // The enrolment that follows the screening reads the same form, not a new analysis.
    expect(analyseSubjectName(raw, 'Person')).toBe(screened);
    // Another schema is another reading.
    expect(analyseSubjectName(raw, 'Organization')).not.toBe(screened);
    expect(analyseSubjectName(raw)).toEqual(analyseName(raw));
  });
});
