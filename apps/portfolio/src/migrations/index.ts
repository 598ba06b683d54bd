import { CreatePortfolioTables1795305600000 } from './1795305600000-create-portfolio-tables';
import { HoldersByTicker1795910400000 } from './1795910400000-holders-by-ticker';

/** Every migration of the portfolio schema, oldest first. */
export const PORTFOLIO_MIGRATIONS = [CreatePortfolioTables1795305600000, HoldersByTicker1795910400000];
