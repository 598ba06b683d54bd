/**
 * Place names banks append to a card payment ("TESCO STORES 3297 LEEDS GB").
 * Only trailing ones are removed, so that one shop in two towns is one payee.
 */

/** ISO 3166 alpha-2/alpha-3 codes seen on card statements, and US/Canadian state codes. */
export const TRAILING_REGION_CODES: ReadonlySet<string> = new Set(
  (
    'gb gbr uk us usa de deu fr fra nl nld ie irl es esp it ita be bel at aut ch che se swe no nor dk dnk fi fin ' +
    'pl pol pt prt cz cze hu hun gr grc lu lux ca can au aus nz nzl jp jpn sg sgp hk hkg ' +
    'al ak az ar co ct fl ga hi id il ia ks ky la md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa ri sc sd ' +
    'tn tx ut vt va wa wv wi wy dc bc ab sk mb qc'
  ).split(' '),
);

/** Cities common enough on statements to be worth recognising; multi-word names as they are written. */
export const TRAILING_CITIES: readonly string[] = [
  'london', 'manchester', 'birmingham', 'leeds', 'glasgow', 'edinburgh', 'liverpool', 'bristol', 'sheffield',
  'cardiff', 'belfast', 'nottingham', 'leicester', 'newcastle', 'brighton', 'oxford', 'cambridge',
  'dublin', 'cork', 'berlin', 'hamburg', 'munchen', 'muenchen', 'munich', 'koln', 'koeln', 'cologne', 'frankfurt',
  'stuttgart', 'dusseldorf', 'duesseldorf', 'leipzig', 'dresden', 'hannover', 'bremen', 'nurnberg', 'paris', 'lyon',
  'marseille', 'toulouse', 'lille', 'bordeaux', 'amsterdam', 'rotterdam', 'utrecht', 'den haag', 'brussels',
  'bruxelles', 'antwerpen', 'wien', 'vienna', 'zurich', 'geneve', 'madrid', 'barcelona', 'valencia', 'sevilla',
  'lisboa', 'lisbon', 'porto', 'roma', 'rome', 'milano', 'milan', 'stockholm', 'oslo', 'copenhagen', 'kobenhavn',
  'helsinki', 'warszawa', 'krakow', 'praha', 'prague', 'budapest', 'new york', 'brooklyn', 'los angeles',
  'san francisco', 'seattle', 'chicago', 'boston', 'austin', 'houston', 'dallas', 'miami', 'atlanta', 'denver',
  'phoenix', 'portland', 'san diego', 'san jose', 'philadelphia', 'washington', 'toronto', 'vancouver', 'montreal',
  'sydney', 'melbourne', 'auckland', 'singapore', 'tokyo', 'los gatos', 'mountain view',
];
