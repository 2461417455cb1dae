#!/usr/bin/env python3
"""Validates deck specs against schemas/deck.schema.json with an independent validator
(Debian's python3-jsonschema). Usage: deck_schema_check.py SCHEMA SPEC...; prints one line per
problem and exits 1 when any spec does not conform."""
import json
import sys

import jsonschema
import yaml


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = 0
    for path in sys.argv[2:]:
        document = yaml.safe_load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(document):
            problems += 1
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
