import { CommonEnv } from '@finstack/config';

/**
 * Settings of the portfolio service. Everything it needs is common to all
 * apps: the database, and PORTFOLIO_HOST/PORTFOLIO_PORT, which the gateway reads too.
 */
export class PortfolioEnv extends CommonEnv {}
