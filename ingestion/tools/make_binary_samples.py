#!/usr/bin/env python3
"""Generate the PDF and DOCX files of the sample corpus from simple Markdown sources.

Usage (from the repository root):
    python3 ingestion/tools/make_binary_samples.py

Python 3 standard library only. Reads every ingestion/tools/sources/*.md and writes one file
under ingestion/samples/. Each source starts with a front-matter block naming its output
path (relative to ingestion/samples); the extension (.pdf or .docx) chooses the format:

    ---
    output: hr/onboarding-guide.pdf
    date: 2025-03-01            (optional; document date for metadata)
    author: People Team         (optional)
    ---
    # Title of the document
    ## A section heading
    A paragraph; consecutive non-blank lines are joined into one paragraph.
    - a bullet item
    1. a numbered step (numbers restart after any other block)
    | Column | Column |          a table: the first row is the header row; a |---| row
    |---|---|                    under it is optional and ignored
    | cell | cell |

Optional front matter for either format:
    header: text of a running header on every page (PDF: a line at the top of every page;
            DOCX: a header part)
    footer: text of the running footer (PDF: "<footer> - Page N of M" instead of
            "<title> - Page N of M"; DOCX: a footer part with PAGE / NUMPAGES fields)
Documents that use none of these features come out exactly as before they existed.

Output is deterministic (fixed timestamps, no random ids), so re-running it only changes a
file when its source changed.
PDF: PDF 1.4, A4, standard Type1 fonts Helvetica / Helvetica-Bold with WinAnsiEncoding,
words wrapped with the Helvetica metrics, a footer "<title> - Page N of M", /Title in Info.
DOCX: minimal OOXML package; "#" -> Heading1 ("heading 1"), "##" -> Heading2 ("heading 2"),
"-" items -> bullet list (numbering.xml), "1." items -> decimal list, tables -> w:tbl with
borders and a repeated header row, dc:title in docProps/core.xml.
"""
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "sources")
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "samples"))


