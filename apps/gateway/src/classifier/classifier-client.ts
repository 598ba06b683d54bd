import { ClassifierContract, HealthContract } from '@finstack/contracts';
import { InjectRpcClient, RpcClient } from '@finstack/rpc';

export const CLASSIFIER_SERVICE = 'classifier';
export type ClassifierClient = RpcClient<ClassifierContract & HealthContract>;
export const InjectClassifier = () => InjectRpcClient(CLASSIFIER_SERVICE);
