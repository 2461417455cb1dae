#!/usr/bin/env python3
"""Layout invariants of the default deck and the national deck (layouts/national.yaml), read from
`tenkai scene` JSON (the public artefact).

For the seed registry, the FY2016 update fixture and more than fifty generated registries
(national ones from tenkai-gen-national at several sizes and seeds, and odd ones written here:
one region, one year, thirty years, very long names and notes, every era form), every page of
the default deck in 4:3 (and, for a subset, in 16:9) must satisfy:

  overlap    no two painted lines overlap;
  page       every line lies inside its page;
  cell       every line inside a table lies inside its cell, every line inside a shape inside it;
  size       no type below 8 pt; on 4:3 pages body text, table cells and shape labels >= 10 pt;
  rows       the rollout table's rows over all its pages are the matrix rows, in order, with the
             mark in exactly the right years (`tenkai matrix --format json`); in the national
             deck, which chooses rows, every row is a matrix row with exactly its marks;
  pages      the national deck has at most 20 pages;
  chart      the adoption chart's categories and values are the matrix years and totals;
  period     no fiscal year outside the reporting period appears in a table, chart or drawing;
  links      every registry link between two regions drawn on a page, of a kind that page
             draws, is drawn there as a connector naming it, unless the page says how many it
             leaves out (ほか3件, ほか12地域, ほかに1組);
  summary    a box that stands for what a diagram leaves out tells the truth: "ほか N回" beside a
             region's session boxes makes up that region's sessions in the period, and the arrow
             into "ほか N地域" carries the links of exactly N regions.

`--self-test` breaks each invariant once on purpose (on the seed's scene) and fails unless the
checker notices, so none of the checks can pass vacuously.

usage: scene_invariants.py TENKAI GEN_NATIONAL SOURCE_DIR [--self-test] [--quick]
                           [--known=SLIDE:INVARIANT,...]   (SCENE_JOBS=N: parallel runs)
"""

import concurrent.futures
import copy
import json
import os
import random
import re
import subprocess
import sys
import tempfile

import yaml

MIN_TYPE = 8.0
MIN_BODY_4_3 = 10.0
TOLERANCE = 0.5  # points: rounding of boxes in the JSON and antialiasing slack
BODY_ROLES = ("body", "bullet")

# ---- Running tenkai -----------------------------------------------------------------------------


def run(cmd, timeout=600):
    result = subprocess.run(cmd, capture_output=True, timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} exited {result.returncode}:\n{result.stderr.decode(errors='replace')}")
    return result.stdout


def scene(tenkai, spec, registry):
    return json.loads(run([tenkai, "scene", spec, "--data", registry]))


def matrix(tenkai, registry):
    return json.loads(run([tenkai, "matrix", "--data", registry, "--format", "json"]))


# ---- Geometry -----------------------------------------------------------------------------------


def inside(inner, outer, tolerance=TOLERANCE):
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return (x >= ox - tolerance and y >= oy - tolerance and x + w <= ox + ow + tolerance
            and y + h <= oy + oh + tolerance)


def center(box):
    return (box[0] + box[2] / 2, box[1] + box[3] / 2)


def contains_point(box, point):
    return box[0] <= point[0] <= box[0] + box[2] and box[1] <= point[1] <= box[1] + box[3]


def overlap(a, b):
    """Overlap of two boxes beyond the tolerance in both directions."""
    dx = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    dy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return dx > TOLERANCE and dy > TOLERANCE


def table_cells(table):
    """Every cell's rectangle, as {(row, col): box}, merged cells as one."""
    x0, y0 = table["box"][0], table["box"][1]
    widths, heights = table["column_widths"], table["row_heights"]
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [y0]
    for h in heights:
        ys.append(ys[-1] + h)
    covered = {}
    for row, col, rows, cols in table.get("spans", []):
        box = [xs[col], ys[row], xs[col + cols] - xs[col], ys[row + rows] - ys[row]]
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                covered[(r, c)] = box
    cells = {}
    for r in range(len(heights)):
        for c in range(len(widths)):
            cells[(r, c)] = covered.get((r, c), [xs[c], ys[r], widths[c], heights[r]])
    return cells


