"""Test support: writes the notebook-side and package-side outputs of a comparison case, as the run modes would.

make_case.py HELPER_DIR CASE_JSON NB_OUT PKG_OUT, where CASE_JSON holds
{"setup": python code, "notebook": {name: expression}, "package": {name: expression},
 "notebook_files": {relative path: text}, "package_files": {relative path: text},
 "results": [nb2prod.json results] (optional: then the notebook side is a run of those results),
 "samples": {result name: {sample name: expression}}, "images": {figure result name: count},
 "why": {result name: why the notebook does not hold it}}.
A file text starting with "latin1:" is written as the bytes of the rest in Latin-1.
Package expressions may use `scratch`, the folder the package files are written to (its output_root); a returned
path of a file there is recorded with the file, as run-package does.
"""
import json
import os
import sys

sys.path.insert(0, sys.argv[1])
import nb2prod_verify as helper  # noqa: E402

with open(sys.argv[2], encoding="utf-8") as handle:
    case = json.load(handle)
namespace = {"__name__": "__main__"}
exec(case.get("setup", ""), namespace)
# classes the setup defines pickle as __main__.<name>, as those a notebook defines do
for key, value in list(namespace.items()):
    if isinstance(value, type) and value.__module__ == "__main__":
        setattr(sys.modules["__main__"], key, value)
results = case.get("results")
for side, out_dir in (("notebook", sys.argv[3]), ("package", sys.argv[4])):
    os.makedirs(out_dir, exist_ok=True)
    scratch = os.path.abspath(os.path.join(out_dir, "scratch"))
    namespace["scratch"] = scratch
    files = {}
    for rel, text in case.get(side + "_files", {}).items():
        path = os.path.join(scratch, *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(text[len("latin1:"):].encode("latin-1") if text.startswith("latin1:") else text.encode("utf-8"))
        helper.keep_file(path, rel, out_dir, files)
    values = {name: eval(expression, namespace) for name, expression in case.get(side, {}).items()}
    manifest = {"files": files, "side": side}
    if side == "notebook" and results is not None:
        entries = {}
        for position, result in enumerate(results):
            name = result["name"]
            if name in case.get("why", {}):
                entries[name] = {"kind": "undefined", "why": case["why"][name]}
            elif result["kind"] == "figure":
                entries[name] = {"kind": "figure", "images": case.get("images", {}).get(name, 0), "cell": result["cell"]}
            elif name in values:
                entries[name] = helper.capture_value(values[name], out_dir, "result_%d.pkl" % position)
                samples = case.get("samples", {}).get(name, {})
                if samples:
                    entries[name]["samples"] = helper._capture_samples(
                        {k: eval(v, namespace) for k, v in samples.items()}, out_dir, position, values[name])
        manifest.update({"artifacts": entries, "order": list(entries), "results": results})
    else:
        entries = helper.capture(values, list(values), out_dir)
        for name in values:
            written = helper._returned_file(values[name], (scratch,))
            if written:
                entries[name]["file"] = written
        manifest.update({"artifacts": entries, "order": list(values)})
    helper._write_json(os.path.join(out_dir, "manifest.json"), manifest)
