import type { ErrorFormat } from '@/lib/design/schema';
import { source as fastapiErrors } from './static/core_errors.py';
import { source as fastapiMiddleware } from './static/core_middleware.py';

/**
 * The body of every 4xx (`design.api.errors`). `fastapi` keeps FastAPI's `{"detail": ...}` (the static
 * `app/core/errors.py`); `problem` answers RFC 9457 `application/problem+json`, `field-map` answers
 * `{"errors": {"<field>": ["<message>"]}}`. One `error_response` in `app/core/errors.py` builds them for the
 * exception handlers (HTTPException, validation, integrity, data) and for the middleware's own 413 and 422.
 */

/** Where errors that concern no single field go in a field map. */
export const FIELD_MAP_OTHER_KEY = 'body';

/** The error body's schema class in `app/schemas/errors.py` and its media type. */
export function errorSchemaOf(format: ErrorFormat): { name: string; mediaType: string } {
  if (format === 'problem') return { name: 'Problem', mediaType: 'application/problem+json' };
  if (format === 'field-map') return { name: 'FieldErrors', mediaType: 'application/json' };
  return { name: 'ErrorMessage', mediaType: 'application/json' };
}

/** `app/core/errors.py`. */
export function coreErrorsSource(format: ErrorFormat): string {
  if (format === 'fastapi') return fastapiErrors;
  const handlersStart = fastapiErrors.indexOf('async def validation_error_handler');
  const head = fastapiErrors
    .slice(0, handlersStart)
    .replace(
      /^"""One error shape[\s\S]*?"""/,
      format === 'problem'
        ? '"""One error shape for every failure: RFC 9457 problem details.\n\nSent as application/problem+json: `type`, `title`, `status`, `detail` and `instance`\n(the path); validation errors are listed in an `errors` member. Unhandled errors\nbecome a JSON 500 in `app.core.middleware`, inside CORS.\n"""'
        : `"""One error shape for every failure: {"errors": {"<field>": ["<message>"]}}.\n\nThe field is the API name pydantic reports (its alias); errors about no single field\n(401, 403, 404, a malformed body) are listed under "${FIELD_MAP_OTHER_KEY}". Unhandled errors become\na JSON 500 in \`app.core.middleware\`, inside CORS.\n"""`,
    )
    .replace(
      'from typing import Any\n',
      `import re\nfrom collections.abc import Mapping\n${format === 'problem' ? 'from http import HTTPStatus\n' : ''}from typing import Any\n`,
    )
    .replace(
      'from sqlalchemy.exc import DataError, IntegrityError\n',
      'from sqlalchemy.exc import DataError, IntegrityError\nfrom starlette.exceptions import HTTPException as StarletteHTTPException\n',
    );
  const response =
    format === 'problem'
      ? [
          'def error_response(',
          '    status: int,',
          '    detail: str,',
          '    path: str,',
          '    errors: list[dict[str, Any]] | None = None,',
          '    headers: Mapping[str, str] | None = None,',
          ') -> JSONResponse:',
          '    """An RFC 9457 problem; `errors` lists what failed validation."""',
          '    content: dict[str, Any] = {',
          '        "type": "about:blank",',
          '        "title": HTTPStatus(status).phrase,',
          '        "status": status,',
          '        "detail": json_safe(detail),',
          '        "instance": json_safe(path),',
          '    }',
          '    if errors is not None:',
          '        content["errors"] = [',
          '            {',
          '                "type": str(e.get("type", "value_error")),',
          '                "loc": json_safe(list(e.get("loc", []))),',
          '                "msg": json_safe(str(e.get("msg", ""))),',
          '            }',
          '            for e in errors',
          '        ]',
          '    return JSONResponse(',
          '        content, status_code=status, headers=headers, media_type="application/problem+json"',
          '    )',
        ]
      : [
          'def error_response(',
          '    status: int,',
          '    detail: str,',
          '    path: str,',
          '    errors: list[dict[str, Any]] | None = None,',
          '    headers: Mapping[str, str] | None = None,',
          ') -> JSONResponse:',
          `    """\`{"errors": {field: [messages]}}\`; no field errors: the detail under "${FIELD_MAP_OTHER_KEY}"."""`,
          '    del path  # the field map has no place for it',
          '    fields: dict[str, list[str]] = {}',
          `    for item in errors or [{"loc": [], "msg": detail}]:`,
          '        key = json_safe(_field_of(list(item.get("loc", []))))',
          '        fields.setdefault(key, []).append(json_safe(str(item.get("msg", ""))))',
          '    return JSONResponse({"errors": fields}, status_code=status, headers=headers)',
          '',
          '',
          'def _field_of(loc: list[Any]) -> str:',
          '    """The innermost field name of a `loc` (after "body", "query" or "path")."""',
          '    names = [part for part in loc[1:] if isinstance(part, str)]',
          `    return names[-1] if names else ${JSON.stringify(FIELD_MAP_OTHER_KEY)}`,
        ];
  const handlers = `

async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else "Error"
    return error_response(exc.status_code, detail, request.url.path, headers=exc.headers)


async def validation_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [dict(e) for e in exc.errors()]
    return error_response(422, "The request is invalid", request.url.path, errors)


async def integrity_error_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.info("integrity error: %s", exc)
    detail = "Conflicts with existing data (unique or reference constraint)"
    field = _unique_column(str(getattr(exc, "orig", exc)))
    if field is None:
        return error_response(409, detail, request.url.path)
    item = {"type": "unique", "loc": ["body", field], "msg": "is already taken"}
    return error_response(409, detail, request.url.path, [item])


def _unique_column(message: str) -> str | None:
    """The column of a unique violation, as SQLite or PostgreSQL words it."""
    found = re.search(r"UNIQUE constraint failed: \\w+\\.(\\w+)", message) or re.search(
        r"Key \\((\\w+)\\)=\\(", message
    )
    return found.group(1) if found else None


async def data_error_handler(request: Request, exc: Exception) -> JSONResponse:
    """The database refused a value (out of its range): the request's fault, not ours.

    The schemas bound what they can; this is the net under them (PostgreSQL's data
    exceptions, SQLite's integers past 64 bits).
    """
    logger.warning("value refused by the database: %s", exc)
    item = {"type": "value_error", "loc": [], "msg": "A value is out of range"}
    return error_response(422, "The request is invalid", request.url.path, [item])
${format === 'problem' ? PROBLEM_OPENAPI : ''}

def register_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(DataError, data_error_handler)
    app.add_exception_handler(OverflowError, data_error_handler)
${format === 'problem' ? '    document_problems(app)\n' : ''}`;
  return `${head}${response.join('\n')}\n${handlers}`;
}

