#!/usr/bin/env python3
"""Counts the property tests in tests/**/*.rs and src/**/*.rs and the cases each
runs (from `cases: N` or `with_cases(N)` in its proptest! block), and prints
one line per file and a total. Reads the sources only; runs nothing."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
total_tests = total_cases = 0
for path in sorted(list(root.glob("tests/**/*.rs")) + list(root.glob("src/**/*.rs"))):
    text = path.read_text(encoding="utf-8")
    for block in re.finditer(r"proptest!\s*\{", text):
        # The block runs to the matching brace.
        depth, i = 0, block.end() - 1
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        body = text[block.end():i]
        m = re.search(r"cases:\s*(\d+)|with_cases\((\d+)\)", body)
        cases = int(next(g for g in m.groups() if g)) if m else 256
        tests = len(re.findall(r"#\[test\]\s*fn\s", body))
        total_tests += tests
        total_cases += tests * cases
        print(f"  {path.relative_to(root)}: {tests} property tests x {cases} cases")
print(f"property tests: {total_tests}, generated cases per run: {total_cases}")
sys.exit(0)
