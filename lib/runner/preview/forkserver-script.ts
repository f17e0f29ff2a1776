/**
 * The warm interpreter of a preview sandbox (`forkserver.ts`): started once per sandbox, it imports the
 * third-party libraries a generated project uses (Pydantic, SQLAlchemy and Alembic before it says it is ready;
 * FastAPI, Starlette, uvicorn, ... while it waits for commands) and never the project itself, and forks a child
 * per command, which imports the project's current code from
 * /preview/app and runs as `python -m MODULE ARGS` or `python -c CODE ARGS` would. A child pays neither the
 * interpreter's start nor those imports.
 *
 * Protocol: JSON lines. In, on stdin (only the server holds it: children get /dev/null):
 * `{"op": "run", "id", "module" | "code", "args", "env", "cwd", "isolated", "hold", "preload", "openapi"}`, `{"op": "go", "id"}`,
 * `{"op": "kill"}`. A held child imports its `preload` modules (the app, while migrations run) and waits for `go`.
 * Out, on stdout (children write to pipes of their own, relayed): `{"event": "ready"}` once the migrations' imports
 * are done, `{"event": "warm"}` once all are,
 * `{"event": "out", "id", "fd": 1|2, "data"}`, `{"event": "exit", "id", "code", "signal"}`, `{"event": "killed"}`,
 * `{"event": "error", "id", "message"}`.
 *
 * `kill` ends every other process of the sandbox (`kill(-1, SIGKILL)` spares only the caller and the pid
 * namespace's init), whatever process group or session it moved to, and empties /preview/tmp: what the previous
 * app left is gone before the next one starts, as when each ran in a sandbox of its own. The server is a child
 * subreaper (orphans are reaped here) and not dumpable (no other process of the sandbox can open its
 * /proc/<pid>/fd, so none can read or write its pipes).
 */
