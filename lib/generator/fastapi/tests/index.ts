import type { IrProject } from '../../ir/types';
import { hasRoutes } from '../routes';
import { emitAccessTests } from './access';
import { emitActionTests } from './actions';
import { emitAuthTests } from './auth';
import { emitCustomTests } from './custom';
import { emitErrorFormatTests } from './error-format';
import { emitFactories } from './factories';
import { emitNestedTests } from './nested';
import { emitResourceTests } from './resource';
import { emitShapeTests } from './shape-tests';
import { emitConftest, emitRuntimeTests, emitUtils } from './support';
import { emitViewTests } from './views';

/** The generated pytest suite, keyed by path. */
export function emitTests(ir: IrProject): Record<string, string> {
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
  const custom = emitCustomTests(ir);
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
    const shape = emitShapeTests(entity, ir);
    if (shape) files[`tests/test_${entity.resource.module}_shape.py`] = shape;
  }
  return files;
}
