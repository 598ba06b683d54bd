import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import {
  CategoryPage,
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
import { ApiRoute } from '../openapi/api-route.decorator';
import { onePage } from '../http/one-page';
import { RequestId } from '../http/request-id.decorator';
import { InjectLedger, LedgerClient } from './ledger-client';

@ApiTags('categories')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('categories')
export class CategoriesController {
  constructor(@InjectLedger() private readonly ledger: LedgerClient) {}

  @Post()
  @ApiRoute({
    summary: 'Create a category',
    status: 201,
    type: CategoryView,
    errors: [400, 401, 409, 413, 503, 504],
  })
  create(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Body() body: CreateCategoryBody,
  ): Promise<CategoryView> {
    return this.ledger.send(LEDGER.createCategory, { userId: user.userId, requestId, body });
  }

  @Get()
  @ApiRoute({
    summary: "The caller's categories, by name",
    type: CategoryPage,
    errors: [401, 503, 504],
  })
  async list(@CurrentUser() user: AuthUser, @RequestId() requestId: string | undefined): Promise<CategoryPage> {
    return onePage(await this.ledger.send(LEDGER.listCategories, { userId: user.userId, requestId }));
  }

  @Get(':id')
  @ApiRoute({
    summary: 'One category',
    type: CategoryView,
    errors: [400, 401, 404, 503, 504],
  })
  get(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
  ): Promise<CategoryView> {
    return this.ledger.send(LEDGER.getCategory, { userId: user.userId, requestId, id });
  }

  @Patch(':id')
  @ApiRoute({
    summary: 'Rename, recolour or change the kind of a category',
    type: CategoryView,
    errors: [400, 401, 404, 409, 413, 503, 504],
  })
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
  @ApiRoute({
    summary: 'Delete a category',
    description: '409 CATEGORY_IN_USE when transactions use it and no reassignTo is given.',
    type: DeletedCategory,
    errors: [400, 401, 404, 409, 503, 504],
  })
  remove(
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | undefined,
    @Param() { id }: IdParams,
    @Query() { reassignTo }: DeleteCategoryQuery,
  ): Promise<DeletedCategory> {
    return this.ledger.send(LEDGER.deleteCategory, { userId: user.userId, requestId, id, reassignTo });
  }
}
