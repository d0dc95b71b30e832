// The baseline for the CLI on a CSV: csv-parse streaming over the file, every record parsed and dropped
// (the same parser and options as src/cli/read-csv.ts, nothing kept).
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let records = 0;
const parser = createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true }));
for await (const record of parser) records += record.length > 0 ? 1 : 0;
process.stdout.write(`${records}\n`);
