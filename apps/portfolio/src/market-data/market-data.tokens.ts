import { Inject } from '@nestjs/common';

/** The ProviderGate of the configured provider. */
export const MARKET_DATA_GATE = Symbol('MARKET_DATA_GATE');

export const InjectGate = () => Inject(MARKET_DATA_GATE);
