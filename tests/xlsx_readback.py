#!/usr/bin/python3
"""Independent reader for tenkai workbooks (openpyxl, not libxlsxwriter).

usage: xlsx_readback.py WORKBOOK.xlsx            dumps every sheet as JSON on stdout
       xlsx_readback.py WORKBOOK.xlsx MATRIX.json [REGISTRY_SESSIONS]
           checks the 波及状況 sheet against `tenkai matrix --format json` and prints "ok"
           (or every mismatch, exit 1). REGISTRY_SESSIONS, when given, is the number of
           sessions the 研修会一覧 sheet must list.

The dump holds, per sheet: cells {"A1": value} (formulas as their text, cached values under
"cached"), frozen panes, autofilter range, column widths and hidden columns, print settings,
merged document properties, and the charts' types.
"""
import json
import sys

import openpyxl


def dump(path):
    book = openpyxl.load_workbook(path)  # formulas as text
    cached = openpyxl.load_workbook(path, data_only=True)  # the values libxlsxwriter cached
    out = {"properties": {}, "sheets": {}}
    props = book.properties
    out["properties"] = {
        "title": props.title, "subject": props.subject, "creator": props.creator,
        "keywords": props.keywords, "created": props.created.isoformat() if props.created else None,
    }
    for sheet in book.worksheets:
        values = cached[sheet.title]
        cells, formulas = {}, {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    formulas[cell.coordinate] = cell.value
                    cells[cell.coordinate] = values[cell.coordinate].value
                else:
                    cells[cell.coordinate] = cell.value
        out["sheets"][sheet.title] = {
            "cells": cells,
            "formulas": formulas,
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "widths": {k: v.width for k, v in sorted(sheet.column_dimensions.items()) if v.width},
            "hidden": sorted(k for k, v in sheet.column_dimensions.items() if v.hidden),
            "landscape": sheet.page_setup.orientation == "landscape",
            # Fitting: fitToPage in sheetPr, then pages wide (absent = 1) and tall (0 = any).
            "fit_to_page": bool(sheet.sheet_properties.pageSetUpPr
                                and sheet.sheet_properties.pageSetUpPr.fitToPage),
            "fit_width": int(sheet.page_setup.fitToWidth or 1),
            "fit_height": 1 if sheet.page_setup.fitToHeight is None else int(sheet.page_setup.fitToHeight),
            "print_title_rows": sheet.print_title_rows,
            "charts": len(sheet._charts),
        }
    return out


def rows_of(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]


def check(path, matrix_path, session_count=None):
    matrix = json.load(open(matrix_path, encoding="utf-8"))
    cached = openpyxl.load_workbook(path, data_only=True)
    problems = []
    sheet = cached["波及状況"]
    grid = rows_of(sheet)
    # The header row is the first row whose first cell is the region column's header.
    header_index = next(i for i, r in enumerate(grid) if r and r[0] == "開催地域")
    header = grid[header_index]
    year_cols = {}
    for c, h in enumerate(header):
        if isinstance(h, str) and h.split("年度")[0].isdigit():
            year_cols[int(h.split("年度")[0])] = c
    if sorted(year_cols) != matrix["years"]:
        problems.append(f"years {sorted(year_cols)} != {matrix['years']}")
    label_col = header.index("開催地域")
    org_col = header.index("主催")
    first_col = header.index("初年度") if "初年度" in header else None
    body = grid[header_index + 1: header_index + 1 + len(matrix["rows"])]
    for r, (row, want) in enumerate(zip(body, matrix["rows"])):
        where = f"row {header_index + 2 + r}"
        if row[label_col] != want["label"]:
            problems.append(f"{where}: label {row[label_col]!r} != {want['label']!r}")
        if (row[org_col] or "") != "・".join(want["organizers"]):
            problems.append(f"{where}: organizers {row[org_col]!r} != {want['organizers']!r}")
        if first_col is not None and row[first_col] != want["first_year"]:
            problems.append(f"{where}: first year {row[first_col]!r} != {want['first_year']}")
        for year, c in year_cols.items():
            got = row[c]
            cell = want["cells"].get(str(year))
            if cell is None:
                if got not in (None, ""):
                    problems.append(f"{where} {year}: {got!r} where the matrix has no session")
                continue
            lines = (got or "").split("\n")
            # One mark per held year; with count_sessions, "●×N" when N sessions were held.
            marks = ("●",) if cell["sessions"] == 1 else ("●", f"●×{cell['sessions']}")
            mark = marks[-1]
            if lines[0] not in marks or lines[1:] != cell["notes"]:
                problems.append(f"{where} {year}: {got!r} != {mark} {cell['notes']}")
    totals = {}
    for row in grid[header_index + 1 + len(matrix["rows"]):]:
        if row and row[0] in ("開催地域数", "新規開催地域数", "累計開催地域数"):
            totals[row[0]] = row
    for label, key in (("開催地域数", "active"), ("新規開催地域数", "new"), ("累計開催地域数", "cumulative")):
        if label not in totals:
            problems.append(f"no {label} row")
            continue
        for year, c in year_cols.items():
            got = totals[label][c]
            want = matrix["totals"][key][str(year)]
            if got != want:
                problems.append(f"{label} {year}: {got!r} != {want}")
    if len(grid) <= header_index + len(matrix["rows"]):
        problems.append("fewer rows than the matrix")
    if session_count is not None:
        sessions = rows_of(cached["研修会一覧"])
        if len(sessions) - 1 != session_count:
            problems.append(f"研修会一覧 has {len(sessions) - 1} rows, registry has {session_count} sessions")
    for p in problems:
        print(p)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) == 2:
        json.dump(dump(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=1, default=str)
        print()
    elif len(sys.argv) in (3, 4):
        sys.exit(check(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else None))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
