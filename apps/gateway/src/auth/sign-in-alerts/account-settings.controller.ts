import { AuthUser, CurrentUser, JwtAuthGuard } from '@finstack/auth';
import { Body, Controller, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { ApiRoute } from '../../openapi/api-route.decorator';
import { AccountView } from '../account.view';
import { AccountsService } from '../accounts.service';

export class AccountSettingsBody {
  @ApiProperty({ description: 'mail me when my account signs in from a new device or IP (the push is sent either way)' })
  @IsBoolean()
  signInAlerts!: boolean;
}

@ApiTags('auth')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('auth/me')
export class AccountSettingsController {
  constructor(private readonly accounts: AccountsService) {}

  @Patch()
  @ApiRoute({ summary: "Change the caller's account settings", type: AccountView, errors: [400, 401, 413, 503] })
  async update(@CurrentUser() user: AuthUser, @Body() body: AccountSettingsBody): Promise<AccountView> {
    return this.accounts.updateSettings(user.userId, body);
  }
}
