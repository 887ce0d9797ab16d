/** The 403 explainer and the deployer requirements. No cdktf import. */
export * from './deployer';
export * from './explain';
export * from './operation-info';
export * from './render-markdown';
