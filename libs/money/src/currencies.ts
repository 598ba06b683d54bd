/**
 * Active ISO 4217 currencies and their minor-unit digits. Amounts are stored as
 * integer minor units, so the digits decide both validation and storage scale.
 */
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DIGITS = 'CLF UYW';
const TWO_DIGITS = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD
  BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR
  FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT
  LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK
  NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP
  STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG ZAR ZMW
  ZWG ZWL`;

const MINOR_DIGITS: ReadonlyMap<string, number> = new Map(
  [
    [ZERO_DIGITS, 0],
    [TWO_DIGITS, 2],
    [THREE_DIGITS, 3],
    [FOUR_DIGITS, 4],
  ].flatMap(([codes, digits]) =>
    (codes as string).split(/\s+/).filter(Boolean).map((code) => [code, digits as number] as const),
  ),
);

export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && MINOR_DIGITS.has(code);
}

/** Minor-unit digits of an ISO 4217 code; throws for an unknown code. */
export function minorDigits(currency: string): number {
  const digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) throw new RangeError(`unknown currency ${currency}`);
  return digits;
}

/** Currencies grouped by their minor-unit digits, for SQL that must scale per currency. */
export function currenciesByDigits(): ReadonlyMap<number, readonly string[]> {
  const groups = new Map<number, string[]>();
  for (const [code, digits] of MINOR_DIGITS) groups.set(digits, [...(groups.get(digits) ?? []), code]);
  return groups;
}
