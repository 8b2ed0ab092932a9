import { runExporterContract } from "@cchc/testing/contracts";
import { icalExporter } from "../src/index.js";
import { extractText } from "./readBack.js";

// An iCalendar file carries a plan's deadlines (and activities), not its prose: the reader checks
// the period labels, the issuer and the unit reports go to.
runExporterContract("ics", icalExporter, {
  extractText,
  expectedText: {
    plan: [
      "Quý I năm 2018",
      "Năm 2018",
      "Bộ Thông tin và Truyền thông",
      "Vụ Tổ chức cán bộ",
      "Hạn báo cáo CCHC",
    ],
    calendar: ["Quý I năm 2018", "6 tháng đầu năm 2018"],
  },
});
