import { createHash } from 'node:crypto';
import { normaliseStatement, payeeKey } from '@finstack/statement-text';
import { textFeatures, WeightedFeatures } from '../text/text-features';

/** A statement line as the classifier keeps it: normalised, within the stored column lengths. */
export interface NormalisedExample {
  description: string;
  merchant: string | null;
}

const MAX_DESCRIPTION = 500;
const MAX_MERCHANT = 200;

/** Undefined when nothing recognisable is left (a line of only dates and numbers). */
export function normaliseExample(description: string, merchant?: string | null): NormalisedExample | undefined {
  const normalisedDescription = normaliseStatement(description).slice(0, MAX_DESCRIPTION).trim();
  const normalisedMerchant = merchant ? normaliseStatement(merchant).slice(0, MAX_MERCHANT).trim() : '';
  if (normalisedDescription === '' && normalisedMerchant === '') return undefined;
  return { description: normalisedDescription, merchant: normalisedMerchant || null };
}

/** Where merchant memory files the example. */
export function examplePayee(example: NormalisedExample): string {
  return payeeKey(example.description, example.merchant);
}

/** The words the text model and the starter lexicon read: the merchant first, as the clearest name of the payee. */
export function exampleText(example: NormalisedExample): string {
  return example.merchant ? `${example.merchant} ${example.description}`.trim() : example.description;
}

export function exampleFeatures(example: NormalisedExample): WeightedFeatures {
  return textFeatures(exampleText(example));
}

/** A short stored key for a long text. */
export function exampleKey(example: NormalisedExample): string {
  return createHash('sha256').update(`${example.description}\n${example.merchant ?? ''}`).digest('hex');
}