/** FastAPI documents a response model as `application/json`: problems are `application/problem+json`. */
const PROBLEM_OPENAPI = `

def document_problems(app: FastAPI) -> None:
    """OpenAPI lists error bodies as application/problem+json, as they are sent."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = build()
            for item in document.get("paths", {}).values():
                for operation in item.values():
                    for status, response in operation.get("responses", {}).items():
                        content = response.get("content", {})
                        if status[:1] in ("4", "5") and "application/json" in content:
                            response["content"] = {
                                "application/problem+json": content["application/json"]
                            }
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
`;

/** `app/core/middleware.py`: its own 413 and 422 answers in the project's error format. */
export function coreMiddlewareSource(format: ErrorFormat): string {
  if (format === 'fastapi') return fastapiMiddleware;
  const swaps: [string, string][] = [
    [
      'from app.core.errors import register_error_handlers',
      'from app.core.errors import error_response, register_error_handlers',
    ],
    [
      'response = JSONResponse({"detail": [problem]}, status_code=422)',
      'response = error_response(422, "The request is invalid", scope["path"], [problem])',
    ],
    [
      'response = JSONResponse({"detail": "Request body too large"}, status_code=413)',
      'response = error_response(413, "Request body too large", scope["path"])',
    ],
  ];
  let text = fastapiMiddleware;
  for (const [from, to] of swaps) {
    if (!text.includes(from)) throw new Error(`core_middleware.py changed: ${from}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The README's line on errors. */
export function readmeErrorsText(format: ErrorFormat): string {
  if (format === 'problem')
    return 'one shape, RFC 9457 problem details (`application/problem+json`: `type`, `title`, `status`, `detail`, `instance`; validation errors in `errors`)';
  if (format === 'field-map')
    return `one shape, \`{"errors": {"<field>": ["<message>"]}}\` (errors about no single field under \`${FIELD_MAP_OTHER_KEY}\`)`;
  return 'one shape, `{"detail": ...}`';
}
