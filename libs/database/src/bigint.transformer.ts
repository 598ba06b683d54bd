import { ValueTransformer } from 'typeorm';

/** BIGINT columns as bigint in code: drivers hand them over as strings (MySQL) or numbers (SQLite). */
export const bigintTransformer: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | number | null) => (value === null ? null : BigInt(value)),
};
