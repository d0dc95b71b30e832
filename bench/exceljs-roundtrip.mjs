// The CLI baseline: exceljs reading an .xlsx and writing it back, nothing else.
//   node bench/exceljs-roundtrip.mjs in.xlsx out.xlsx
import ExcelJS from 'exceljs';

const [input, output] = process.argv.slice(2);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(input);
await workbook.xlsx.writeFile(output);