# ---- Reading the rollout table ------------------------------------------------------------------

ERA_BASE = {"M": 1867, "T": 1911, "S": 1925, "H": 1988, "R": 2018,
            "明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}


def header_year(text):
    """The fiscal year a header cell names (2011, 2011年, 2011年度, H23, 平成23年度), or None."""
    match = re.fullmatch(r"\s*((?:19|20)\d\d)\s*年?度?\s*", text)
    if match:
        return int(match.group(1))
    match = re.fullmatch(r"\s*(明治|大正|昭和|平成|令和|[MTSHR])\s*(元|\d+)\s*年?度?\s*", text)
    if match:
        n = 1 if match.group(2) == "元" else int(match.group(2))
        return ERA_BASE[match.group(1)] + n
    return None


def year_columns(table):
    columns = {}
    for row in table["rows"][:table["header_rows"]]:
        for c, text in enumerate(row):
            year = header_year(text)
            if year is not None:
                columns[c] = year
    return columns


# ---- The invariants -----------------------------------------------------------------------------


def check_page(page, widescreen, problems):
    where = f"page {page['page']} ({page['slide']})"
    lines = page["lines"]
    items = page["items"]
    # page: every line inside the page.
    for line in lines:
        if not inside(line["box"], [0, 0, page["width"], page["height"]]):
            problems.append(("page", f"{where}: line {line['text']!r} at {line['box']} leaves the page"))
    # overlap: no two painted lines overlap.
    ordered = sorted(range(len(lines)), key=lambda i: lines[i]["box"][1])
    for k, i in enumerate(ordered):
        a = lines[i]["box"]
        for j in ordered[k + 1:]:
            b = lines[j]["box"]
            if b[1] > a[1] + a[3]:
                break
            if overlap(a, b):
                problems.append(("overlap", f"{where}: {lines[i]['text']!r} {a} overlaps "
                                            f"{lines[j]['text']!r} {b}"))
    # size: floors.
    tables = [item for item in items if item["kind"] == "table"]
    shapes = [item for item in items if item["kind"] == "shape"]
    body_boxes = [item["box"] for item in items
                  if item["kind"] == "text" and item["role"].startswith(BODY_ROLES)]
    for line in lines:
        size = line["size"]
        if size < MIN_TYPE - 1e-6:
            problems.append(("size", f"{where}: {line['text']!r} is set at {size} pt (< {MIN_TYPE})"))
            continue
        if widescreen:
            continue
        c = center(line["box"])
        kind = None
        if any(contains_point(t["box"], c) for t in tables):
            kind = "table cell"
        elif any(contains_point(s["box"], c) for s in shapes):
            kind = "shape label"
        elif any(inside(line["box"], b) for b in body_boxes):
            kind = "body text"
        if kind and size < MIN_BODY_4_3 - 1e-6:
            problems.append(("size", f"{where}: {kind} {line['text']!r} is set at {size} pt "
                                     f"(< {MIN_BODY_4_3} on a 4:3 page)"))
    # cell: lines inside their table cell or shape.
    for table in tables:
        cells = table_cells(table)
        for line in lines:
            c = center(line["box"])
            if not contains_point(table["box"], c):
                continue
            home = [box for box in cells.values() if contains_point(box, c)]
            if not home or not any(inside(line["box"], box) for box in home):
                problems.append(("cell", f"{where}: {line['text']!r} {line['box']} is not inside "
                                         f"its table cell"))
    for line in lines:
        c = center(line["box"])
        homes = [s["box"] for s in shapes if contains_point(s["box"], c)]
        if homes and not any(inside(line["box"], box) for box in homes):
            problems.append(("cell", f"{where}: {line['text']!r} {line['box']} crosses the edge of "
                                     f"its shape"))


def check_selected_rows(tables, mx, problems):
    """Decks that choose rows (where / sort / limit, for_each): each row is a matrix row, shown
    once per table, with the mark in exactly the right years."""
    by_label = {}
    for row in mx["rows"]:
        by_label.setdefault(row["label"], []).append(row)
    for number, table in tables:
        columns = year_columns(table)
        seen = {}
        for row in table["rows"][table["header_rows"]:]:
            candidates = by_label.get(row[0], [])
            if not candidates:
                problems.append(("rows", f"page {number}: row {row[0]!r} is not a matrix row"))
                continue
            seen[row[0]] = seen.get(row[0], 0) + 1
            if seen[row[0]] > len(candidates):
                problems.append(("rows", f"page {number}: row {row[0]!r} shown twice"))
            # Regions may share a label; the row must be one of them, marks and all.
            tried = []
            for expected in candidates:
                tried = []
                check_body([(number, row, columns)], {"rows": [expected]}, tried)
                if not tried:
                    break
            problems.extend(tried)


def check_rows(doc, mx, problems, selected=False):
    tables = [(page["page"], item) for page in doc["pages"] for item in page["items"]
              if item["kind"] == "table" and item.get("role") == "rollout_table"]
    if not tables:
        if not selected or mx["rows"]:
            problems.append(("rows", "no rollout table in the deck"))
        return
    if selected:
        check_selected_rows(tables, mx, problems)
        return
    # With many years the table comes in parts, each a run of consecutive years over every row:
    # each part's rows are the matrix rows, and the parts' years together are the matrix years.
    parts = {}
    for number, table in tables:
        columns = year_columns(table)
        key = tuple(sorted(columns.values()))
        parts.setdefault(key, [])
        for row in table["rows"][table["header_rows"]:]:
            parts[key].append((number, row, columns))
    named = sorted(y for key in parts for y in key)
    if named != mx["years"]:
        problems.append(("rows", f"the table's year columns {named} are not the matrix years "
                                 f"{mx['years']}"))
    for key, body in parts.items():
        if len(body) != len(mx["rows"]):
            problems.append(("rows", f"the rollout table ({key[0] if key else '-'}–"
                                     f"{key[-1] if key else '-'}) has {len(body)} rows over its "
                                     f"pages, the matrix {len(mx['rows'])}"))
        check_body(body, mx, problems)


def check_body(body, mx, problems):
    for (number, row, columns), expected in zip(body, mx["rows"]):
        if row[0] != expected["label"]:
            problems.append(("rows", f"page {number}: row {row[0]!r} where the matrix has "
                                     f"{expected['label']!r}"))
            continue
        for c, year in columns.items():
            cell = expected["cells"].get(str(year))
            text = row[c] if c < len(row) else ""
            if bool(cell) != ("●" in text):
                problems.append(("rows", f"page {number}: {row[0]} {year}: cell {text!r}, matrix "
                                         f"{'has' if cell else 'has no'} sessions"))
            elif cell and cell["sessions"] > 1 and f"×{cell['sessions']}" not in text:
                problems.append(("rows", f"page {number}: {row[0]} {year}: {cell['sessions']} "
                                         f"sessions but the cell shows {text!r}"))


def check_chart(doc, mx, problems):
    charts = [item for page in doc["pages"] for item in page["items"]
              if item["kind"] == "chart" and item.get("role") == "adoption_chart"]
    if not charts and mx["years"]:
        problems.append(("chart", "no adoption chart in the deck"))
    for chart in charts:
        if chart["categories"] != mx["years"]:
            problems.append(("chart", f"chart categories {chart['categories']} != matrix years "
                                      f"{mx['years']}"))
        wanted = {"bar": [mx["totals"]["new"][str(y)] for y in mx["years"]],
                  "line": [mx["totals"]["cumulative"][str(y)] for y in mx["years"]]}
        kinds = {series["kind"]: series["values"] for series in chart["series"]}
        for kind, values in wanted.items():
            if kinds.get(kind) != values:
                problems.append(("chart", f"chart {kind} series {kinds.get(kind)} != matrix "
                                          f"{values}"))


YEAR = re.compile(r"(?<![\d])((?:19|20)\d\d)(?![\d])(?!年\d{1,2}月)")
ERA = re.compile(r"(平成|令和|(?<![A-Za-z])[HR])(元|\d{1,2})(?![\d])")


def years_named(text):
    found = [int(m.group(1)) for m in YEAR.finditer(text)]
    for m in ERA.finditer(text):
        n = 1 if m.group(2) == "元" else int(m.group(2))
        found.append(ERA_BASE[m.group(1)] + n)
    return found


def check_period(doc, mx, problems):
    if not mx["years"]:
        return
    first, last = mx["years"][0], mx["years"][-1]
    for page in doc["pages"]:
        data = [item for item in page["items"] if item["kind"] in ("table", "chart", "drawing")]
        texts = []
        for item in data:
            if item["kind"] == "chart":
                texts += [str(y) for y in item["categories"]]
            if item["kind"] == "table":
                texts += [cell for row in item["rows"] for cell in row]
        for line in page["lines"]:
            c = center(line["box"])
            if any(contains_point(item["box"], c) for item in data):
                texts.append(line["text"])
        for text in texts:
            for year in years_named(text):
                if not first <= year <= last:
                    problems.append(("period", f"page {page['page']} ({page['slide']}): {text!r} "
                                               f"names FY{year}, outside {first}–{last}"))


LEFT_OUT = re.compile(r"ほか(?:に)?[0-9０-９]+")


def connector_links(item):
    links = list(item.get("links", []))
    if "link" in item:
        links.append(item["link"])
    return [(l["from"], l["to"], l["kind"]) for l in links]


def check_links(doc, links, problems):
    """Every registry link between regions drawn on a page, of a kind drawn there, is drawn."""
    for page in doc["pages"]:
        items = page["items"]
        regions = {i["region"] for i in items if i["kind"] == "shape" and i.get("region")}
        drawn = set()
        for item in items:
            if item["kind"] == "connector":
                drawn.update(connector_links(item))
        kinds = {kind for _, _, kind in drawn}
        says_left_out = any(LEFT_OUT.search(line["text"]) for line in page["lines"])
        for link in links:
            if link[0] in regions and link[1] in regions and link[2] in kinds:
                if link not in drawn and not says_left_out:
                    problems.append(("links", f"page {page['page']}: the {link[2]} link "
                                              f"{link[0]} → {link[1]} is not drawn, and the page "
                                              f"does not say that links are left out"))
        ids = [i["id"] for i in items if i["kind"] == "shape"]
        for item in items:
            if item["kind"] == "connector":
                for end in (item.get("from"), item.get("to")):
                    if end not in ids:
                        problems.append(("links", f"page {page['page']}: a connector names the "
                                                  f"shape {end!r}, which is not on the page"))
        if len(ids) != len(set(ids)):
            problems.append(("links", f"page {page['page']}: shape ids repeat"))


SUMMARY_SESSIONS = re.compile(r"ほか(\d+)回")
SUMMARY_REGIONS = re.compile(r"ほか(\d+)地域")


def check_summaries(doc, mx, sessions, problems):
    """What a diagram says it leaves out is what it leaves out."""
    if not mx["years"]:
        return
    first, last = mx["years"][0], mx["years"][-1]
    for page in doc["pages"]:
        where = f"page {page['page']} ({page['slide']})"
        shapes = [i for i in page["items"] if i["kind"] == "shape"]
        for more in shapes:
            if more.get("role") != "more":
                continue
            text = more.get("text", "")
            match = SUMMARY_SESSIONS.fullmatch(text)
            if match and more.get("region"):
                region = more["region"]
                shown = sum(1 for i in shapes if i.get("role") == "session"
                            and i.get("region") == region)
                held = sum(1 for y in sessions.get(region, []) if y is not None and
                           first <= y <= last)
                if shown + int(match.group(1)) != held:
                    problems.append(("summary", f"{where}: {shown} session boxes and {text!r} "
                                                f"for {region}, which held {held} sessions"))
            match = SUMMARY_REGIONS.fullmatch(text)
            if match:
                into = [c for c in page["items"] if c["kind"] == "connector"
                        and c.get("to") == more["id"]]
                regions = {to for c in into for _, to, _ in connector_links(c)}
                if into and len(regions) != int(match.group(1)):
                    problems.append(("summary", f"{where}: {text!r} but its arrow carries the "
                                                f"links of {len(regions)} regions"))


def fiscal_year(value):
    """A registry fiscal year (2011, H23, 平成23年度, R1, 令和元年度) as a western year."""
    if isinstance(value, int):
        return value
    return header_year(str(value))


def registry_sessions(path):
    """Every session's fiscal year, by region id (counted or not)."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    out = {}
    for session in data.get("sessions") or []:
        if isinstance(session, dict) and "region" in session:
            out.setdefault(str(session["region"]), []).append(
                fiscal_year(session.get("fiscal_year")))
    return out


def registry_links(path):
    """The (from, to, kind) of every link of a registry file."""
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f) or {}
    out = []
    for link in data.get("links") or []:
        if isinstance(link, dict) and {"from", "to", "kind"} <= link.keys():
            out.append((str(link["from"]), str(link["to"]), str(link["kind"])))
    return out


def check_deck(doc, mx, widescreen, links=None, selected=False, sessions=None):
    problems = []
    for page in doc["pages"]:
        check_page(page, widescreen, problems)
    check_rows(doc, mx, problems, selected)
    if selected and len(doc["pages"]) > 20:
        problems.append(("pages", f"the national deck has {len(doc['pages'])} pages (> 20)"))
    check_chart(doc, mx, problems)
    check_period(doc, mx, problems)
    if links is not None:
        check_links(doc, links, problems)
    if sessions is not None:
        check_summaries(doc, mx, sessions, problems)
    return problems


# ---- Registries ---------------------------------------------------------------------------------

PREFECTURES = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
               "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
               "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
               "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
               "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
               "鹿児島県", "沖縄県"]
KANJI = "山川田中野上下本大小北南東西松竹梅森林村井石原沢谷浜崎島岡平長高新古"


def era_form(year, style):
    if style == 0 or year < 1989:
        return str(year)
    if year >= 2019:
        n = year - 2018
        return ["R%d" % n, "令和元年度" if n == 1 else "令和%d年度" % n][style % 2]
    n = year - 1988
    return ["H%d" % n, "平成元年度" if n == 1 else "平成%d年度" % n][style % 2]


def odd_registry(rng, regions, first, last, long_text=False, eras=False, one_region=False):
    """A small registry written here: the shapes the national generator does not produce."""
    out = ["tenkai: 1", "registry:", "  title: 在宅医療推進のための地域における多職種連携研修会",
           "  caveat: 事務局把握分のみ", f"  years: [{first}, {last}]", "regions:"]
    ids = []
    count = 1 if one_region else regions
    for i in range(count):
        pref = PREFECTURES[rng.randrange(len(PREFECTURES))]
        name = "".join(rng.choice(KANJI) for _ in range(rng.randint(2, 3))) + "市"
        if long_text and i % 2 == 0:
            name = "".join(rng.choice(KANJI) for _ in range(rng.randint(10, 16))) + "市"
        rid = f"r{i}"
        ids.append(rid)
        out += [f"  - id: {rid}", f"    name: {name}", f"    prefecture: {pref}",
                "    level: municipality", "    organizers: [市, 地区医師会]"]
        if long_text and i % 3 == 0:
            out.append("    note: ※" + "".join(rng.choice(KANJI) for _ in range(rng.randint(20, 40))))
    out.append("sessions:")
    for i, rid in enumerate(ids):
        start = rng.randint(first, last)
        for year in range(start, last + 1):
            if rng.random() < 0.6 or year == start:
                fy = era_form(year, rng.randint(0, 2)) if eras else str(year)
                entry = f"  - {{region: {rid}, fiscal_year: {fy}"
                if long_text and rng.random() < 0.4:
                    entry += ", note: ※" + "".join(
                        rng.choice(KANJI) for _ in range(rng.randint(4, 18)))
                if rng.random() < 0.15:
                    entry += "}"
                    out.append(entry)  # a second session that year: ×2
                    entry = f"  - {{region: {rid}, fiscal_year: {fy}"
                out.append(entry + "}")
    return "\n".join(out) + "\n"


def registries(gen, work, quick):
    """(name, path, widescreen too) for every registry the checker runs on."""
    source = os.environ["TENKAI_SOURCE_DIR"]
    cases = [("seed", os.path.join(source, "fixtures/ipw-2015/registry.yaml"), True),
             ("fy2016-update", os.path.join(source, "fixtures/ipw-2016-update/registry.yaml"), True)]
    national = [(m, p, seed, first, last)
                for (m, p, first, last) in [(12, 3, 2011, 2015), (30, 6, 2011, 2025),
                                            (60, 10, 2011, 2020), (20, 1, 2014, 2014),
                                            (40, 47, 2011, 2040), (90, 20, 2005, 2015)]
                for seed in (1, 2, 3, 4)]
    if quick:
        national = national[::4]
    for i, (m, p, seed, first, last) in enumerate(national):
        path = os.path.join(work, f"national-{m}-{p}-{seed}-{first}-{last}.yaml")
        run([gen, "--municipalities", str(m), "--prefectures", str(p), "--seed", str(seed),
             "--first-year", str(first), "--last-year", str(last), "-o", path])
        cases.append((os.path.basename(path)[:-5], path, i % 6 == 0))
    odd = []
    for seed in range(6 if quick else 26):
        rng = random.Random(seed)
        kind = seed % 6
        if kind == 0:
            text = odd_registry(rng, 1, 2011, 2015, one_region=True)
        elif kind == 1:
            year = rng.randint(2005, 2030)
            text = odd_registry(rng, rng.randint(3, 12), year, year)
        elif kind == 2:
            text = odd_registry(rng, rng.randint(8, 25), 2001, 2030)
        elif kind == 3:
            text = odd_registry(rng, rng.randint(6, 20), 2011, 2018, long_text=True)
        elif kind == 4:
            text = odd_registry(rng, rng.randint(6, 20), 2016, 2022, eras=True)
        else:
            text = odd_registry(rng, rng.randint(5, 15), 2011, 2026, long_text=True, eras=True)
        path = os.path.join(work, f"odd-{seed}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        odd.append((f"odd-{seed}", path, seed % 9 == 0))
    return cases + odd


def widescreen_spec(source, work):
    path = os.path.join(source, "layouts/forum-2015.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert 'page: "4:3"' in text, "the default deck's page size is no longer written as 4:3"
    wide = os.path.join(work, "forum-2015-16x9.yaml")
    with open(wide, "w", encoding="utf-8") as f:
        f.write(text.replace('page: "4:3"', 'page: "16:9"', 1))
    return path, wide


# ---- Self-test: each invariant fails once on purpose --------------------------------------------


def self_test_national(doc, mx, known, links):
    """The national deck's checks (chosen rows, 20 pages) each notice their breakage."""
    def check(d):
        return [(i, m) for i, m in check_deck(d, mx, False, links, selected=True)
                if (slide_of(m), i) not in known]

    failed = []
    if check(doc):
        return [f"the seed's national deck must pass before it can be broken: {check(doc)[:3]}"]
    breaks = {}
    d = copy.deepcopy(doc)
    table = next(i for p in d["pages"] for i in p["items"] if i.get("role") == "rollout_table")
    table["rows"][-1][0] = "存在しない地域"
    breaks["rows (a row not in the matrix)"] = ("rows", d)
    d = copy.deepcopy(doc)
    table = next(i for p in d["pages"] for i in p["items"] if i.get("role") == "rollout_table")
    row = table["rows"][table["header_rows"]]
    c = next(k for k, text in enumerate(row) if "●" in text)
    row[c] = ""
    breaks["rows (a mark dropped)"] = ("rows", d)
    d = copy.deepcopy(doc)
    d["pages"] = (d["pages"] * 21)[:21]
    breaks["pages"] = ("pages", d)
    for what, (invariant, broken) in breaks.items():
        if invariant not in {name for name, _ in check(broken)}:
            failed.append(f"breaking '{what}' in the national deck on purpose went unnoticed")
    return failed


def self_test(doc, mx, known, links, national, sessions):
    def check(d):
        return [(i, m) for i, m in check_deck(d, mx, False, links, sessions=sessions)
                if (slide_of(m), i) not in known]

    assert not check(doc), f"the seed must pass before it can be broken: {check(doc)[:3]}"
    breaks = {}

    def first_table(d):
        return next((p, i) for p in d["pages"] for i in p["items"] if i["kind"] == "table")

    d = copy.deepcopy(doc)
    page = next(p for p in d["pages"] if len(p["lines"]) > 2)
    page["lines"][1]["box"] = list(page["lines"][0]["box"])
    breaks["overlap"] = d

    d = copy.deepcopy(doc)
    d["pages"][0]["lines"][0]["box"][0] = d["pages"][0]["width"] - 5
    breaks["page"] = d

    d = copy.deepcopy(doc)
    page, table = first_table(d)
    line = next(l for l in page["lines"] if contains_point(table["box"], center(l["box"])))
    line["box"][2] += table["column_widths"][0]  # runs on into the next cell
    breaks["cell"] = d

    d = copy.deepcopy(doc)
    page, table = first_table(d)
    line = next(l for l in page["lines"] if contains_point(table["box"], center(l["box"])))
    line["size"] = 9.5  # legal on a page, but not for a table cell on 4:3
    breaks["size"] = d

    d = copy.deepcopy(doc)
    page, table = first_table(d)
    del table["rows"][-1]
    breaks["rows"] = d

    d = copy.deepcopy(doc)
    chart = next(i for p in d["pages"] for i in p["items"] if i["kind"] == "chart")
    chart["series"][0]["values"][-1] += 1
    breaks["chart"] = d

    d = copy.deepcopy(doc)
    page, table = first_table(d)
    table["rows"][-1][1] += " ※1999年度は休止"
    breaks["period"] = d

    # An arrow dropped from a diagram (the P2 fan) without a word on the page.
    d = copy.deepcopy(doc)
    page = next(p for p in d["pages"] if any(i["kind"] == "connector" and connector_links(i)
                                             for i in p["items"]))
    connector = next(i for i in page["items"] if i["kind"] == "connector" and connector_links(i))
    page["items"].remove(connector)
    page["items"].append({"kind": "connector", "from": connector["from"], "to": connector["to"],
                          "link": {"from": "", "to": "", "kind": connector_links(connector)[0][2]}})
    page["lines"] = [l for l in page["lines"] if not LEFT_OUT.search(l["text"])]
    breaks["links"] = d

    # A diagram's label set below the floor, and one past the edge of its box (the P2 hub).
    def hub_label(d):
        page = next(p for p in d["pages"] if p["slide"] == "pattern-p2")
        hub = next(i for i in page["items"] if i["kind"] == "shape" and i.get("region") == "tokyo")
        line = next(l for l in page["lines"] if contains_point(hub["box"], center(l["box"])))
        return hub, line

    d = copy.deepcopy(doc)
    hub, line = hub_label(d)
    line["size"] = 9.5
    breaks["size (diagram)"] = d

    d = copy.deepcopy(doc)
    hub, line = hub_label(d)
    line["box"][2] = hub["box"][0] + hub["box"][2] - line["box"][0] + 5
    breaks["cell (diagram)"] = d

    d = copy.deepcopy(doc)
    hub, line = hub_label(d)
    other = next(l for l in d["pages"][[p["slide"] for p in d["pages"]].index("pattern-p2")]["lines"]
                 if l is not line and l["box"][1] > line["box"][1] + line["box"][3])
    other["box"] = list(line["box"])
    breaks["overlap (diagram)"] = d

    # The summaries: a chip "ほか N回" that miscounts, an arrow into "ほか N地域" that does.
    d = copy.deepcopy(doc)
    page = next(p for p in d["pages"] if p["slide"] == "rollout-r2")
    chip = next(i for i in page["items"] if i["kind"] == "shape" and i.get("role") == "session")
    chip["role"], chip["text"] = "more", "ほか2回"
    page2 = next(p for p in d["pages"] if p["slide"] == "pattern-p2")
    target = next(c for c in page2["items"] if c["kind"] == "connector")
    box = next(i for i in page2["items"] if i["kind"] == "shape" and i["id"] == target["to"])
    box["role"], box["text"] = "more", "ほか4地域"
    breaks["summary"] = d

    failed = []
    for invariant, broken in breaks.items():
        found = {name for name, _ in check(broken)}
        if invariant.split(" ")[0] not in found:
            failed.append(f"breaking '{invariant}' on purpose went unnoticed (found {found})")
    failed += self_test_national(national, mx, known, links)
    return failed, len(breaks) + 3


# ---- Driver -------------------------------------------------------------------------------------


def slide_of(message):
    match = re.match(r"page \d+ \(([^)]*)\)", message)
    return match.group(1) if match else ""



def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tenkai, gen, source = args
    os.environ["TENKAI_SOURCE_DIR"] = source
    quick = "--quick" in argv
    jobs = int(os.environ.get("SCENE_JOBS", os.cpu_count() or 2))
    with tempfile.TemporaryDirectory(prefix="tenkai-scene-") as work:
        spec, wide = widescreen_spec(source, work)
        national = os.path.join(source, "layouts/national.yaml")
        # --known=SLIDE:INVARIANT,...: defects already reported, listed but not failing.
        known = set()
        for arg in argv:
            if arg.startswith("--known="):
                known |= {tuple(k.split(":", 1)) for k in arg[8:].split(",") if ":" in k}
        if "--self-test" in argv:
            seed = os.path.join(source, "fixtures/ipw-2015/registry.yaml")
            failed, count = self_test(scene(tenkai, spec, seed), matrix(tenkai, seed), known,
                                      registry_links(seed), scene(tenkai, national, seed),
                                      registry_sessions(seed))
            for message in failed:
                print("FAIL:", message)
            print(f"self-test: {count - len(failed)} of {count} breakages caught (default deck "
                  f"and national deck)")
            return 1 if failed else 0
        cases = registries(gen, work, quick)

        def one(case):
            name, path, also_wide = case
            mx = matrix(tenkai, path)
            links = registry_links(path)
            sessions = registry_sessions(path)
            out = []
            for layout, widescreen in [(spec, False)] + ([(wide, True)] if also_wide else []):
                doc = scene(tenkai, layout, path)
                label = f"{name} ({'16:9' if widescreen else '4:3'}, {len(doc['pages'])} pages)"
                out.append((label, check_deck(doc, mx, widescreen, links, sessions=sessions)))
            # The national deck chooses its rows (top-N, per prefecture) and stays short.
            doc = scene(tenkai, national, path)
            label = f"{name} national (4:3, {len(doc['pages'])} pages)"
            out.append((label, check_deck(doc, mx, False, links, selected=True, sessions=sessions)))
            return out

        failures = 0
        decks = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(one, cases):
                for label, problems in result:
                    decks += 1
                    listed = [(i, m) for i, m in problems if (slide_of(m), i) in known]
                    problems = [(i, m) for i, m in problems if (slide_of(m), i) not in known]
                    if listed:
                        print(f"KNOWN {label}: {len(listed)} known problem(s), e.g. "
                              f"[{listed[0][0]}] {listed[0][1]}")
                    if problems:
                        failures += 1
                        print(f"FAIL {label}: {len(problems)} problem(s)")
                        for invariant, message in problems[:12]:
                            print(f"  [{invariant}] {message}")
                    else:
                        print(f"ok   {label}")
        print(f"{decks - failures} of {decks} decks keep every invariant "
              f"({len(cases)} registries)")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
