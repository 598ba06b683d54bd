import { Injectable } from '@nestjs/common';
import { todayUtc } from '../period/calendar';

/** Today's date, replaceable in tests: the default period ends today. */
@Injectable()
export class Clock {
  today(): string {
    return todayUtc();
  }
}
