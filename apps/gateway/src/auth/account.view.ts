import { ApiProperty } from '@nestjs/swagger';
import { UserEntity } from './user.entity';

export class AccountView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Ada' })
  displayName!: string | null;

  @ApiProperty({ type: Boolean, description: 'whether the owner confirmed the address (an unverified account cannot log in)' })
  emailVerified!: boolean;

  @ApiProperty({ type: Boolean, description: 'whether a sign-in from a new device or IP is also mailed (PATCH /auth/me to change)' })
  signInAlerts!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export function toAccountView(user: UserEntity): AccountView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    emailVerified: user.emailVerifiedAt !== null,
    signInAlerts: user.signInAlerts,
    createdAt: user.createdAt.toISOString(),
  };
}
