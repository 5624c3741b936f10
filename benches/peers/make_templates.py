"""Turns one document vbhc rendered (its row's values written as markers) into the two peers'
templates: the same DOCX with `{{ key }}` (docxtpl, Jinja) or `{key}` (docxtemplater) where the
row's values stand. Every marker must sit whole inside one w:t, or the peers could not fill it:
checked, not assumed."""
import re
import sys
import zipfile

src, out_tpl, out_dtr = sys.argv[1:4]
KEYS = ["ten_cong_ty", "dia_chi_co_so", "ngay_kiem_tra"]


def convert(xml: str, open_: str, close: str) -> str:
    for k in KEYS:
        marker = f"MARK{k.upper()}MARK"
        n = xml.count(marker)
        if n == 0:
            sys.exit(f"marker {marker} not found whole in one text run")
        xml = xml.replace(marker, f"{open_}{k}{close}")
    if "MARK" in re.sub(r"<[^>]+>", "", xml):
        sys.exit("a marker was split across runs")
    # The number is the one value vbhc must have as a number: row 1's is 01.
    if xml.count(">Số: 01/") != 1:
        sys.exit("the number `Số: 01/` is not in one text run")
    return xml.replace(">Số: 01/", f">Số: {open_}so{close}/")


def write(path: str, open_: str, close: str) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = convert(data.decode("utf-8"), open_, close).encode("utf-8")
            zout.writestr(item, data)


write(out_tpl, "{{ ", " }}")
write(out_dtr, "{", "}")
