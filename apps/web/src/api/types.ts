/**
 * The API's shapes the console reads: the types generated from
 * docs/openapi.json (libs/client), so a renamed field is a compile error here.
 */
import type { components } from '../../../../libs/client/src/api-schema';

export type Schemas = components['schemas'];

export type CategorySource = Schemas['CategorySource'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cookie mode's answer: the refresh token is in the httpOnly cookie only. */
export type TokenAnswer = Pick<Schemas['TokenPair'], 'accessToken' | 'expiresIn'>;
export type Account = Schemas['AccountView'];
export type Transaction = Schemas['TransactionView'];
export type Category = Schemas['CategoryView'];
export type Suggestion = Schemas['Suggestion'];
export type SummaryRow = Schemas['SummaryRow'];
export type Summary = Schemas['SummaryView'];
export type CashflowPoint = Schemas['CashflowPoint'];
export type Cashflow = Schemas['CashflowView'];
export type ImportResult = Schemas['ImportView'];
export type Holding = Schemas['HoldingView'];
export type HoldingTotals = Schemas['PortfolioTotals'];
export type Holdings = Schemas['HoldingsView'];
export type Watch = Schemas['WatchView'];
export type Alert = Schemas['AlertView'];
export type Rule = Schemas['RuleView'];
export type RiskAtLevel = Schemas['RiskAtLevelView'];
export type Trade = Schemas['TradeView'];
export type ChartPoint = Schemas['ChartPointView'];
export type StrategyResult = Schemas['StrategyAnalysisResult'];
export type PortfolioResult = Schemas['PortfolioVarResult'];
export type Run = Schemas['RunView'];

export type SessionItem = Schemas['SessionView'];

export type TotpEnrolment = Schemas['TotpEnrolmentView'];
export type RecoveryCodes = Schemas['RecoveryCodesView'];

/** A push from notifications (DomainEvent). */
export interface LiveEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  occurredAt: string;
  payload: P;
}

/** The items of a list answer, or none while it loads. */
export function itemsOf<T>(list: Page<T> | undefined): T[] {
  return list?.items ?? [];
}
