"""docxtpl: one document per row of rows.csv from template.docx, into OUT. The peer's own way:
a DocxTemplate per document (docxtpl renders a template object once)."""
import csv
import sys
from docxtpl import DocxTemplate

template, rows, out = sys.argv[1:4]
with open(rows, encoding="utf-8-sig", newline="") as f:
    for i, row in enumerate(csv.DictReader(f)):
        row["so"] = f"{i + 1:02d}"
        doc = DocxTemplate(template)
        doc.render(row)
        doc.save(f"{out}/{row['so']}.docx")
