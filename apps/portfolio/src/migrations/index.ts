import { CreatePortfolioTables1795305600000 } from './1795305600000-create-portfolio-tables';

/** Every migration of the portfolio schema, oldest first. */
export const PORTFOLIO_MIGRATIONS = [CreatePortfolioTables1795305600000];
