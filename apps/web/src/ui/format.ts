/** Money arrives as decimal strings; shown with grouping, never recomputed in floats. */
export function money(amount: string | null | undefined, currency?: string): string {
  if (amount === null || amount === undefined) return '—';
  const [whole = '0', fraction = '00'] = amount.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.startsWith('-') ? '−' : ''}${grouped}.${fraction.padEnd(2, '0').slice(0, Math.max(2, fraction.length))}${currency ? ` ${currency}` : ''}`;
}

export function percent(ratio: number | null | undefined, digits = 1): string {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(digits)} %`;
}

export function signColor(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return n > 0 ? 'teal.9' : n < 0 ? 'red.9' : undefined;
}

/** A fresh Idempotency-Key for one create (a retried click sends the same one). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function monthStart(offsetMonths = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offsetMonths, 1)).toISOString().slice(0, 10);
}
