export * from './matchers';
export * from './provider-schema';
export * from './synth';
