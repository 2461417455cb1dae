#!/usr/bin/python3
"""Independent reader for tenkai's PPTX decks (zipfile + ElementTree, openpyxl for the
embedded chart workbooks; nothing of tenkai's own code).

usage: pptx_readback.py dump DECK.pptx
           prints the deck as JSON: per slide its text boxes (paragraphs), tables (rows of cell
           texts, spans), charts (categories and series from the caches and from the embedded
           workbook), pictures (alt, media), connectors (bound shape ids), hyperlinks, notes
       pptx_readback.py check DECK.pptx
           checks the package: every part well-formed, content types and relationships
           consistent, unique shape ids per slide, no text body without a paragraph, every
           connector bound to shapes on its slide; prints "ok" or every problem (exit 1)
       pptx_readback.py compare DECK.pptx PAGES.json
           PAGES.json: a list, one entry per page, of {"text": "...", "subset": bool} (for
           example from pdftotext); checks the slide count and that each slide's characters
           (whitespace ignored) equal the page's (or, with subset or a chart on the slide,
           appear in it)
       pptx_readback.py compare-scene DECK.pptx SCENE.json
           SCENE.json from `tenkai scene`: each slide's characters equal its page's lines (or
           appear among them on a chart slide), its tables' cells equal the page's table items,
           its charts' caches and embedded workbook equal the page's chart items
"""
import collections
import io
import json
import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
R_ID = "{%s}id" % NS["r"]
R_EMBED = "{%s}embed" % NS["r"]


def rels_name(part):
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def read_rels(zf, part):
    name = rels_name(part)
    if name not in zf.namelist():
        return {}
    root = ET.fromstring(zf.read(name))
    out = {}
    for r in root.findall("rel:Relationship", NS):
        target = r.get("Target")
        if r.get("TargetMode") != "External":
            target = posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        out[r.get("Id")] = (r.get("Type").rsplit("/", 1)[-1], target, r.get("TargetMode"))
    return out


def slide_parts(zf):
    pres = "ppt/presentation.xml"
    rels = read_rels(zf, pres)
    root = ET.fromstring(zf.read(pres))
    return [rels[s.get(R_ID)][1] for s in root.findall("p:sldIdLst/p:sldId", NS)]


def paragraphs_of(tx_body, line_break="\n"):
    """The paragraphs' texts; a line break (a:br) reads as `line_break`."""
    out = []
    for p in tx_body.findall("a:p", NS):
        # A bullet character is shown as the paragraph's first character.
        bullet = p.find("a:pPr/a:buChar", NS)
        text = bullet.get("char") if bullet is not None else ""
        for child in p:
            if child.tag == "{%s}r" % NS["a"]:
                text += "".join(t.text or "" for t in child.findall("a:t", NS))
            elif child.tag == "{%s}br" % NS["a"]:
                text += line_break
        out.append(text)
    return out


def chart_of(zf, part):
    root = ET.fromstring(zf.read(part))
    chart = {"series": [], "categories": [], "workbook": None}
    for ser in root.iter("{%s}ser" % NS["c"]):
        name = "".join(v.text for v in ser.findall("c:tx//c:v", NS))
        cats = [v.text for v in ser.findall("c:cat//c:pt/c:v", NS)]
        vals = [float(v.text) for v in ser.findall("c:val//c:pt/c:v", NS)]
        ranges = [f.text for f in ser.findall(".//c:f", NS)]
        chart["categories"] = cats
        chart["series"].append({"name": name, "values": vals, "ranges": ranges})
    rels = read_rels(zf, part)
    for kind, target, _ in rels.values():
        if kind == "package":
            import openpyxl
            book = openpyxl.load_workbook(io.BytesIO(zf.read(target)), data_only=True)
            sheet = book.worksheets[0]
            chart["workbook"] = [[c.value for c in row] for row in sheet.iter_rows()]
    return chart


