/**
 * Public merchant and payer names by category, written the ways banks print
 * them on statements. Each merchant lists the spellings one finds for it
 * (a chain prints different names for its formats, its web shop and its
 * payment processor).
 */
type StatementStyle = 'card' | 'bank';

export interface MerchantSpec {
  names: readonly string[];
  /** card: point-of-sale lines with store numbers, towns and dates; bank: transfers, debits, credits. */
  style: StatementStyle;
}

interface CategorySpec {
  name: string;
  /** Typical amount range in major units; negative for money spent. */
  amount: readonly [number, number];
  merchants: readonly MerchantSpec[];
}

const card = (...names: string[]): MerchantSpec => ({ names, style: 'card' });
const bank = (...names: string[]): MerchantSpec => ({ names, style: 'bank' });

export const CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'Groceries',
    amount: [-180, -3],
    merchants: [
      card('TESCO STORES', 'TESCO EXPRESS', 'TESCO METRO', 'TESCO.COM'),
      card("SAINSBURY'S S/MKTS", 'SAINSBURYS LOCAL', "J SAINSBURY"),
      card('LIDL GB', 'LIDL', 'LIDL DIENSTLEISTUNG'),
      card('ALDI STORES', 'ALDI SUED', 'ALDI'),
      card('REWE MARKT', 'REWE SAGT DANKE', 'REWE'),
      card('WALMART SUPERCENTER', 'WAL-MART', 'WM SUPERCENTER'),
      card('KROGER', 'KROGER FUEL CTR'),
      card('WHOLEFDS MKT', 'WHOLE FOODS MARKET'),
      card('CARREFOUR MARKET', 'CARREFOUR CITY'),
      card('ALBERT HEIJN', 'AH TO GO'),
      card("TRADER JOE'S", 'TRADER JOES'),
    ],
  },
  {
    name: 'Dining',
    amount: [-90, -2],
    merchants: [
      card("MCDONALD'S", 'MCDONALDS'),
      card('STARBUCKS', 'STARBUCKS STORE'),
      card('PRET A MANGER', 'PRET'),
      card('UBER EATS', 'UBER *EATS', 'UBER EATS PENDING'),
      card('DELIVEROO', 'DELIVEROO.CO.UK'),
      card("DOMINO'S PIZZA", 'DOMINOS'),
      card("NANDO'S", 'NANDOS'),
      card('CHIPOTLE', 'CHIPOTLE ONLINE'),
      card('COSTA COFFEE', 'COSTA'),
      card('BURGER KING', 'BK'),
    ],
  },
  {
    name: 'Transport',
    amount: [-120, -2],
    merchants: [
      card('UBER *TRIP', 'UBER TRIP', 'UBER BV'),
      card('LYFT *RIDE', 'LYFT RIDE'),
      card('SHELL', 'SHELL OIL', 'SHELL SERVICE STN'),
      card('BP', 'BP OIL', 'BP CONNECT'),
      card('ESSO', 'ESSO SERVICE STATION'),
      card('TFL TRAVEL CH', 'TFL.GOV.UK/CP'),
      card('DB VERTRIEB GMBH', 'DEUTSCHE BAHN'),
      card('TRAINLINE', 'TRAINLINE.COM'),
      card('CHEVRON', 'CHEVRON STATION'),
    ],
  },
  {
    name: 'Housing',
    amount: [-2500, -40],
    merchants: [
      bank('RENT', 'RENT PAYMENT', 'MONTHLY RENT'),
      bank('NATIONWIDE MORTGAGE', 'NATIONWIDE BS MTG'),
      bank('HALIFAX MORTGAGE', 'HALIFAX MTG'),
      bank('COUNCIL TAX', 'LBH COUNCIL TAX'),
      bank('OPENRENT', 'OPENRENT LTD'),
      card('B&Q', 'B AND Q'),
      card('HOME DEPOT', 'THE HOME DEPOT'),
    ],
  },
  {
    name: 'Utilities',
    amount: [-300, -8],
    merchants: [
      bank('BRITISH GAS', 'BRITISH GAS SERVICES'),
      bank('EDF ENERGY', 'EDF ENERGY CUSTOMERS'),
      bank('OCTOPUS ENERGY', 'OCTOPUS ENERGY LTD'),
      bank('THAMES WATER', 'THAMES WATER UTILITIE'),
      bank('VODAFONE', 'VODAFONE LTD'),
      bank('O2', 'TELEFONICA UK O2'),
      bank('VERIZON WIRELESS', 'VZWRLSS'),
      bank('COMCAST', 'XFINITY'),
      bank('E.ON NEXT', 'EON ENERGY'),
    ],
  },
  {
    name: 'Health',
    amount: [-200, -3],
    merchants: [
      card('BOOTS', 'BOOTS THE CHEMIST'),
      card('CVS/PHARMACY', 'CVS PHARMACY'),
      card('WALGREENS', 'WALGREENS STORE'),
      card('LLOYDS PHARMACY', 'LLOYDSPHARMACY'),
      card('SPECSAVERS', 'SPECSAVERS OPTICIANS'),
      bank('BUPA', 'BUPA HEALTH'),
      card('PUREGYM', 'PURE GYM LTD'),
      card('APOTHEKE AM MARKT', 'STADT APOTHEKE'),
    ],
  },
  {
    name: 'Entertainment',
    amount: [-80, -4],
    merchants: [
      card('NETFLIX.COM', 'NETFLIX'),
      card('SPOTIFY', 'SPOTIFY P0', 'SPOTIFY UK'),
      card('DISNEY PLUS', 'DISNEYPLUS'),
      card('CINEWORLD', 'CINEWORLD CINEMAS'),
      card('ODEON CINEMAS', 'ODEON'),
      card('STEAMGAMES.COM', 'STEAM PURCHASE'),
      card('PLAYSTATION NETWORK', 'SONY PLAYSTATION'),
      card('TICKETMASTER', 'TICKETMASTER UK'),
    ],
  },
  {
    name: 'Shopping',
    amount: [-400, -3],
    merchants: [
      card('AMAZON.CO.UK', 'AMZN MKTP UK', 'AMAZON MARKETPLACE', 'AMZNMKTPLACE'),
      card('EBAY', 'EBAY O*'),
      card('ZARA', 'ZARA UK'),
      card('H&M', 'H & M'),
      card('PRIMARK', 'PRIMARK STORES'),
      card('ARGOS', 'ARGOS LTD'),
      card('IKEA', 'IKEA LTD'),
      card('TARGET', 'TARGET T-'),
      card('BEST BUY', 'BESTBUYCOM'),
      card('ZALANDO', 'ZALANDO SE'),
    ],
  },
  {
    name: 'Travel',
    amount: [-1500, -20],
    merchants: [
      card('RYANAIR', 'RYANAIR LTD'),
      card('EASYJET', 'EASYJET AIRLINE'),
      card('BRITISH AIRWAYS', 'BRIT AIR'),
      card('LUFTHANSA', 'DEUTSCHE LUFTHANSA'),
      card('BOOKING.COM', 'BOOKING.COM HOTEL'),
      card('AIRBNB', 'AIRBNB * HM'),
      card('EXPEDIA', 'EXPEDIA.CO.UK'),
      card('HILTON HOTELS', 'HILTON'),
      card('PREMIER INN', 'PREMIER INN HOTEL'),
    ],
  },
  {
    name: 'Income',
    amount: [500, 6000],
    merchants: [
      bank('SALARY ACME LTD', 'ACME LTD SALARY', 'ACME LTD PAYROLL'),
      bank('GLOBEX CORP PAYROLL', 'GLOBEX PAYROLL'),
      bank('ADP PAYROLL', 'ADP TOTALSOURCE'),
      bank('GUSTO PAY', 'GUSTO'),
      bank('HMRC TAX REFUND', 'HMRC REFUND'),
      bank('INTEREST PAID', 'CREDIT INTEREST'),
      bank('DIVIDEND VANGUARD', 'VANGUARD DIVIDEND'),
    ],
  },
  {
    name: 'Transfers',
    amount: [-1000, -10],
    merchants: [
      bank('TRANSFER TO SAVINGS', 'TFR TO SAVINGS ACCOUNT'),
      bank('REVOLUT TOP-UP', 'TOP-UP BY *1234 REVOLUT'),
      bank('MONZO POT TRANSFER', 'MONZO'),
      bank('WISE', 'TRANSFERWISE'),
      bank('VENMO', 'VENMO PAYMENT'),
      bank('ZELLE TO J SMITH', 'ZELLE PAYMENT TO'),
      bank('CREDIT CARD PAYMENT', 'AMEX PAYMENT RECEIVED'),
      bank('PAYPAL TRANSFER', 'PAYPAL INST XFER'),
    ],
  },
  {
    name: 'Fees',
    amount: [-60, -1],
    merchants: [
      bank('MONTHLY ACCOUNT FEE', 'ACCOUNT MAINTENANCE FEE'),
      bank('OVERDRAFT FEE', 'UNARRANGED OVERDRAFT FEE'),
      bank('NON-STERLING TRANSACTION FEE', 'NON-GBP TRANS FEE'),
      bank('ATM FEE', 'CASH WITHDRAWAL FEE'),
      bank('FOREIGN TRANSACTION FEE', 'INTL TRANSACTION FEE'),
      bank('LATE PAYMENT FEE', 'LATE FEE'),
      bank('INTEREST CHARGED', 'OVERDRAFT INTEREST'),
    ],
  },
];
