"""Dev helper: diff the served /openapi.json of a generated project (cwd) with openApiFor's JSON (argv[1]).

Descriptions, titles and summaries are ignored; numbers compare by value.
"""
import json, sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, ".")
from app.main import app
served = app.openapi()
expected = json.load(open(sys.argv[1]))
IGNORED = {"description", "title", "summary"}
def norm(x, key=None):
    if isinstance(x, dict):
        return {k: norm(v, k) for k, v in sorted(x.items()) if k not in IGNORED or key in ("properties", "schemas", "paths", "responses")}
    if isinstance(x, list):
        items = [norm(v) for v in x]
        if key in ("required", "tags"):
            return sorted(items, key=json.dumps)
        return items
    return x
a, b = norm(served), norm(expected)
def diff(a, b, path=""):
    if type(a) != type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float)) and a == b):
        print("TYPE", path, json.dumps(a)[:200], "|", json.dumps(b)[:200]); return
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a: print("EXTRA(ts)", path + "/" + k, json.dumps(b[k])[:150])
            elif k not in b: print("MISSING(ts)", path + "/" + k, json.dumps(a[k])[:150])
            else: diff(a[k], b[k], path + "/" + k)
    elif isinstance(a, list):
        if len(a) != len(b): print("LEN", path, json.dumps(a)[:200], "|", json.dumps(b)[:200]); return
        for i, (x, y) in enumerate(zip(a, b)): diff(x, y, f"{path}[{i}]")
    elif a != b:
        print("VALUE", path, json.dumps(a)[:150], "|", json.dumps(b)[:150])
diff(a, b)
print("compared", len(served["paths"]), "paths", len(served["components"]["schemas"]), "schemas")