def slide_of(zf, part):
    root = ET.fromstring(zf.read(part))
    rels = read_rels(zf, part)
    out = {"part": part, "texts": [], "tables": [], "charts": [], "pictures": [],
           "shapes": [], "connectors": [], "links": [], "notes": None}
    for sp in root.iter("{%s}sp" % NS["p"]):
        body = sp.find("p:txBody", NS)
        c_nv = sp.find("p:nvSpPr/p:cNvPr", NS)
        if body is not None:
            paragraphs = paragraphs_of(body)
            if any(paragraphs):
                out["texts"].append({"id": c_nv.get("id"), "name": c_nv.get("name"),
                                     "paragraphs": paragraphs})
        if sp.find("p:spPr/a:prstGeom", NS) is not None and c_nv.get("name", "").split(" ")[0] not in ("TextBox", "Freeform", "Link"):
            out["shapes"].append({"id": c_nv.get("id"), "name": c_nv.get("name")})
    for frame in root.iter("{%s}graphicFrame" % NS["p"]):
        tbl = frame.find(".//a:tbl", NS)
        if tbl is not None:
            rows, spans = [], []
            for ri, tr in enumerate(tbl.findall("a:tr", NS)):
                row = []
                for ci, tc in enumerate(tr.findall("a:tc", NS)):
                    # A cell's text is the whole cell, unbroken: its line breaks (where the
                    # page broke it) are not part of the text.
                    row.append("\n".join(paragraphs_of(tc.find("a:txBody", NS), "")))
                    gs, rs = int(tc.get("gridSpan", "1")), int(tc.get("rowSpan", "1"))
                    if gs > 1 or rs > 1:
                        spans.append([ri, ci, rs, gs])
                rows.append(row)
            out["tables"].append({"rows": rows, "spans": spans,
                                  "first_row": tbl.find("a:tblPr", NS).get("firstRow")})
        chart = frame.find(".//c:chart", NS)
        if chart is not None:
            out["charts"].append(chart_of(zf, rels[chart.get(R_ID)][1]))
    for pic in root.iter("{%s}pic" % NS["p"]):
        c_nv = pic.find("p:nvPicPr/p:cNvPr", NS)
        blip = pic.find("p:blipFill/a:blip", NS)
        out["pictures"].append({"alt": c_nv.get("descr"), "media": rels[blip.get(R_EMBED)][1]})
    for cxn in root.iter("{%s}cxnSp" % NS["p"]):
        st = cxn.find("p:nvCxnSpPr/p:cNvCxnSpPr/a:stCxn", NS)
        en = cxn.find("p:nvCxnSpPr/p:cNvCxnSpPr/a:endCxn", NS)
        if st is not None or en is not None:
            out["connectors"].append({"from": st.get("id") if st is not None else None,
                                      "to": en.get("id") if en is not None else None})
    for h in root.iter("{%s}hlinkClick" % NS["a"]):
        rel = rels.get(h.get(R_ID))
        if rel and rel[1] not in out["links"]:
            out["links"].append(rel[1])
    for kind, target, _ in rels.values():
        if kind == "notesSlide":
            notes = ET.fromstring(zf.read(target))
            for sp in notes.iter("{%s}sp" % NS["p"]):
                ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
                if ph is not None and ph.get("type") == "body":
                    out["notes"] = "\n".join(paragraphs_of(sp.find("p:txBody", NS)))
    return out


def dump(path):
    with zipfile.ZipFile(path) as zf:
        return {"slides": [slide_of(zf, part) for part in slide_parts(zf)]}


def check(path):
    problems = []
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if names[0] != "[Content_Types].xml":
            problems.append("[Content_Types].xml is not the first entry")
        parsed = {}
        for name in names:
            if name.endswith(".xml") or name.endswith(".rels"):
                try:
                    parsed[name] = ET.fromstring(zf.read(name))
                except ET.ParseError as e:
                    problems.append("%s: not well-formed: %s" % (name, e))
        for info in zf.infolist():
            if info.date_time != (1980, 1, 1, 0, 0, 0):
                problems.append("%s: dated %s" % (info.filename, info.date_time))
        types = parsed.get("[Content_Types].xml")
        overrides = {o.get("PartName").lstrip("/"): o.get("ContentType")
                     for o in types.findall("ct:Override", NS)}
        defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
        for part in overrides:
            if part not in names:
                problems.append("content type override for a missing part: " + part)
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            if name not in overrides and name.rsplit(".", 1)[-1] not in defaults:
                problems.append("no content type for " + name)
        for name in names:
            if not name.endswith(".rels"):
                continue
            folder = posixpath.dirname(posixpath.dirname(name))
            source = posixpath.join(folder, posixpath.basename(name)[:-5])
            ids = set()
            for r in parsed[name].findall("rel:Relationship", NS):
                if r.get("Id") in ids:
                    problems.append("%s: duplicate %s" % (name, r.get("Id")))
                ids.add(r.get("Id"))
                if r.get("TargetMode") == "External":
                    continue
                target = posixpath.normpath(posixpath.join(folder, r.get("Target")))
                if target not in names:
                    problems.append("%s: %s points at missing %s" % (name, r.get("Id"), target))
            # Every r:id the part uses must be one of its relationships.
            if source in parsed:
                for el in parsed[source].iter():
                    for key in (R_ID, R_EMBED):
                        if el.get(key) and el.get(key) not in ids:
                            problems.append("%s: %s has no relationship" % (source, el.get(key)))
        pres = parsed["ppt/presentation.xml"]
        order = [child.tag.split("}")[1] for child in pres]
        for first, later in (("sldMasterIdLst", "notesMasterIdLst"), ("notesMasterIdLst", "sldIdLst")):
            if first not in order or later not in order or order.index(first) > order.index(later):
                problems.append("presentation.xml: %s must come before %s" % (first, later))
        for required in ("docProps/core.xml", "docProps/app.xml", "ppt/presProps.xml",
                         "ppt/viewProps.xml", "ppt/tableStyles.xml",
                         "ppt/notesMasters/notesMaster1.xml"):
            if required not in names:
                problems.append("missing " + required)
        for part in slide_parts(zf):
            root = parsed[part]
            ids = [c.get("id") for c in root.iter("{%s}cNvPr" % NS["p"])]
            dup = [i for i, n in collections.Counter(ids).items() if n > 1]
            if dup:
                problems.append("%s: duplicate shape ids %s" % (part, dup))
            for body in list(root.iter("{%s}txBody" % NS["p"])) + list(root.iter("{%s}txBody" % NS["a"])):
                if body.find("a:p", NS) is None:
                    problems.append("%s: a text body without a paragraph" % part)
            for cxn in root.iter("{%s}cxnSp" % NS["p"]):
                if cxn.find("p:txBody", NS) is not None:
                    problems.append("%s: a connector with a text body" % part)
                for end in cxn.findall("p:nvCxnSpPr/p:cNvCxnSpPr/*", NS):
                    if end.get("id") not in ids:
                        problems.append("%s: connector bound to missing shape %s" % (part, end.get("id")))
    return problems


