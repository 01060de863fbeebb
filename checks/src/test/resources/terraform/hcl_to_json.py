"""Prints the Terraform configuration of one directory as JSON, for TerraformAuditSettingsTest.

Usage: python hcl_to_json.py DIR

Uses the HCL2 parser that checkov itself depends on (module hcl2, from bc-python-hcl2 pinned by
checkov in .ci/requirements.txt), run with checkov's interpreter. Output:
{"resource": {"TYPE.NAME": body}, "module": {NAME: body}, "variable": {...}, "output": {...},
 "locals": {...}, "terraform": [body, ...], "provider": {NAME: body}, "data": {"TYPE.NAME": body}}
Attribute values that the parser wraps in one-element lists are unwrapped; nested blocks stay lists
of objects (a block may repeat).
"""
import json
import pathlib
import sys

import hcl2


def unwrap(value):
    if isinstance(value, dict):
        return {k: unwrap_attr(v) for k, v in value.items() if not k.startswith("__")}
    if isinstance(value, list):
        return [unwrap(v) for v in value]
    return value


def unwrap_attr(value):
    # The parser gives attributes as [value] and blocks as [{...}, ...].
    if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], dict):
        return unwrap(value[0])
    return unwrap(value)


def main(directory):
    model = {"resource": {}, "data": {}, "module": {}, "variable": {}, "output": {}, "locals": {},
             "terraform": [], "provider": {}}
    for path in sorted(pathlib.Path(directory).glob("*.tf")):
        with path.open(encoding="utf-8") as handle:
            parsed = hcl2.load(handle)
        for kind in ("resource", "data"):
            for block in parsed.get(kind, []):
                for rtype, named in block.items():
                    for name, body in named.items():
                        model[kind][f"{rtype}.{name}"] = unwrap(body)
        for kind in ("module", "variable", "output", "provider"):
            for block in parsed.get(kind, []):
                for name, body in block.items():
                    model[kind][name] = unwrap(body)
        for block in parsed.get("locals", []):
            model["locals"].update(unwrap(block))
        for block in parsed.get("terraform", []):
            model["terraform"].append(unwrap(block))
    json.dump(model, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
