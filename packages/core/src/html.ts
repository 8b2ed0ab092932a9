/**
 * Official documents as a standalone HTML page (A4, Times New Roman, the Decree 30 header), for
 * portals and for printing from a browser. Every piece of user text is escaped.
 */
import { addresseeLines, recipientLines } from "./documentOutline.js";
import { formatCell, type OfficialDocument } from "./officialDocument.js";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const STYLE = `@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{font-family:"Times New Roman",Tinos,"Liberation Serif",serif;font-size:14pt;line-height:1.3;max-width:165mm;margin:0 auto}
.header{width:100%;border-collapse:collapse;font-size:13pt}.header td{vertical-align:top;text-align:center;width:50%;padding:0}
.org{font-weight:bold;text-transform:uppercase}.motto{font-weight:bold}.rule{width:40%;margin:2pt auto;border-top:1px solid #000}
.date{font-style:italic;text-align:right}.title{text-align:center;font-weight:bold;margin:12pt 0 0}.summary{text-align:center;font-weight:bold;margin:0 0 12pt}
p{text-align:justify;text-indent:1cm;margin:0 0 6pt}h2,h3{font-size:14pt;margin:6pt 0;text-indent:1cm}h2{text-transform:uppercase}
table.data{width:100%;border-collapse:collapse;font-size:12pt;margin:6pt 0}table.data th,table.data td{border:1px solid #000;padding:2pt 4pt}
table.data td.num{text-align:right}.footer{width:100%;margin-top:18pt}.footer td{vertical-align:top;width:50%}
.recipients{font-size:11pt}.recipients b{font-size:12pt;font-style:italic}.sign{text-align:center;font-weight:bold}`;

/** A whole HTML page of an official document. */
export function renderDocumentHtml(doc: OfficialDocument): string {
  const e = escapeHtml;
  const parts: string[] = [
    "<!DOCTYPE html>",
    '<html lang="vi"><head><meta charset="utf-8">',
    `<title>${e(doc.documentTitle)} — ${e(doc.summary)}</title>`,
    `<style>${STYLE}</style></head><body>`,
    '<table class="header"><tr><td>',
    ...(doc.parentBody === undefined
      ? []
      : [`<div class="org" style="font-weight:normal">${e(doc.parentBody)}</div>`]),
    `<div class="org">${e(doc.issuer)}</div><div class="rule"></div><div>${e(doc.numberLine)}</div>`,
    '</td><td><div class="org">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
    '<div class="motto">Độc lập - Tự do - Hạnh phúc</div><div class="rule"></div>',
    `<div class="date">${e(doc.placeDate)}</div></td></tr></table>`,
    `<div class="title">${e(doc.documentTitle)}</div>`,
    `<div class="summary">${e(doc.summary)}</div>`,
    ...(doc.addressees.length === 0
      ? []
      : [`<p class="addressees">${addresseeLines(doc.addressees).map(e).join("<br>")}</p>`]),
  ];
  for (const b of doc.body) {
    switch (b.type) {
      case "section":
        parts.push(`<h2>${e(`${b.label} ${b.text}`)}</h2>`);
        break;
      case "subsection":
        parts.push(`<h3>${e(`${b.label} ${b.text}`)}</h3>`);
        break;
      case "item":
        parts.push(`<p>${e(`${b.label} ${b.text}`)}</p>`);
        break;
      case "dash":
        parts.push(`<p>${e(`- ${b.text}`)}</p>`);
        break;
      case "paragraph":
        parts.push(`<p>${e(b.text)}</p>`);
        break;
      case "table":
        parts.push(
          '<table class="data"><thead><tr>',
          ...b.columns.map((c) => `<th>${e(c.header)}</th>`),
          "</tr></thead><tbody>",
          ...b.rows.map(
            (row) =>
              `<tr>${b.columns
                .map((c, i) => {
                  const numeric = c.format !== "text" && c.format !== "date";
                  return `<td${numeric ? ' class="num"' : ""}>${e(formatCell(row[i] ?? null, c.format))}</td>`;
                })
                .join("")}</tr>`,
          ),
          "</tbody></table>",
        );
        break;
    }
  }
  const recipients = recipientLines(doc.recipients);
  const s = doc.signer;
  parts.push(
    '<table class="footer"><tr><td class="recipients">',
    recipients.length > 0 ? `<b>Nơi nhận:</b><br>${recipients.map(e).join("<br>")}` : "",
    '</td><td class="sign">',
    s === undefined
      ? ""
      : `${s.authority === undefined ? "" : `${e(s.authority)}<br>`}${e(s.title)}<br><br><br><br>${e(s.name)}`,
    "</td></tr></table></body></html>",
  );
  return `${parts.join("\n")}\n`;
}
