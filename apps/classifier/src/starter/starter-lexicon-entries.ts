import { Direction } from '../common/direction';

export interface LexiconEntry {
  /** Normalised words, as normaliseStatement writes them. */
  keyword: string;
  /** A starter category name, resolved to the user's own category of that name. */
  category: string;
  /** Only for money moving this way ("interest" received is income, spent it is a fee). */
  direction?: Direction;
}

const entries = (category: string, keywords: string, direction?: Direction): LexiconEntry[] =>
  keywords.split(',').map((keyword) => ({ keyword: keyword.trim(), category, direction }));

/** Common merchants and payment words, by starter category. */
export const STARTER_LEXICON: readonly LexiconEntry[] = [
  ...entries(
    'Groceries',
    'tesco, sainsburys, sainsbury, asda, morrisons, waitrose, ocado, iceland, lidl, aldi, rewe, edeka, netto, ' +
      'kaufland, penny markt, carrefour, auchan, leclerc, intermarche, albert heijn, jumbo supermarkten, mercadona, ' +
      'walmart, wal mart, kroger, safeway, publix, whole foods, wholefds, trader joes, costco, supermarket, grocery, groceries',
  ),
  ...entries(
    'Dining',
    'mcdonalds, starbucks, pret a manger, costa coffee, burger king, kfc, subway, dominos, pizza hut, nandos, ' +
      'chipotle, greggs, deliveroo, uber eats, just eat, doordash, grubhub, lieferando, wolt, restaurant, cafe, bistro',
  ),
  ...entries(
    'Transport',
    'uber, lyft, bolt, shell, bp, esso, texaco, chevron, exxon, exxonmobil, aral, tfl, trainline, deutsche bahn, ' +
      'db vertrieb, sncf, ns groep, amtrak, parking, petrol, fuel, taxi',
  ),
  ...entries('Housing', 'rent, mortgage, landlord, council tax, home depot, lowes, hornbach, bauhaus'),
  ...entries(
    'Utilities',
    'british gas, edf energy, octopus energy, eon, vattenfall, thames water, vodafone, o2, verizon, comcast, xfinity, ' +
      'telekom, virgin media, electricity, broadband',
  ),
  ...entries(
    'Health',
    'boots, cvs, walgreens, rite aid, pharmacy, apotheke, chemist, dentist, doctor, clinic, optician, specsavers, ' +
      'puregym, pure gym, gym, bupa',
  ),
  ...entries(
    'Entertainment',
    'netflix, spotify, disney plus, disneyplus, hbo, hulu, youtube, cinema, cineworld, odeon, steam, steamgames, ' +
      'playstation, xbox, nintendo, ticketmaster, eventbrite',
  ),
  ...entries(
    'Shopping',
    'amazon, amzn, ebay, etsy, zara, hm, primark, uniqlo, argos, ikea, target, best buy, zalando, mediamarkt, ' +
      'john lewis, asos',
  ),
  ...entries(
    'Travel',
    'ryanair, easyjet, british airways, lufthansa, klm, air france, booking com, airbnb, expedia, hotels com, ' +
      'hilton, marriott, premier inn, travelodge, hertz, avis, sixt, eurostar, hotel, airline',
  ),
  ...entries('Income', 'salary, payroll, wages, dividend, interest, tax refund', 'received'),
  ...entries('Transfers', 'transfer, tfr, revolut, monzo, wise, transferwise, venmo, zelle, savings'),
  ...entries('Fees', 'fee, fees, overdraft, interest charged, interest', 'spent'),
];
