export { createBroker, type BrokerOptions } from './broker.ts';
export { asOrigin, BROKER_VARIABLES, BrokerConfigError, brokerConfigFromEnv, type BrokerConfig } from './config.ts';
export { serve, type RunningServer } from './node.ts';
export { signState, verifyState, type SignInState, type StateRefusal } from './state.ts';
export { runCli } from './cli.ts';
