"""Holds the patterns the generated app checks against Pydantic's own engines (scripts/patterns.ts)."""

import json
import sys
import warnings

from pydantic_core import SchemaValidator, ValidationError, core_schema


def main(path: str) -> int:
    warnings.simplefilter("error")
    with open(path, encoding="utf-8") as file:
        cases = json.load(file)
    broken: list[str] = []
    checked = 0
    for case in cases:
        for engine in case["engines"]:
            schema = core_schema.str_schema(pattern=case["source"], regex_engine=engine)
            try:
                validator = SchemaValidator(schema)
            except Exception as error:  # noqa: BLE001 - any failure to build is the finding
                broken.append(
                    f"does not compile in {engine}: {case['pattern']!r}: {str(error).splitlines()[-1]}"
                )
                continue
            if not case["matching"]:
                continue
            checked += 1
            for value in case["matching"]:
                try:
                    validator.validate_python(value)
                except ValidationError:
                    broken.append(
                        f"{engine} refuses {value!r}, drawn for {case['pattern']!r}"
                    )
            mismatch = case.get("mismatch")
            if mismatch is not None:
                try:
                    validator.validate_python(mismatch)
                    broken.append(
                        f"{engine} accepts {mismatch!r}, drawn to mismatch {case['pattern']!r}"
                    )
                except ValidationError:
                    pass
    drawn = sum(1 for case in cases if case["matching"])
    print(
        f"{len(cases)} rewritten, each compiled in its engines; {drawn} checked ({checked} pattern-engine pairs)"
    )
    print(f"disagreements: {len(broken)}")
    for line in broken[:40]:
        print(f"  {line}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
