import type { IrProject } from '../../ir/types';
import { hasRoutes } from '../routes';
import { NO_USER_CODE, type UserCodeInfo } from '../user-code';
import { emitAccessTests } from './access';
import { emitActionTests } from './actions';
import { emitAuthTests } from './auth';
import { emitComputedTests } from './computed';
import { emitCustomTests } from './custom';
import { emitAuthDeriveTests, emitDeriveTests } from './derive';
import { emitErrorFormatTests } from './error-format';
import { emitFactories } from './factories';
import { emitNestedTests } from './nested';
import { emitResourceTests } from './resource';
import { emitShapeTests } from './shape-tests';
import { emitConftest, emitRuntimeTests, emitUtils } from './support';
import { emitValueListTests } from './value-lists';
import { emitViewerListTests } from './viewer-lists';
import { emitViewTests } from './views';

/** The generated pytest suite, keyed by path. */
export function emitTests(ir: IrProject, user: UserCodeInfo = NO_USER_CODE): Record<string, string> {
  const files: Record<string, string> = {
    'tests/__init__.py': '',
    'tests/conftest.py': emitConftest(),
    'tests/utils.py': emitUtils(ir),
    'tests/factories.py': emitFactories(ir),
    'tests/test_runtime.py': emitRuntimeTests(ir.errorFormat),
  };
  const errors = emitErrorFormatTests(ir);
  if (errors) files['tests/test_error_format.py'] = errors;
  const auth = emitAuthTests(ir);
  if (auth) files['tests/test_auth.py'] = auth;
  const authDerived = emitAuthDeriveTests(ir);
  if (authDerived) files['tests/test_auth_derived.py'] = authDerived;
  const custom = emitCustomTests(ir, user);
  if (custom) files['tests/test_custom.py'] = custom;
  for (const entity of ir.entities) {
    if (!hasRoutes(entity)) continue;
    const actions = emitActionTests(entity, ir);
    if (actions) files[`tests/test_${entity.resource.module}_actions.py`] = actions;
    // A nested resource is tested under its parent (the generic suites build their paths without one).
    const nested = emitNestedTests(entity, ir);
    if (nested) {
      files[`tests/test_${entity.resource.module}_nested.py`] = nested;
      continue;
    }
    files[`tests/test_${entity.resource.module}.py`] = emitResourceTests(entity, ir);
    const views = emitViewTests(entity, ir);
    if (views) files[`tests/test_${entity.resource.module}_views.py`] = views;
    const access = emitAccessTests(entity, ir);
    if (access) files[`tests/test_${entity.resource.module}_access.py`] = access;
    const values = emitValueListTests(entity, ir);
    if (values) files[`tests/test_${entity.resource.module}_values.py`] = values;
    const computed = emitComputedTests(entity, ir);
    if (computed) files[`tests/test_${entity.resource.module}_computed.py`] = computed;
    const viewerLists = emitViewerListTests(entity, ir);
    if (viewerLists) files[`tests/test_${entity.resource.module}_viewer_lists.py`] = viewerLists;
    const derived = emitDeriveTests(entity, ir);
    if (derived) files[`tests/test_${entity.resource.module}_derived.py`] = derived;
    const shape = emitShapeTests(entity, ir);
    if (shape) files[`tests/test_${entity.resource.module}_shape.py`] = shape;
  }
  return files;
}
