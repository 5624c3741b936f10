#!/usr/bin/env python3
"""The December 2026 audits' hostile inputs, made again (the audits describe them rather than
ship them): `make.py OUT BASE.docx` writes every one into OUT. `run.sh` measures vbhc on them.

Each name is the audit's own (../shared/audits/2026-12-security.md, 2026-12-plugins.md)."""

import json
import os
import sys
import tomllib
import zipfile

out, base_docx, repo = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)


def path(name):
    return os.path.join(out, name)


def docx_with(name, edit):
    z = zipfile.ZipFile(base_docx)
    p = {n: z.read(n) for n in z.namelist()}
    edit(p)
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as o:
        for k, v in p.items():
            o.writestr(k, v)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def in_body(p, xml):
    doc = p["word/document.xml"].decode()
    i = doc.index("<w:body>") + 8
    p["word/document.xml"] = (doc[:i] + xml + doc[i:]).encode()


def with_numbering(p, numbering):
    p["word/numbering.xml"] = numbering.encode()
    rels = p["word/_rels/document.xml.rels"].decode()
    p["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ).encode()
    ct = p["[Content_Types].xml"].decode()
    p["[Content_Types].xml"] = ct.replace(
        "</Types>",
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ).encode()


# ---- S-M1: numbering labels ----------------------------------------------------------------
def numbering_bomb(start_attr, nums, lvl_text="%1)", start=4294967295, paras=None):
    def edit(p):
        lvl_start = f'<w:start w:val="{start}"/>' if start_attr else '<w:start w:val="1"/>'
        xml = (
            f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">{lvl_start}'
            f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
        )
        for k in range(1, nums + 1):
            over = (
                ""
                if start_attr
                else f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            )
            xml += f'<w:num w:numId="{k}"><w:abstractNumId w:val="0"/>{over}</w:num>'
        with_numbering(p, xml + "</w:numbering>")
        n = paras or nums
        in_body(
            p,
            "".join(
                f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{(k % nums) + 1}"/></w:numPr></w:pPr><w:r><w:t>điểm</w:t></w:r></w:p>'
                for k in range(n)
            ),
        )

    return edit


docx_with("numbering_letters_1.docx", numbering_bomb(True, 1))
docx_with("numbering_multi_20.docx", numbering_bomb(False, 20))
docx_with("numbering_lvltext.docx", numbering_bomb(True, 1, "%1" * 5000, 2600000, 3))

# ---- S-M5: many paragraphs, many lists, many parts -----------------------------------------
for n in (100000, 300000, 955207):
    docx_with(f"paras{n}.docx", lambda p, n=n: in_body(p, "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * n))


def many_nums(p):
    xml = f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
    xml += "".join(f'<w:num w:numId="{k}"><w:abstractNumId w:val="0"/></w:num>' for k in range(1, 240001))
    with_numbering(p, xml + "</w:numbering>")
    in_body(
        p,
        "".join(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{k}"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
            for k in range(1, 240001)
        ),
    )


docx_with("numbering_many_nums.docx", many_nums)


def parts_rels(p):
    rels = p["word/_rels/document.xml.rels"].decode()
    extra = "".join(
        f'<Relationship Id="rH{k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="h{k}.xml"/>'
        for k in range(100000)
    )
    p["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", extra + "</Relationships>").encode()
    for k in range(100000):
        p[f"word/h{k}.xml"] = f"<w:hdr {W}/>".encode()


docx_with("parts100k_rels.docx", parts_rels)

# ---- m1: what is not a regular file, and what is mostly nothing ------------------------------
for name, target in (("zero.docx", "/dev/zero"), ("zero.toml", "/dev/zero")):
    if not os.path.lexists(path(name)):
        os.symlink(target, path(name))
for name in ("fifo.docx", "fifo.toml", "fifo.wasm"):
    if not os.path.exists(path(name)):
        os.mkfifo(path(name))
with open(path("sparse2g.docx"), "wb") as f:
    f.truncate(2 * 1024**3 - 1)
with open(base_docx, "rb") as f:
    real = f.read()
with open(path("big_tail.docx"), "wb") as f:
    f.write(real)
    f.truncate(len(real) + 1536 * 1024**2)

# ---- S-M2: workbooks --------------------------------------------------------------------------
XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>ten_cong_ty</t></si><si><t>so</t></si><si><t>Công ty A</t></si></sst>',
}
TABLE = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c></row>'


def xlsx(name, sheet_data, dimension=""):
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED) as o:
        for k, v in XLSX_PARTS.items():
            o.writestr(k, v)
        with o.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(
                (
                    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                    + dimension
                    + "<sheetData>"
                ).encode()
            )
            for chunk in sheet_data:
                s.write(chunk.encode())
            s.write(b"</sheetData></worksheet>")


far = '<row r="1048576"><c r="XFD1048576" t="s"><v>2</v></c></row>'
xlsx("dimbomb.xlsx", [TABLE, far], '<dimension ref="A1:XFD1048576"/>')
xlsx("dimbomb_nodim.xlsx", [TABLE, far])
xlsx("bad_ref.xlsx", [TABLE, '<row r="3"><c r="ZZZZZZ99999999999" t="s"><v>2</v></c></row>'])
row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 10000


def bomb_rows():
    yield TABLE
    for _ in range(2000):  # 1 GB of sheet XML
        yield row


xlsx("zipbomb.xlsx", bomb_rows())

# ---- m2: big drafts ------------------------------------------------------------------------------
with open(os.path.join(repo, "samples/thong-bao.toml"), "rb") as f:
    draft = tomllib.load(f)


def json_draft(name, **changes):
    d = dict(draft)
    d.update(changes)
    with open(path(name), "w", encoding="utf-8") as f:
        json.dump(d, f, ensure_ascii=False)


json_draft("noinhan100k.json", noi_nhan=[f"Đơn vị số {i}" for i in range(100000)])
json_draft("p200k.json", noi_dung="\n".join(f"Đoạn {i}." for i in range(200000)))
json_draft("json_late_array.json", noi_dung="Nội dung dài. " * 340000, noi_nhan=[f"Đơn vị {i}" for i in range(20000)])
d = dict(draft)
d.update({f"\\u0078{i}": "x" for i in range(100000)})
with open(path("json_escaped_keys.json"), "w", encoding="utf-8") as f:
    f.write(json.dumps(d, ensure_ascii=False).replace("\\\\u0078", "\\u0078"))
src = open(os.path.join(repo, "samples/thong-bao.toml"), encoding="utf-8").read()
lines = "noi_nhan = [\n" + "".join(f'  "Đơn vị số {i}",\n' for i in range(100000)) + "]\n"
inline = "noi_nhan = [" + ", ".join(f'"Đơn vị số {i}"' for i in range(20000)) + "]\n"
body = src.split("noi_nhan = ")[0] if "noi_nhan = " in src else src


def toml_without_noi_nhan():
    out_lines, skip = [], False
    for line in src.splitlines(keepends=True):
        if line.startswith("noi_nhan"):
            skip = not line.rstrip().endswith("]")
            continue
        if skip:
            skip = not line.strip().startswith("]")
            continue
        out_lines.append(line)
    return "".join(out_lines)


base = toml_without_noi_nhan()
head, tail = base.split("\n[", 1) if "\n[" in base else (base, "")
for name, nn in (("toml_noinhan_lines.toml", lines), ("toml_noinhan_inline_20k.toml", inline)):
    with open(path(name), "w", encoding="utf-8") as f:
        f.write(head + "\n" + nn + ("\n[" + tail if tail else ""))

# ---- m11: templates --------------------------------------------------------------------------
tpl = open(os.path.join(repo, "templates/thong-bao.hbs"), encoding="utf-8").read()
for name, extra in (
    ("t_nested_if", "{{#if noi_dung}}" * 10000 + "x" + "{{/if}}" * 10000),
    ("t_nested_if_1500", "{{#if noi_dung}}" * 1500 + "x" + "{{/if}}" * 1500),
    ("t_many_expr", "{{van_ban_thuc_hien}}" * 500000),
):
    os.makedirs(path(name), exist_ok=True)
    with open(os.path.join(path(name), "thong-bao.hbs"), "w", encoding="utf-8") as f:
        f.write(tpl + "\n" + extra + "\n")
with open(path("four.csv"), "w", encoding="utf-8") as f:
    f.write("so\n1\n2\n3\n4\n")

# ---- P 4c–4e, 9h: plugins ------------------------------------------------------------------------
try:
    import wasmtime  # PyPI: its wat2wasm knows the component model

    def hog(n):
        wat = "(component\n  (core module $hog (memory 1) (func $s (drop (memory.grow (i32.const 1023)))) (start $s))\n"
        wat += "".join(f"  (core instance $h{i} (instantiate $hog))\n" for i in range(n))
        wat += '  (core module $f (func (export "f")))\n  (core instance $fi (instantiate $f))\n  (func $f (canon lift (core func $fi "f")))\n  (instance $i'
        for fn in ("info", "defaults", "recipients", "section", "house-style", "validate"):
            wat += f' (export "{fn}" (func $f))'
        wat += ')\n  (export "vbhc:plugin/province@1.0.0" (instance $i))\n)\n'
        return wasmtime.wat2wasm(wat)

    import hashlib

    for n in (8, 16):
        d = path(f"hog{n}")
        os.makedirs(d, exist_ok=True)
        wasm = hog(n)
        open(os.path.join(d, "hog.wasm"), "wb").write(wasm)
        open(os.path.join(d, "plugin.toml"), "w").write(
            f'id = "hog{n}"\nname = "Hog"\nversion = "1.0.0"\nprovince = "Nowhere"\napi = "1.0.0"\nwasm = "hog.wasm"\nsha256 = "{hashlib.sha256(wasm).hexdigest()}"\n'
        )
except ImportError:
    print("python wasmtime not installed: the multi-memory plugins are not made", file=sys.stderr)
for name, target in (("zero", "/dev/zero"), ("urandom", "/dev/urandom"), ("fifo", None)):
    d = path(f"wasm_{name}")
    os.makedirs(d, exist_ok=True)
    w = os.path.join(d, "z.wasm")
    if not os.path.lexists(w):
        if target:
            os.symlink(target, w)
        else:
            os.mkfifo(w)
    open(os.path.join(d, "plugin.toml"), "w").write(
        f'id = "w{name}"\nname = "W"\nversion = "1.0.0"\nprovince = "Nowhere"\napi = "1.0.0"\nwasm = "z.wasm"\nsha256 = "{"0" * 64}"\n'
    )
print("made", len(os.listdir(out)), "inputs in", out)
