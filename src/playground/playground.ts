/**
 * The playground: a small spreadsheet in the browser (HyperFormula) with the ASSESS functions
 * registered, the example workbooks loaded as sheets (with ready ASSESS formulas beside and under
 * their tables), a formula bar, a value panel with the selected cell's whole text, and live
 * recalculation. The rows down to each sheet's header row stay in view when scrolling.
 * Every cell is rendered with textContent, never as HTML.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { columnLetters } from '../excel/addresses';
import { buildAssessEngine, setMessageLanguage, toEngineFormula } from '../functions/hyperformula';
import { type Sheet, exampleLayout, withReadyFormulas } from './examples';
import { explainEngineMessage, normaliseFullWidth, renamedNote, toExcelFormula, type Wording } from './formula-text';

interface ExampleSheet {
  name: string;
  cells: Sheet;
}

// One language per message: the page's (Chinese for a zh-* browser, English otherwise).
const wording: Wording = { zh: /^zh/i.test(navigator.language) };
// The ASSESS functions' own errors too (Excel shows both languages; this page knows which it shows).
setMessageLanguage(wording.zh ? 'zh' : 'en');
const T = wording.zh
  ? {
      scratch: '试算',
      ready: '就绪：在下方选择单元格，在公式栏输入后按回车。',
      error: '公式有误：',
      fullWidth: (chars: string) => `已将全角标点 ${chars} 改为英文标点（引号内的文字不变）。Excel 公式只认英文标点。`,
      empty: '（空）',
    }
  : {
      scratch: 'Scratch',
      ready: 'Ready: pick a cell, type in the formula bar, press Enter.',
      error: 'Formula error: ',
      fullWidth: (chars: string) => `Full-width punctuation ${chars} was changed to ASCII (text inside quotes is kept). Excel formulas take ASCII punctuation only.`,
      empty: '(empty)',
    };

/** A scratch sheet that shows the functions at work from the start. */
const SCRATCH: Sheet = [
  ['9.1', '9.3', '9.4.national', '10.5', '', '说明'],
  [5, 6, 3, 1, '', '成都 2006：一行数据配表头'],
  [],
  ['=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)', '=ASSESS.EXPLAIN(A2:D2,"chengdu2006",A1:D1)'],
  [],
  ['=ASSESS.BREAKDOWN(A2:D2,"chengdu2006",A1:D1)'],
];

const columnName = columnLetters;

