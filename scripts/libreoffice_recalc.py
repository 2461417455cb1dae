#!/usr/bin/python3
"""Open a tenkai workbook in LibreOffice (headless), recalculate every formula, and compare the
recalculated totals of the spread-matrix sheet with `tenkai matrix --format json`.

usage: libreoffice_recalc.py WORKBOOK.xlsx MATRIX.json [SHEET]

LibreOffice normally trusts the values cached in an .xlsx file; a throw-away user profile with
OOXMLRecalcMode=0 ("always recalculate") makes it evaluate the formulas itself. The sheet
(default 波及状況) is exported to CSV and its rows 開催地域数 / 新規開催地域数 / 累計開催地域数 are
compared year by year with the matrix's active / new / cumulative totals, and its 初年度 column
with each row's first_year. A yearly-totals sheet (集計: a 年度 column and one column per total)
is compared row by row with the same totals. Prints "ok" or every mismatch (exit 1); exit 3 when soffice is missing.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

TOTAL_ROWS = {"開催地域数": "active", "新規開催地域数": "new", "累計開催地域数": "cumulative"}


def recalculated_csv(workbook, sheet, work):
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    # Filter options: comma, double quote, UTF-8 (76), first line 1, ..., sheet by name.
    target = f'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet_index(workbook, sheet)}'
    command = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", work, workbook]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240)
    produced = [n for n in os.listdir(work) if n.endswith(".csv")]
    if done.returncode != 0 or not produced:
        raise RuntimeError(f"soffice failed ({done.returncode}): {done.stderr.strip()}")
    with open(os.path.join(work, produced[0]), encoding="utf-8") as f:
        return list(csv.reader(f))


def sheet_index(workbook, sheet):
    import openpyxl
    names = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    return names.index(sheet) + 1


SUMMARY_COLUMNS = {"開催地域数": "active", "新規開催地域数": "new", "累計開催地域数": "cumulative"}


def compare_summary(rows, matrix):
    """A yearly-totals sheet (集計): one row per fiscal year, a column per total."""
    problems = []
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "年度")
    header = rows[header_at]
    columns = {SUMMARY_COLUMNS[h]: c for c, h in enumerate(header) if h in SUMMARY_COLUMNS}
    if len(columns) != 3:
        problems.append(f"summary header {header!r} lacks a total column")
    found = set()
    for row in rows[header_at + 1:]:
        head = row[0].split("年度")[0] if row else ""
        if not head.isdigit():
            continue
        found.add(int(head))
        for key, c in columns.items():
            want = matrix["totals"][key][head]
            if row[c] != str(want):
                problems.append(f"{row[0]} {key}: recalculated {row[c]!r} != {want}")
    if sorted(found) != matrix["years"]:
        problems.append(f"summary years {sorted(found)} != {matrix['years']}")
    return problems


def compare(rows, matrix):
    problems = []
    if any(r and r[0] == "年度" for r in rows) and not any(r and r[0] == "開催地域" for r in rows):
        return compare_summary(rows, matrix)
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "開催地域")
    header = rows[header_at]
    year_cols = {}
    for c, h in enumerate(header):
        head = h.split("年度")[0]
        if head.isdigit():
            year_cols[int(head)] = c
    if sorted(year_cols) != matrix["years"]:
        problems.append(f"years {sorted(year_cols)} != {matrix['years']}")
    if "初年度" in header:
        first_col = header.index("初年度")
        for i, want in enumerate(matrix["rows"]):
            got = rows[header_at + 1 + i][first_col]
            if got != str(want["first_year"]):
                problems.append(f"{want['label']}: first year {got!r} != {want['first_year']}")
    seen = set()
    for row in rows[header_at + 1:]:
        if not row or row[0] not in TOTAL_ROWS:
            continue
        key = TOTAL_ROWS[row[0]]
        seen.add(key)
        for year, c in year_cols.items():
            want = matrix["totals"][key][str(year)]
            if row[c] != str(want):
                problems.append(f"{row[0]} {year}: recalculated {row[c]!r} != {want}")
    for key in TOTAL_ROWS.values():
        if key not in seen:
            problems.append(f"no {key} row")
    return problems


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    if not shutil.which("soffice"):
        print("soffice not found", file=sys.stderr)
        return 3
    workbook, matrix_path = os.path.abspath(sys.argv[1]), sys.argv[2]
    sheet = sys.argv[3] if len(sys.argv) == 4 else "波及状況"
    with open(matrix_path, encoding="utf-8") as f:
        matrix = json.load(f)
    with tempfile.TemporaryDirectory(prefix="tenkai-lo-") as work:
        rows = recalculated_csv(workbook, sheet, work)
    problems = compare(rows, matrix)
    for p in problems:
        print(p)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
