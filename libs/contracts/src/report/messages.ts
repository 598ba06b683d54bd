import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { Rpc, UserMessage } from '../rpc';
import { REPORT } from './patterns';
import { CashflowQuery, SummaryQuery } from './report-query.dto';
import { ScoreMessage } from './score.dto';
import { CashflowView, ScoreView, SummaryCsv, SummaryView } from './views';

export class SummaryMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => SummaryQuery)
  query!: SummaryQuery;
}

export class CashflowMessage extends UserMessage {
  @IsDefined()
  @ValidateNested()
  @Type(() => CashflowQuery)
  query!: CashflowQuery;
}

/** The report service keeps nothing: every figure comes from the ledger's aggregates or from the request. */
export interface ReportContract {
  [REPORT.score]: Rpc<ScoreMessage, ScoreView>;
  [REPORT.summary]: Rpc<SummaryMessage, SummaryView>;
  [REPORT.summaryCsv]: Rpc<SummaryMessage, SummaryCsv>;
  [REPORT.cashflow]: Rpc<CashflowMessage, CashflowView>;
}