# ---------------------------------------------------------------- parsing
def parse_source(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        raise SystemExit(f"{path}: missing front matter")
    meta = {}
    for line in m.group(1).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    if "output" not in meta:
        raise SystemExit(f"{path}: front matter needs 'output:'")
    blocks = []  # (kind, text) kind in title, h2, p, li, ol; ("table", [[cell, ...], ...])
    para = []

    def flush():
        if para:
            blocks.append(("p", " ".join(para)))
            para.clear()

    for raw in text[m.end():].splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("|"):
            flush()
            if re.match(r"^\|?[\s:|-]+\|?$", line) and "-" in line:
                continue  # the |---| separator under a header row
            cells = [c.strip() for c in line.strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                if len(cells) != len(blocks[-1][1][0]):
                    raise SystemExit(f"{path}: table row has {len(cells)} cells, header has "
                                     f"{len(blocks[-1][1][0])}: {line}")
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        elif re.match(r"^\d+\. ", line):
            flush()
            blocks.append(("ol", line.split(" ", 1)[1].strip()))
        elif line.startswith("## "):
            flush()
            blocks.append(("h2", line[3:].strip()))
        elif line.startswith("# "):
            flush()
            blocks.append(("title", line[2:].strip()))
        elif line.startswith("- "):
            flush()
            blocks.append(("li", line[2:].strip()))
        elif raw.startswith("  ") and blocks and blocks[-1][0] in ("li", "ol") and not para:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + " " + line)  # continuation of an item
        else:
            para.append(line)
    flush()
    titles = [t for k, t in blocks if k == "title"]
    if len(titles) != 1 or blocks[0][0] != "title":
        raise SystemExit(f"{path}: needs exactly one '# Title' as first block")
    return meta, titles[0], blocks


# ---------------------------------------------------------------- PDF
_HELV = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
         556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
         1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
         667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
         333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
         556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_HELV_B = [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
           556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
           975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
           667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
           333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
           611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
_SPECIAL_W = {"\u2022": 350, "\u2013": 556, "\u2014": 1000, "\u20ac": 556, "\u2019": 222,
              "\u201c": 333, "\u201d": 333}

PAGE_W, PAGE_H = 595, 842  # A4 in points
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 64, 64, 72, 72
STYLES = {  # kind: (font, size, leading, space_before, space_after)
    "title": ("F2", 18, 23, 0, 10),
    "h2": ("F2", 13, 17, 16, 8),
    "p": ("F1", 10.5, 14.5, 0, 7),
    "li": ("F1", 10.5, 14.5, 0, 3),
    "ol": ("F1", 10.5, 14.5, 0, 3),
    "table": ("F1", 9.5, 12.5, 4, 10),
}
CELL_PAD = 4
BULLET_INDENT = 16


def text_width(s, font, size):
    table = _HELV_B if font == "F2" else _HELV
    w = 0
    for ch in s:
        o = ord(ch)
        w += table[o - 32] if 32 <= o <= 126 else _SPECIAL_W.get(ch, 556)
    return w * size / 1000.0


def wrap(text, font, size, width):
    lines, cur = [], ""
    for word in text.split():
        cand = word if not cur else cur + " " + word
        if text_width(cand, font, size) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def pdf_str(s):
    b = s.encode("cp1252", errors="replace")
    b = b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + b + b")"


def layout_pdf(title, blocks):
    """Returns a list of pages; each page is a list of (font, size, x, y, text) text items and
    ("line", x1, y1, x2, y2) rules (table borders)."""
    pages, cur = [], []
    y = PAGE_H - MARGIN_T
    bottom = MARGIN_B
    full_w = PAGE_W - MARGIN_L - MARGIN_R
    number = 0
    for i, (kind, text) in enumerate(blocks):
        font, size, lead, before, after = STYLES[kind]
        number = number + 1 if kind == "ol" else 0
        if kind == "table":
            if cur:
                y -= before
            cur, y = layout_table(text, pages, cur, y, full_w)
            y -= after
            continue
        if kind in ("li", "ol"):
            lines = wrap(text, font, size, full_w - BULLET_INDENT)
        else:
            lines = wrap(text, font, size, full_w)
        need = before + lead * len(lines)
        if kind in ("h2", "title") and i + 1 < len(blocks):  # keep with next: 2 lines of it
            need += 2 * STYLES[blocks[i + 1][0]][2]
        page_capacity = PAGE_H - MARGIN_T - bottom
        if y - need < bottom and cur and need <= page_capacity:
            pages.append(cur)
            cur, y = [], PAGE_H - MARGIN_T
        elif cur:
            y -= before
        for j, line in enumerate(lines):
            if y - lead < bottom:  # paragraph longer than a page: split it
                pages.append(cur)
                cur, y = [], PAGE_H - MARGIN_T
            y -= lead
            if kind == "li":
                if j == 0:
                    cur.append((font, size, MARGIN_L + 4, y, "\u2022"))
                cur.append((font, size, MARGIN_L + BULLET_INDENT, y, line))
            elif kind == "ol":
                if j == 0:
                    cur.append((font, size, MARGIN_L, y, "%d." % number))
                cur.append((font, size, MARGIN_L + BULLET_INDENT, y, line))
            else:
                cur.append((font, size, MARGIN_L, y, line))
        y -= after
    if cur:
        pages.append(cur)
    return pages


def table_widths(rows, size, full_w):
    """Column widths proportional to each column's longest cell, at least 60 points."""
    natural = []
    for c in range(len(rows[0])):
        natural.append(max(text_width(row[c], "F2" if r == 0 else "F1", size)
                           for r, row in enumerate(rows)) + 2 * CELL_PAD)
    widths = [max(60.0, w * full_w / sum(natural)) for w in natural]
    return [w * full_w / sum(widths) for w in widths]


def layout_table(rows, pages, cur, y, full_w):
    """Lays out a table row by row, breaking pages between rows and repeating the header row
    at the top of a continued table. Returns the current page and y."""
    font, size, lead, _, _ = STYLES["table"]
    widths = table_widths(rows, size, full_w)

    def cells(row, bold):
        f = "F2" if bold else font
        return f, [wrap(cell, f, size, w - 2 * CELL_PAD) or [""] for cell, w in zip(row, widths)]

    def place(row, bold, page, top):
        f, wrapped = cells(row, bold)
        height = max(len(ls) for ls in wrapped) * lead + 2 * CELL_PAD
        x = MARGIN_L
        for ls, w in zip(wrapped, widths):
            for k, line in enumerate(ls):
                page.append((f, size, x + CELL_PAD, top - CELL_PAD - size - k * lead, line))
            x += w
        page.append(("line", MARGIN_L, top, MARGIN_L + full_w, top))
        page.append(("line", MARGIN_L, top - height, MARGIN_L + full_w, top - height))
        x = MARGIN_L
        for w in [0] + widths:
            x += w
            page.append(("line", x, top, x, top - height))
        return top - height

    def height(row, bold):
        return max(len(ls) for ls in cells(row, bold)[1]) * lead + 2 * CELL_PAD

    for r, row in enumerate(rows):
        need = height(row, r == 0) + (height(rows[1], False) if r == 0 and len(rows) > 1 else 0)
        if y - need < MARGIN_B and cur:
            pages.append(cur)
            cur, y = [], PAGE_H - MARGIN_T
            if r > 0:
                y = place(rows[0], True, cur, y)
        y = place(row, r == 0, cur, y)
    return cur, y


def make_pdf(title, blocks, meta, out):
    pages = layout_pdf(title, blocks)
    n = len(pages)
    objs = {}
    # 1 catalog, 2 pages, 3 font F1, 4 font F2, 5 info, then per page: page obj, content obj
    kids = []
    for i, items in enumerate(pages):
        page_id, content_id = 6 + 2 * i, 7 + 2 * i
        kids.append(page_id)
        ops = [b"BT"]
        rules = [item for item in items if item[0] == "line"]
        if meta.get("header"):
            ops.append(b"/F1 8 Tf 1 0 0 1 %.2f %.2f Tm %s Tj" % (
                MARGIN_L, PAGE_H - MARGIN_T / 2, pdf_str(meta["header"])))
            rules.append(("line", MARGIN_L, PAGE_H - MARGIN_T / 2 - 4, PAGE_W - MARGIN_R,
                          PAGE_H - MARGIN_T / 2 - 4))
        for font, size, x, yy, text in (item for item in items if item[0] != "line"):
            ops.append(b"/%s %s Tf 1 0 0 1 %.2f %.2f Tm %s Tj" % (
                font.encode(), ("%g" % size).encode(), x, yy, pdf_str(text)))
        footer = "%s - Page %d of %d" % (meta.get("footer", title), i + 1, n)
        fw = text_width(footer, "F1", 8)
        ops.append(b"/F1 8 Tf 1 0 0 1 %.2f %.2f Tm %s Tj" % (
            (PAGE_W - fw) / 2, MARGIN_B / 2, pdf_str(footer)))
        ops.append(b"ET")
        if rules:
            ops.append(b"0.5 w")
            for _, x1, y1, x2, y2 in rules:
                ops.append(b"%.2f %.2f m %.2f %.2f l S" % (x1, y1, x2, y2))
        stream = b"\n".join(ops)
        objs[content_id] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        objs[page_id] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
                         b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>"
                         % (PAGE_W, PAGE_H, content_id))
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), n)
    objs[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    objs[4] = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
               b"/Encoding /WinAnsiEncoding >>")
    date = meta.get("date", "2025-01-01").replace("-", "")
    objs[5] = b"<< /Title %s /Author %s /Producer (Larkspur make_binary_samples.py) /CreationDate (D:%s090000Z) >>" % (
        pdf_str(title), pdf_str(meta.get("author", "Larkspur Analytics")), date.encode())
    out_b = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for oid in sorted(objs):
        offsets[oid] = len(out_b)
        out_b += b"%d 0 obj\n%s\nendobj\n" % (oid, objs[oid])
    xref_pos = len(out_b)
    size = max(objs) + 1
    out_b += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for oid in range(1, size):
        out_b += b"%010d 00000 n \n" % offsets[oid]
    out_b += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size, xref_pos)
    with open(out, "wb") as f:
        f.write(out_b)
    return n


