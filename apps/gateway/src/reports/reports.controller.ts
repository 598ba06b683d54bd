import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  CashflowQuery,
  CashflowView,
  MAX_SCORED_TRANSACTIONS,
  REPORT,
  ScoreBody,
  ScoreView,
  SummaryQuery,
  SummaryView,
} from '@finstack/contracts';
import { InPlaceValidationPipe } from '@finstack/rpc';
import { Body, Controller, Get, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Response } from 'express';
import { RequestId } from '../http/request-id.decorator';
import { InjectReport, ReportClient } from './report-client';

/**
 * A summary or cash flow waits for the ledger's totals, at most twice in a
 * row (choosing the currency, then the totals), each bounded by the report
 * service's own timeout: waiting longer here lets its 503 or 504 reach the caller.
 */
const REPORT_TIMEOUT_MS = 15_000;

@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('reports')
export class ReportsController {
  constructor(@InjectReport() private readonly report: ReportClient) {}

  @Post('score')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Totals spent and received per currency for a list of transactions (stored or not)',
    description:
      `At most ${MAX_SCORED_TRANSACTIONS} transactions (more: 400); the body may be up to 8 MB. ` +
      'Only amount and currency count; amounts are added exactly.',
    type: ScoreView,
    errors: [400, 401, 413, 503, 504],
  })
  @ApiBody({ type: ScoreBody })
  score(
    @RequestId() requestId: string | undefined,
    // Up to 10,000 items: checked in place, not copied into DTO instances (see InPlaceValidationPipe).
    @Body(new InPlaceValidationPipe(ScoreBody)) body: Pick<ScoreBody, 'transactions'>,
  ): Promise<ScoreView> {
    // Descriptions and dates do not count: leaving them here keeps the TCP message small.
    const transactions = body.transactions.map(({ amount, currency }) => ({ amount, currency }));
    return this.report.send(REPORT.score, { requestId, transactions });
  }

  @Get('summary')
  @ApiRoute({
    summary: 'Spending and income over a period: rows by month, category or merchant, top spenders, month over month',
    description:
      'Default period: the month of `to` (default today, UTC) and the 11 before it. One currency per summary: ' +
      'without ?currency=, the only currency of the period (400 when there are several).',
    type: SummaryView,
    errors: [400, 401, 503, 504],
  })
  summary(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: SummaryQuery,
  ): Promise<SummaryView> {
    return this.report.send(REPORT.summary, { userId: user.userId, requestId, query }, REPORT_TIMEOUT_MS);
  }

  @Get('summary.csv')
  @ApiRoute({
    summary: 'The summary as a CSV download (RFC 4180)',
    description:
      'Columns key,label,currency,spent,received,net,count and a last "Total" line. Text starting with =, +, -, @, ' +
      'a tab or a carriage return gets a leading single quote so spreadsheets do not run it as a formula.',
    content: { 'text/csv': { schema: { type: 'string' } } },
    errors: [400, 401, 503, 504],
  })
  async summaryCsv(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: SummaryQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const { fileName, csv } = await this.report.send(
      REPORT.summaryCsv,
      { userId: user.userId, requestId, query },
      REPORT_TIMEOUT_MS,
    );
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return csv;
  }

  @Get('cashflow')
  @ApiRoute({
    summary: 'Money in and out per day, ISO week (Monday to Sunday) or month, every interval present',
    description: 'Intervals are clipped to the period; at most 5,000 points. Same period and currency rules as the summary.',
    type: CashflowView,
    errors: [400, 401, 503, 504],
  })
  cashflow(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() query: CashflowQuery,
  ): Promise<CashflowView> {
    return this.report.send(REPORT.cashflow, { userId: user.userId, requestId, query }, REPORT_TIMEOUT_MS);
  }
}
