import { CreatePortfolioTables1795305600000 } from './1795305600000-create-portfolio-tables';
import { HoldersByTicker1795910400000 } from './1795910400000-holders-by-ticker';
import { CreateMarketConnections1796000000000 } from './1796000000000-create-market-connections';
import { OutboxTraceparent1797100000000 } from './1797100000000-outbox-traceparent';

/** Every migration of the portfolio schema, oldest first. */
export const PORTFOLIO_MIGRATIONS = [CreatePortfolioTables1795305600000, HoldersByTicker1795910400000, CreateMarketConnections1796000000000, OutboxTraceparent1797100000000];
