import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  CategoryView,
  CreateCategoryBody,
  DeleteCategoryQuery,
  DeletedCategory,
  IdParams,
  LEDGER,
  UpdateCategoryBody,
} from '@finstack/contracts';
import { Body, Controller, Delete, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { RequestId } from '../http/request-id.decorator';
import { InjectLedger, LedgerClient } from './ledger-client';

@ApiTags('categories')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('categories')
export class CategoriesController {
  constructor(@InjectLedger() private readonly ledger: LedgerClient) {}

  @Post()
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateCategoryBody,
  ): Promise<CategoryView> {
    return this.ledger.send(LEDGER.createCategory, { userId: user.userId, requestId, body });
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<CategoryView[]> {
    return this.ledger.send(LEDGER.listCategories, { userId: user.userId, requestId });
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<CategoryView> {
    return this.ledger.send(LEDGER.getCategory, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  update(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Body() patch: UpdateCategoryBody,
  ): Promise<CategoryView> {
    return this.ledger.send(LEDGER.updateCategory, { userId: user.userId, requestId, id, patch });
  }

  /** 200 with how many transactions moved; 409 CATEGORY_IN_USE when used and no reassignTo is given. */
  @Delete(':id')
  remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Query() { reassignTo }: DeleteCategoryQuery,
  ): Promise<DeletedCategory> {
    return this.ledger.send(LEDGER.deleteCategory, { userId: user.userId, requestId, id, reassignTo });
  }
}
