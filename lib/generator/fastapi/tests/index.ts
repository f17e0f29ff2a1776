import type { IrProject } from '../../ir/types';
import { hasRoutes } from '../routes';
import { emitAccessTests } from './access';
import { emitAuthTests } from './auth';
import { emitCustomTests } from './custom';
import { emitErrorFormatTests } from './error-format';
import { emitFactories } from './factories';
import { emitResourceTests } from './resource';
import { emitConftest, emitRuntimeTests, emitUtils } from './support';

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
    files[`tests/test_${entity.resource.module}.py`] = emitResourceTests(entity, ir);
    const access = emitAccessTests(entity, ir);
    if (access) files[`tests/test_${entity.resource.module}_access.py`] = access;
  }
  return files;
}
