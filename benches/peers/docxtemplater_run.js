// docxtemplater: one document per row of rows.csv from template.docx, into OUT. The template
// file is read once; each document unzips, fills and zips it again (the library's way).
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");

const [template, rows, out] = process.argv.slice(2);
const content = fs.readFileSync(template, "binary");
const lines = fs.readFileSync(rows, "utf8").replace(/^\uFEFF/, "").trim().split("\n");
const keys = lines[0].split(",");
lines.slice(1).forEach((line, i) => {
  const values = line.split(",");
  const data = Object.fromEntries(keys.map((k, j) => [k, values[j]]));
  data.so = String(i + 1).padStart(2, "0");
  const doc = new Docxtemplater(new PizZip(content), { paragraphLoop: true, linebreaks: true });
  doc.render(data);
  fs.writeFileSync(`${out}/${data.so}.docx`, doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" }));
});
