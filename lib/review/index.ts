/** Review of synthesized plans: loading, the report and diff models, and their renderers. No cdktf import. */
export * from './access';
export * from './diff';
export * from './load';
export * from './render-json';
export * from './render-markdown';
export * from './report';
