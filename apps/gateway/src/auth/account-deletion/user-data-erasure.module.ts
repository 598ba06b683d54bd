import { UserDataContract } from '@finstack/contracts';
import { TransactionRunner } from '@finstack/database';
import { EventSender, OutboxRouting } from '@finstack/outbox';
import { RpcClient, rpcClientProvider, rpcClientToken } from '@finstack/rpc';
import { Module } from '@nestjs/common';
import { GatewayEnv } from '../../gateway-env';
import { IDENTITY_OUTBOX } from '../login-events';
import { userDataErasureSender } from './user-data-erasure';

/** Every service that keeps a user's data, and where it listens (its own client: erasure is not on the request path). */
const ERASERS: Record<string, (env: GatewayEnv) => { host: string; port: number }> = {
  'trx-crud': (env) => ({ host: env.TRX_CRUD_HOST, port: env.TRX_CRUD_PORT }),
  classifier: (env) => ({ host: env.CLASSIFIER_HOST, port: env.CLASSIFIER_PORT }),
  portfolio: (env) => ({ host: env.PORTFOLIO_HOST, port: env.PORTFOLIO_PORT }),
  var: (env) => ({ host: env.VAR_HOST, port: env.VAR_PORT }),
  notifications: (env) => ({ host: env.NOTIFICATIONS_HOST, port: env.NOTIFICATIONS_TCP_PORT }),
};
const tokenOf = (service: string) => rpcClientToken(`erase:${service}`);

@Module({
  // Sent by the relay for no user's request: with the gateway's service token for that app.
  providers: Object.entries(ERASERS).map(([service, endpoint]) => rpcClientProvider(`erase:${service}`, GatewayEnv, endpoint, { audience: service })),
  exports: Object.keys(ERASERS).map(tokenOf),
})
export class UserDataErasureModule {}

/** The identity outbox's routing: user.deleted to every service, the rest to notifications. */
export const IDENTITY_OUTBOX_ROUTING: OutboxRouting = {
  imports: [UserDataErasureModule],
  inject: [TransactionRunner, ...Object.keys(ERASERS).map(tokenOf)],
  useFactory: (toNotifications: EventSender, ...parts: never[]) => {
    const [runner, ...clients] = parts as unknown as [TransactionRunner, ...RpcClient<UserDataContract>[]];
    const services = Object.fromEntries(Object.keys(ERASERS).map((service, index) => [service, clients[index]!]));
    return userDataErasureSender({ toNotifications, services, outboxTable: IDENTITY_OUTBOX, run: (work) => runner.run(work) });
  },
};
