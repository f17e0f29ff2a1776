import type { Design } from '../schema';
import { checkActions } from './actions';
import { checkApiShape } from './api-shape';
import { checkAuth } from './auth';
import { checkAuthApi } from './auth-api';
import { checkComputed } from './computed';
import { createContext } from './context';
import { checkCopies } from './copies';
import { checkCustomEndpoints } from './custom-endpoints';
import { checkDerives } from './derive';
import { checkEnums, checkFields } from './fields';
import { checkIdentifierLengths } from './identifiers';
import { checkIdentity, checkNames } from './names';
import type { Problem } from './problem';
import { checkRelations } from './relations';
import { checkResources } from './resources';
import { checkUniques } from './uniques';
import { checkValueLists } from './value-lists';
import { checkViewerLists } from './viewer-lists';
import { checkViews } from './views';

export { effectiveAssociationTable, effectiveTableName } from './context';
export type { Problem, ProblemCode } from './problem';
export { DANGLING_REFERENCE_CODES } from './problem';
export { effectiveResourcePath } from './resources';

/**
 * Every semantic problem of a (schema-valid) design, in document order per area. An empty list means the
 * generator can turn the design into a working project.
 */
export function validateDesign(design: Design): Problem[] {
  const ctx = createContext(design);
  checkIdentity(ctx);
  checkNames(ctx);
  checkIdentifierLengths(ctx);
  checkFields(ctx);
  checkCopies(ctx);
  checkDerives(ctx);
  checkEnums(ctx);
  checkRelations(ctx);
  checkUniques(ctx);
  checkResources(ctx);
  checkViews(ctx);
  checkValueLists(ctx);
  checkComputed(ctx);
  checkViewerLists(ctx);
  checkCustomEndpoints(ctx);
  checkActions(ctx);
  checkAuth(ctx);
  checkApiShape(ctx);
  checkAuthApi(ctx);
  return ctx.problems;
}
