import { ApiProperty } from '@nestjs/swagger';

/** The answer of the password step when the account has MFA on. */
export class MfaRequiredView {
  @ApiProperty({ enum: [true], description: 'always true: send a code to POST /auth/mfa/verify to finish the log-in' })
  mfaRequired!: true;

  @ApiProperty({ description: 'Opaque, single use, valid for 5 minutes and 5 wrong codes' })
  mfaToken!: string;
}

export class TotpEnrolmentView {
  @ApiProperty({ example: 'otpauth://totp/finstack:ada%40example.com?issuer=finstack&secret=…&algorithm=SHA1&digits=6&period=30' })
  otpauthUri!: string;

  @ApiProperty({ description: 'The same URI as a QR code: an SVG data URL (data:image/svg+xml;base64,…) for an <img> src' })
  qrCode!: string;
}

export class RecoveryCodesView {
  @ApiProperty({
    type: [String],
    example: ['k7pm-x2qa-9rtd'],
    description: '10 single-use codes, each good for one log-in instead of a TOTP code. Shown only now: keep them safe',
  })
  recoveryCodes!: string[];
}