def chars(text):
    return collections.Counter(ch for ch in text if not ch.isspace())


def slide_text(slide):
    parts = [p for t in slide["texts"] for p in t["paragraphs"]]
    for table in slide["tables"]:
        parts += [cell for row in table["rows"] for cell in row]
    return "".join(parts)


def compare(path, pages):
    deck = dump(path)
    problems = []
    if len(deck["slides"]) != len(pages):
        problems.append("%d slides, %d pages" % (len(deck["slides"]), len(pages)))
    for i, (slide, page) in enumerate(zip(deck["slides"], pages), start=1):
        ours, theirs = chars(slide_text(slide)), chars(page["text"])
        # A native chart draws its own axis labels and legend: its slide's text need only appear.
        if page.get("subset") or slide["charts"]:
            missing = ours - theirs
            if missing:
                problems.append("slide %d: characters not on the page: %s" % (i, "".join(sorted(missing.elements()))))
        elif ours != theirs:
            problems.append("slide %d: text differs: only in the slide %r, only on the page %r" % (
                i, "".join(sorted((ours - theirs).elements())), "".join(sorted((theirs - ours).elements()))))
    return problems


def compare_scene(path, scene):
    """Each slide against the page of `tenkai scene`: its characters, its tables cell by cell,
    its charts' categories and values (cache and embedded workbook)."""
    deck = dump(path)
    pages = scene["pages"]
    problems = []
    if len(deck["slides"]) != len(pages):
        problems.append("%d slides, %d pages" % (len(deck["slides"]), len(pages)))
    for i, (slide, page) in enumerate(zip(deck["slides"], pages), start=1):
        painted = chars("".join(line["text"] for line in page.get("lines", [])))
        ours = chars(slide_text(slide))
        if slide["charts"]:
            missing = ours - painted
            if missing:
                problems.append("slide %d: characters not on the page: %s" % (i, "".join(sorted(missing.elements()))))
        elif ours != painted:
            problems.append("slide %d: text differs: only in the slide %r, only on the page %r" % (
                i, "".join(sorted((ours - painted).elements())), "".join(sorted((painted - ours).elements()))))
        tables = [item for item in page.get("items", []) if item.get("kind") == "table"]
        if len(tables) != len(slide["tables"]):
            problems.append("slide %d: %d tables, the page has %d" % (i, len(slide["tables"]), len(tables)))
        for ours_t, theirs_t in zip(slide["tables"], tables):
            if ours_t["rows"] != theirs_t["rows"]:
                problems.append("slide %d: table cells differ from the page's" % i)
        charts = [item for item in page.get("items", []) if item.get("kind") == "chart"]
        if len(charts) != len(slide["charts"]):
            problems.append("slide %d: %d charts, the page has %d" % (i, len(slide["charts"]), len(charts)))
        for ours_c, theirs_c in zip(slide["charts"], charts):
            categories = [str(c) for c in theirs_c["categories"]]
            if ours_c["categories"] != categories:
                problems.append("slide %d: chart categories %s, the page's %s" % (i, ours_c["categories"], categories))
            book = ours_c["workbook"] or []
            for k, series in enumerate(theirs_c["series"]):
                values = [float(v) for v in series["values"]]
                if k >= len(ours_c["series"]) or ours_c["series"][k]["values"] != values:
                    problems.append("slide %d: chart series %d cache differs" % (i, k))
                column = [row[k + 1] for row in book[1:]] if book else []
                if [float(v) for v in column] != values or (book and book[0][k + 1] != series["name"]):
                    problems.append("slide %d: chart series %d workbook differs" % (i, k))
    return problems


def main(argv):
    if len(argv) >= 3 and argv[1] == "dump":
        json.dump(dump(argv[2]), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if len(argv) >= 3 and argv[1] == "check":
        problems = check(argv[2])
    elif len(argv) >= 4 and argv[1] == "compare-scene":
        with open(argv[3], encoding="utf-8") as f:
            problems = compare_scene(argv[2], json.load(f))
    elif len(argv) >= 4 and argv[1] == "compare":
        with open(argv[3], encoding="utf-8") as f:
            problems = compare(argv[2], json.load(f))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(p)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
