import { runExporterContract } from "@cchc/testing/contracts";
import { xlsxExporter } from "../src/index.js";
import { extractText } from "./readBack.js";

// Read back with SheetJS, not exceljs: every cell's displayed text, every sheet.
runExporterContract("xlsx", xlsxExporter, { extractText });
