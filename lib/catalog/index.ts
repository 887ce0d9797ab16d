export * from './types';
export * from './catalog';
export { tokenize, editDistance, similarity, rankBySimilarity } from './similarity';