export const FORKSERVER_SCRIPT = `
import codecs, ctypes, importlib, json, os, selectors, shutil, signal, sys, traceback

# A -c script has the working folder first on sys.path: nothing is imported from the preview's folder here.
sys.path = [p for p in sys.path if p not in ("", os.getcwd())]
BASE_PATH = list(sys.path)
# What the migrations need, imported before the server says it is ready (a new preview migrates first).
PRELOAD = [
    "asyncio", "json", "logging.config", "sqlite3", "uuid", "decimal", "datetime", "email.utils",
    "pydantic", "pydantic_core", "pydantic_settings", "email_validator", "annotated_types",
    "sqlalchemy", "sqlalchemy.orm", "sqlalchemy.ext.asyncio", "sqlalchemy.dialects.sqlite.aiosqlite",
    "sqlalchemy.sql.default_comparator", "aiosqlite", "mako.template",
    "alembic", "alembic.config", "alembic.command", "alembic.context", "alembic.op",
    "alembic.runtime.migration", "alembic.runtime.environment", "alembic.script", "alembic.operations",
    "alembic.ddl.sqlite",
]
# What the app and uvicorn need: imported one by one while no command is waiting, so the first migration
# runs meanwhile (a child forked before the end imports the rest itself).
LATER = [
    "starlette.applications", "starlette.middleware.cors", "starlette.responses", "starlette.routing",
    "fastapi", "fastapi.security", "fastapi.middleware.cors", "fastapi.responses", "fastapi.encoders",
    "fastapi.exceptions", "fastapi.openapi.utils", "python_multipart", "multipart",
    "jwt", "argon2", "anyio", "anyio._backends._asyncio", "h11", "httptools", "uvloop", "watchfiles",
    "websockets", "dotenv", "yaml", "click",
    "uvicorn", "uvicorn.main", "uvicorn.config", "uvicorn.server", "uvicorn.lifespan.on",
    "uvicorn.loops.auto", "uvicorn.loops.asyncio", "uvicorn.protocols.http.auto",
    "uvicorn.protocols.http.h11_impl", "uvicorn.protocols.http.httptools_impl",
    "uvicorn.protocols.websockets.auto", "uvicorn.protocols.utils", "uvicorn.middleware.proxy_headers",
    "sqlalchemy.dialects.postgresql", "alembic.ddl.postgresql",
]


def preload(name):
    try:
        importlib.import_module(name)
    except Exception:
        pass
    # The guarantee that makes forking safe: no module of the project (or anything else under /preview).
    for loaded, module in list(sys.modules.items()):
        where = getattr(module, "__file__", None) or ""
        if where.startswith("/preview/"):
            print("forkserver: %s was imported from %s" % (loaded, where), file=sys.stderr)
            os._exit(70)


for name in PRELOAD:
    preload(name)

libc = ctypes.CDLL(None, use_errno=True)
libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE 0

control_in = os.fdopen(os.dup(0), "rb", buffering=0)
control_out = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
devnull = os.open(os.devnull, os.O_RDWR)
os.dup2(devnull, 0)
os.dup2(2, 1)


def send(message):
    control_out.write(json.dumps(message) + "\\n")


wake_r, wake_w = os.pipe()
os.set_blocking(wake_r, False)
os.set_blocking(wake_w, False)
signal.signal(signal.SIGCHLD, lambda *_: None)
signal.set_wakeup_fd(wake_w)
selector = selectors.DefaultSelector()
selector.register(control_in, selectors.EVENT_READ, "control")
selector.register(wake_r, selectors.EVENT_READ, "wake")
children = {}  # pid -> {"id", "pipes": {fd: (stream, decoder)}}
pending = b""


def child_main(command, out_w, err_w, hold_r):
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    if hold_r is not None:
        os.dup2(hold_r, 0)
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    signal.set_wakeup_fd(-1)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_DFL if sig != signal.SIGINT else signal.default_int_handler)
    sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", buffering=1, closefd=False)
    cwd = command["cwd"]
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(command["env"])
    os.environ["PWD"] = cwd
    if hold_r is not None:
        sys.path[:] = [cwd] + BASE_PATH
        for name in command.get("preload") or []:
            try:
                importlib.import_module(name)
            except BaseException:
                pass  # the command imports it again and reports the error
        # "module:attr": an ASGI app whose OpenAPI document is built now (FastAPI caches it), not on the
        # first request for it (Try it asks for it as soon as the app is ready).
        target = command.get("openapi")
        if target:
            try:
                name, attr = target.split(":", 1)
                getattr(sys.modules[name], attr).openapi()
            except BaseException:
                pass
        if os.read(0, 1) != b"g":
            os._exit(0)
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.close(null)
    sys.stdin = open(0, "r", closefd=False)
    code = 0
    try:
        if "module" in command:
            sys.path[:] = [cwd] + BASE_PATH
            sys.argv[:] = [command["module"]] + command["args"]
            import runpy
            runpy.run_module(command["module"], run_name="__main__", alter_sys=True)
        else:
            sys.path[:] = BASE_PATH if command.get("isolated") else [""] + BASE_PATH
            sys.argv[:] = ["-c"] + command["args"]
            exec(compile(command["code"], "<string>", "exec"), {"__name__": "__main__"})
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if not isinstance(e.code, int) and e.code is not None:
            print(e.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    os._exit(code)


def run(command):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    hold_r, hold_w = os.pipe() if command.get("hold") else (None, None)
    try:
        pid = os.fork()
    except OSError as e:
        for fd in (out_r, out_w, err_r, err_w, hold_r, hold_w):
            if fd is not None:
                os.close(fd)
        send({"event": "error", "id": command["id"], "message": "fork failed: " + str(e)})
        return
    if pid == 0:
        try:
            child_main(command, out_w, err_w, hold_r)
        finally:
            os._exit(1)
    os.close(out_w)
    os.close(err_w)
    if hold_r is not None:
        os.close(hold_r)
    pipes = {}
    for fd, number in ((out_r, 1), (err_r, 2)):
        os.set_blocking(fd, False)
        pipes[fd] = (number, codecs.getincrementaldecoder("utf-8")(errors="replace"))
        selector.register(fd, selectors.EVENT_READ, ("pipe", pid))
    children[pid] = {"id": command["id"], "pipes": pipes, "hold": hold_w}


def drain(pid, fd, final=False):
    child = children.get(pid)
    if child is None or fd not in child["pipes"]:
        return
    number, decoder = child["pipes"][fd]
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            chunk = None
        except OSError:
            chunk = b""
        if chunk:
            text = decoder.decode(chunk)
            if text:
                send({"event": "out", "id": child["id"], "fd": number, "data": text})
            continue
        if chunk == b"" or final:
            rest = decoder.decode(b"", final=True)
            if rest:
                send({"event": "out", "id": child["id"], "fd": number, "data": rest})
            selector.unregister(fd)
            os.close(fd)
            del child["pipes"][fd]
        return


def reap(block=False):
    """Reaps exited children (waiting for one when asked); a command's child reports its exit."""
    while True:
        try:
            pid, status = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return False
        if pid == 0:
            return True
        block = False
        child = children.get(pid)
        if child is None:
            continue  # an orphan of some child, reparented here
        for fd in list(child["pipes"]):
            drain(pid, fd, final=True)
        if child["hold"] is not None:
            os.close(child["hold"])
        del children[pid]
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        send({
            "event": "exit",
            "id": child["id"],
            "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "signal": signal.Signals(sig).name if sig else None,
        })


def others():
    return [p for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, os.getpid())]


def kill_all():
    # kill(-1) cannot miss a process forked meanwhile (the kernel walks the task list under its lock); orphans
    # are reparented to this subreaper, so reaping until /proc lists nobody else leaves nothing behind.
    while others():
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        reap(block=True)
    try:
        names = os.listdir("/preview/tmp")
    except OSError:
        names = []
    for name in names:
        target = os.path.join("/preview/tmp", name)
        if os.path.isdir(target) and not os.path.islink(target):
            shutil.rmtree(target, ignore_errors=True)
        else:
            try:
                os.unlink(target)
            except OSError:
                pass
    send({"event": "killed"})


def handle(line):
    try:
        command = json.loads(line)
    except ValueError:
        return
    if command.get("op") == "run":
        run(command)
    elif command.get("op") == "kill":
        kill_all()
    elif command.get("op") == "go":
        for child in children.values():
            if child["id"] == command.get("id") and child["hold"] is not None:
                try:
                    os.write(child["hold"], b"g")
                except OSError:
                    pass
                os.close(child["hold"])
                child["hold"] = None


send({"event": "ready"})
while True:
    events = selector.select(0 if LATER else None)
    if not events and LATER:
        preload(LATER.pop(0))
        if not LATER:
            send({"event": "warm"})
    for key, _ in events:
        if key.data == "control":
            data = os.read(control_in.fileno(), 65536)
            if not data:
                try:
                    os.kill(-1, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                os._exit(0)
            pending += data
            while b"\\n" in pending:
                line, pending = pending.split(b"\\n", 1)
                handle(line)
        elif key.data == "wake":
            try:
                while os.read(wake_r, 4096):
                    pass
            except BlockingIOError:
                pass
            reap()
        else:
            drain(key.data[1], key.fd)
`;
