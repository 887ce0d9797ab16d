export * from './provider-schema';
export * from './synth';
