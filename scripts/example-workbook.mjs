/** What the two example-writing scripts share. */
import ExcelJS from 'exceljs';

/** A workbook with fixed metadata (author, dates) so that regenerating changes only what changed. */
export function newWorkbook(creator, date) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = new Date(date);
  workbook.modified = new Date(date);
  return workbook;
}
