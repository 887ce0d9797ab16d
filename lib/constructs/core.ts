/**
 * The single seam to the CDK core. Every construct imports cdktf through this file, so a CDK Terrain build can
 * swap `cdktf` for `cdktn` here (the two share `Symbol.for("cdktf/...")` markers, so `isXxx` checks keep working).
 */
export {
  Annotations,
  App,
  Lazy,
  LocalBackend,
  TerraformLocal,
  TerraformOutput,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IResolvable } from 'cdktf';
export { Construct, type IConstruct } from 'constructs';
