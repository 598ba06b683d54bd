import { EraseUserDataMessage, USER_DATA, UserDataErased, userRoom } from '@finstack/contracts';
import { AllRpcExceptionsFilter, CallableBy, createValidationPipe } from '@finstack/rpc';
import { Controller, Optional, UseFilters, UsePipes } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TickerHolders } from '../holders/ticker-holders';
import { RecentPushes } from '../replay/recent-pushes';
import { RoomEmitter } from '../sockets/room-emitter';

/**
 * Account deletion (USER_DATA.erase): notifications keeps no table, only the
 * replay of recent pushes (without Redis), a cache of tickers' holders and the
 * user's open sockets. All three forget the user; doing it twice changes nothing.
 */
@Controller()
@UseFilters(AllRpcExceptionsFilter)
@UsePipes(createValidationPipe())
export class UserDataController {
  constructor(
    private readonly holders: TickerHolders,
    private readonly emitter: RoomEmitter,
    @Optional() private readonly recentPushes?: RecentPushes,
  ) {}

  // Sent by the gateway's identity-outbox relay after an account deletion, with its service token.
  @MessagePattern(USER_DATA.erase)
  @CallableBy('service:gateway')
  erase(@Payload() message: EraseUserDataMessage): UserDataErased {
    this.emitter.disconnectUser(userRoom(message.userId));
    this.holders.clear();
    return { service: 'notifications', erased: this.recentPushes?.forget(message.userId) ?? 0 };
  }
}
