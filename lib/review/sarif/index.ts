/** SARIF 2.1.0 output of `report` and `diff`. No cdktf import. */
export {
  changeLevel,
  changesSarif,
  type ChangesSarifOptions,
  type ExceptedChange,
  type FailingChange,
} from './changes-sarif';
export { changeRuleId } from './change-rules';
export { jsonPointerLine, jsonPointerLines } from './json-pointer-line';
export type { LocationOptions } from './locations';
export type * from './log';
export { SARIF_SCHEMA } from './log';
export { reportSarif, type ReportSarifOptions } from './report-sarif';
export { renderSarif } from './run';
