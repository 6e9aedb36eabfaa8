"""Test support: writes the notebook-side and package-side outputs of a comparison case, as the run modes would.

make_case.py HELPER_DIR CASE_JSON NB_OUT PKG_OUT, where CASE_JSON holds
{"setup": python code, "notebook": {name: expression}, "package": {name: expression},
 "notebook_files": {relative path: text}, "package_files": {relative path: text}}.
"""
import json
import os
import sys

sys.path.insert(0, sys.argv[1])
import nb2prod_verify as helper  # noqa: E402

with open(sys.argv[2], encoding="utf-8") as handle:
    case = json.load(handle)
namespace = {}
exec(case.get("setup", ""), namespace)
for side, out_dir in (("notebook", sys.argv[3]), ("package", sys.argv[4])):
    os.makedirs(out_dir, exist_ok=True)
    values = {name: eval(expression, namespace) for name, expression in case.get(side, {}).items()}
    entries = helper.capture(values, list(values), out_dir)
    files = {}
    scratch = os.path.join(out_dir, "scratch")
    for rel, text in case.get(side + "_files", {}).items():
        path = os.path.join(scratch, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        helper.keep_file(path, rel, out_dir, files)
    helper._write_json(os.path.join(out_dir, "manifest.json"),
                       {"artifacts": entries, "order": list(values), "files": files})
