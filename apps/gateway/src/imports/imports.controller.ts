import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { ImportOptions, ImportView } from '@finstack/contracts';
import { Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ApiRoute } from '../openapi/api-route.decorator';
import { Request } from 'express';
import { IsUUID } from 'class-validator';
import { RequestId } from '../http/request-id.decorator';
import { readCsvUpload } from '../http/csv-upload';
import { ImportsService } from './imports.service';
import { RateLimited } from '../rate-limits/rate-limit.guard';

class ImportIdParams {
  @IsUUID()
  id!: string;
}

@ApiTags('imports')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /**
   * Imports a CSV (text/csv body, or a file in multipart/form-data; at most 50 MB).
   * Options are query parameters. Rows already imported are skipped; with invalid
   * rows nothing is imported (422) unless skipInvalid=true.
   */
  @Post()
  @RateLimited('imports')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiRoute({
    summary: 'Import a CSV of transactions',
    description: 'A text/csv body, or a file in multipart/form-data; at most 50 MB. Options are query parameters. Rows already imported are skipped; with invalid rows nothing is imported (422) unless skipInvalid=true. 429 when too many imports run at once.',
    type: ImportView,
    errors: [400, 401, 409, 413, 422, 429, 503, 504],
  })
  async create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Query() options: ImportOptions,
    @Req() request: Request,
  ): Promise<ImportView> {
    const upload = await readCsvUpload(request);
    return this.imports.run({ userId: user.userId, requestId, options, upload });
  }

  @Get(':id')
  @ApiRoute({
    summary: 'The outcome of an import',
    type: ImportView,
    errors: [400, 401, 404, 503, 504],
  })
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: ImportIdParams,
  ): Promise<ImportView> {
    return this.imports.get(user.userId, requestId, id);
  }
}
