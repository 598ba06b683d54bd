import { ApiProperty } from '@nestjs/swagger';

/** 202: the request was taken; what happens next arrives by mail, whatever the address. */
export class AcceptedView {
  @ApiProperty({ example: 'check your email' })
  message!: string;
}

export const CHECK_YOUR_EMAIL: AcceptedView = {
  message: 'check your email: if the address can be used, we sent it a message with what to do next',
};