# ---------------------------------------------------------------- DOCX
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
</Relationships>"""

STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="160"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="2F5496"/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
</w:styles>"""

NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


NUMBERING_DECIMAL = """<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def docx_table(rows):
    widths = [int(w * 20) for w in table_widths(rows, 9.5, 9026 / 20.0)]  # points -> twips
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>'
           f'<w:tblBorders>{border}</w:tblBorders></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for r, row in enumerate(rows):
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if r == 0 else ""))
        for cell, w in zip(row, widths):
            bold = "<w:rPr><w:b/></w:rPr>" if r == 0 else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:r>{bold}'
                       f'<w:t xml:space="preserve">{escape(cell)}</w:t></w:r></w:p></w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def docx_header_footer(tag, text, page_fields):
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    if page_fields:
        run += ('<w:r><w:t xml:space="preserve"> - Page </w:t></w:r>'
                '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
                '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} xmlns:w="{W_NS}">'
            f'<w:p><w:pPr><w:jc w:val="{"right" if tag == "hdr" else "center"}"/></w:pPr>{run}</w:p>'
            f'</w:{tag}>')


def make_docx(title, blocks, meta, out):
    body = []
    lists = 0
    previous = None
    for kind, text in blocks:
        run = (f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
               if kind != "table" else "")
        if kind == "title":
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{run}</w:p>')
        elif kind == "h2":
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr>{run}</w:p>')
        elif kind == "li":
            body.append('<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
                        f'<w:numId w:val="1"/></w:numPr></w:pPr>{run}</w:p>')
        elif kind == "ol":
            if previous != "ol":  # a new list restarts at 1: a new w:num over the decimal list
                lists += 1
            body.append('<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/>'
                        f'<w:numId w:val="{lists + 1}"/></w:numPr></w:pPr>{run}</w:p>')
        elif kind == "table":
            body.append(docx_table(text))
        else:
            body.append(f"<w:p>{run}</w:p>")
        previous = kind
    header, footer = meta.get("header"), meta.get("footer")
    refs = ""
    if header or footer:
        refs = ((f'<w:headerReference w:type="default" r:id="rId3"/>' if header else "")
                + (f'<w:footerReference w:type="default" r:id="rId4"/>' if footer else ""))
    r_ns = f' xmlns:r="{R_NS}"' if refs else ""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"{r_ns}>'
                f'<w:body>{"".join(body)}<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" '
                'w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>')
    date = meta.get("date", "2025-01-01") + "T09:00:00Z"
    author = escape(meta.get("author", "Larkspur Analytics"))
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>{author}</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>'
            '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Larkspur make_binary_samples.py</Application><Company>Larkspur Analytics</Company>'
           '</Properties>')
    numbering, content_types, doc_rels = NUMBERING_XML, CONTENT_TYPES, DOC_RELS
    if lists:
        nums = "".join(f'<w:num w:numId="{k + 2}"><w:abstractNumId w:val="1"/><w:lvlOverride '
                       'w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                       for k in range(lists))
        numbering = numbering.replace("<w:num w:numId=", NUMBERING_DECIMAL + "\n<w:num w:numId=", 1)
        numbering = numbering.replace("</w:numbering>", nums + "\n</w:numbering>")
    extra = []
    for rid, tag, name, text, fields in (("rId3", "hdr", "header1", header, False),
                                         ("rId4", "ftr", "footer1", footer, True)):
        if not text:
            continue
        kind = "header" if tag == "hdr" else "footer"
        extra.append((f"word/{name}.xml", docx_header_footer(tag, text, fields)))
        content_types = content_types.replace("</Types>", (
            f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-'
            f'officedocument.wordprocessingml.{kind}+xml"/>\n</Types>'))
        doc_rels = doc_rels.replace("</Relationships>", (
            f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/{kind}" Target="{name}.xml"/>\n</Relationships>'))
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", ROOT_RELS),
             ("word/document.xml", document), ("word/styles.xml", STYLES_XML),
             ("word/numbering.xml", numbering), ("word/_rels/document.xml.rels", doc_rels),
             ("docProps/core.xml", core), ("docProps/app.xml", app)] + extra
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


def main():
    names = sorted(n for n in os.listdir(SOURCES) if n.endswith(".md"))
    if not names:
        sys.exit("no sources in " + SOURCES)
    for name in names:
        meta, title, blocks = parse_source(os.path.join(SOURCES, name))
        out = os.path.join(SAMPLES, meta["output"])
        os.makedirs(os.path.dirname(out), exist_ok=True)
        words = sum(len(" ".join(c for row in t for c in row).split()) if k == "table"
                    else len(t.split()) for k, t in blocks)
        if out.endswith(".pdf"):
            pages = make_pdf(title, blocks, meta, out)
            print(f"{name} -> {meta['output']} ({words} words, {pages} page(s))")
        elif out.endswith(".docx"):
            make_docx(title, blocks, meta, out)
            print(f"{name} -> {meta['output']} ({words} words)")
        else:
            sys.exit(f"{name}: output must end in .pdf or .docx")


if __name__ == "__main__":
    main()