/** An error value's message in the page's language (HyperFormula's own English messages explained). */
function errorText(error: DetailedCellError): string {
  return explainEngineMessage(error.message, wording, error.value);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

class Playground {
  private sheet = 0;
  private selected = { row: 0, col: 0 };
  private readonly grid = document.getElementById('grid') as HTMLTableElement;
  private readonly formula = document.getElementById('formula') as HTMLInputElement;
  private readonly address = document.getElementById('address') as HTMLOutputElement;
  private readonly message = document.getElementById('message') as HTMLElement;
  private readonly valuePanel = document.getElementById('value') as HTMLElement;
  /** What the clerk typed (Chinese function names made ASSESS.*), by cell, so a formula shows as written. */
  private readonly typed = new Map<string, string>();

  constructor(
    private readonly hf: HyperFormula,
    /** Per sheet id, how many rows from the top stay in view (title rows and the header row). */
    private readonly frozenRows: ReadonlyMap<number, number>,
  ) {
    this.formula.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commit(this.formula.value);
        this.move(1, 0);
        this.grid.focus();
      } else if (event.key === 'Escape') {
        this.showSelection();
        this.grid.focus();
      }
    });
    this.grid.addEventListener('click', (event) => {
      const cell = (event.target as HTMLElement).closest('td');
      if (!cell) return;
      this.select(Number(cell.dataset.row), Number(cell.dataset.col));
    });
    this.grid.addEventListener('dblclick', () => this.formula.focus());
    this.grid.addEventListener('keydown', (event) => this.onGridKey(event));
    this.renderTabs();
    this.render();
    this.message.textContent = T.ready;
  }

  private onGridKey(event: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      this.move(...move);
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.formula.focus();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.commit('');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.formula.value = event.key;
      this.formula.focus();
    }
  }

  private address_(): SimpleCellAddress {
    return { sheet: this.sheet, row: this.selected.row, col: this.selected.col };
  }

  private move(dRow: number, dCol: number): void {
    this.select(Math.max(0, this.selected.row + dRow), Math.max(0, this.selected.col + dCol));
  }

  select(row: number, col: number): void {
    this.selected = { row, col };
    this.render();
    this.showSelection();
  }

  private showSelection(): void {
    const address = this.address_();
    this.address.textContent = `${columnName(address.col)}${address.row + 1}`;
    const formula = this.hf.getCellFormula(address);
    const raw = this.hf.getCellSerialized(address);
    const typed = this.typed.get(this.key(address));
    const shown = formula === undefined ? undefined : typed !== undefined && toEngineFormula(typed) === formula ? typed : formula;
    this.formula.value = shown ?? (raw === null || raw === undefined ? '' : String(raw));
    this.showValue(address);
  }

  /** The whole text of the cell's value, which the grid cuts at the column's width (EXPLAIN, long findings, headers). */
  private showValue(address: SimpleCellAddress): void {
    const value = this.hf.getCellValue(address);
    const cellName = `${columnName(address.col)}${address.row + 1}`;
    this.valuePanel.classList.toggle('err', value instanceof DetailedCellError);
    if (value instanceof DetailedCellError) this.valuePanel.textContent = `${cellName}  ${value.value}：${errorText(value)}`;
    else if (value === null || value === undefined || value === '') this.valuePanel.textContent = `${cellName}  ${T.empty}`;
    else this.valuePanel.textContent = `${cellName}  ${String(value)}`;
  }

  private key(address: SimpleCellAddress): string {
    return `${address.sheet}:${address.row}:${address.col}`;
  }

  commit(text: string): void {
    // A Chinese input method types ，（）“” and ＝: made ASCII outside string literals, and said so.
    const { text: normalised, replaced } = normaliseFullWidth(text.trim());
    const trimmed = normalised.trim();
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : undefined;
    // Chinese function names (考核.计算得分) are accepted but kept and shown as the ASSESS.* names
    // Excel and WPS know (a Chinese name is #NAME? there), and the clerk is told so.
    const formula = trimmed.startsWith('=') ? toExcelFormula(trimmed) : undefined;
    const content: RawCellContent = trimmed === '' ? null : number ?? formula?.text ?? text;
    try {
      this.typed.set(this.key(this.address_()), formula?.text ?? trimmed);
      this.hf.setCellContents(this.address_(), [[content]]);
      this.render();
      this.showSelection();
      const notes = [replaced.length > 0 ? T.fullWidth(replaced.join(' ')) : '', renamedNote(formula?.renamed ?? [], wording)];
      this.message.textContent = notes.filter((note) => note !== '').join(' ');
    } catch (error) {
      this.message.textContent = T.error + (error instanceof Error ? explainEngineMessage(error.message, wording) : String(error));
    }
  }

  private renderTabs(): void {
    const tabs = document.getElementById('tabs') as HTMLElement;
    tabs.replaceChildren();
    for (const name of this.hf.getSheetNames()) {
      const id = this.hf.getSheetId(name) ?? 0;
      const button = element('button', name);
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(id === this.sheet));
      button.dataset.sheet = String(id);
      button.addEventListener('click', () => {
        this.sheet = id;
        this.selected = { row: 0, col: 0 };
        this.renderTabs();
        this.render();
        this.showSelection();
      });
      tabs.append(button);
    }
  }

  private render(): void {
    const size = this.hf.getSheetDimensions(this.sheet);
    const rows = Math.max(size.height + 4, this.selected.row + 2, 20);
    const cols = Math.max(size.width + 2, this.selected.col + 2, 8);
    const head = element('tr');
    head.append(element('th', ''));
    for (let c = 0; c < cols; c++) head.append(element('th', columnName(c)));
    const body: HTMLTableRowElement[] = [head];
    const frozen = this.frozenRows.get(this.sheet) ?? 0;
    for (let r = 0; r < rows; r++) {
      const tr = element('tr');
      if (r < frozen) tr.className = 'frozen';
      const th = element('th', String(r + 1));
      th.className = 'row';
      tr.append(th);
      for (let c = 0; c < cols; c++) {
        const address = { sheet: this.sheet, row: r, col: c };
        const value = this.hf.getCellValue(address);
        const td = element('td');
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.address = `${columnName(c)}${r + 1}`;
        if (value instanceof DetailedCellError) {
          td.textContent = value.value;
          td.title = errorText(value);
          td.className = 'err';
        } else if (value !== null && value !== undefined) {
          td.textContent = String(value);
          if (typeof value === 'number') td.className = 'num';
          if (this.hf.isCellPartOfArray(address) && !this.hf.doesCellHaveFormula(address)) td.classList.add('spill');
        }
        if (r === this.selected.row && c === this.selected.col) td.setAttribute('aria-selected', 'true');
        tr.append(td);
      }
      body.push(tr);
    }
    this.grid.replaceChildren(...body);
    this.stickFrozenRows(body, frozen);
    this.grid.querySelector('td[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /**
   * Frozen rows stick under the column letters, each below the one before: their offsets are
   * measured once laid out (set through the CSSOM, which the page's CSP allows; no style attribute).
   */
  private stickFrozenRows(rows: HTMLTableRowElement[], frozen: number): void {
    let top = rows[0].getBoundingClientRect().height;
    for (let r = 1; r <= frozen && r < rows.length; r++) {
      for (const cell of Array.from(rows[r].cells)) cell.style.top = `${top}px`;
      top += rows[r].getBoundingClientRect().height;
    }
  }
}

async function loadExamples(): Promise<ExampleSheet[]> {
  try {
    const response = await fetch('playground-examples.json');
    return response.ok ? ((await response.json()) as ExampleSheet[]) : [];
  } catch {
    return [];
  }
}

async function start(): Promise<void> {
  const sheets: Record<string, Sheet> = { [T.scratch]: SCRATCH };
  const headerRows = new Map<string, number>([[T.scratch, 0]]);
  for (const example of await loadExamples()) {
    sheets[example.name] = withReadyFormulas(example.name, example.cells, wording);
    headerRows.set(example.name, exampleLayout(example.cells).headerRow);
  }
  const hf = buildAssessEngine(sheets, { useArrayArithmetic: true });
  const frozenRows = new Map<number, number>();
  for (const [name, headerRow] of headerRows) {
    const id = hf.getSheetId(name);
    if (id !== undefined) frozenRows.set(id, headerRow + 1);
  }
  const playground = new Playground(hf, frozenRows);
  playground.select(3, 0);
  (window as unknown as { assessPlayground: Playground }).assessPlayground = playground;
}

void start();
