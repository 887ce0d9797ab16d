export * from './access-grant';
export * from './capabilities';
export * from './divisions';
export type * from './graph';
export { ACCESS_GRAPH_VERSION, isAccessGraph } from './graph';
export {
  type Decision,
  type DecisionDivision,
  evaluate,
  type AccessTarget,
  type EvaluateOptions,
  type ScopeCheck,
  type Verdict,
  whoCan,
} from './evaluate';
export {
  isUserContextClient,
  isUserContextGrant,
  principalAccess,
  type DivisionAccess,
  type PrincipalAccess,
} from './principal-access';
export { PermissionSet, permissionCovers, isWildcard, isGeneralPermission } from './permission-match';
export { REASON_CODES, type Reason, type ReasonCode } from './reasons';
export {
  pickAlternative,
  preferenceRules,
  rankAlternatives,
  type AlternativePreference,
  type PreferenceRule,
  type RankedAlternative,
} from './ranking';
