/**
 * The playground: a small spreadsheet in the browser (HyperFormula) with the ASSESS functions
 * registered, the example workbooks loaded as sheets, a formula bar and live recalculation.
 * Every cell is rendered with textContent, never as HTML.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import { buildAssessEngine, toEngineFormula } from '../functions/hyperformula';

type Sheet = RawCellContent[][];
interface ExampleSheet {
  name: string;
  cells: Sheet;
}

const zh = /^zh/i.test(navigator.language);
const T = zh
  ? { scratch: '试算', ready: '就绪：在下方选择单元格，在公式栏输入后按回车。', error: '公式有误：' }
  : { scratch: 'Scratch', ready: 'Ready: pick a cell, type in the formula bar, press Enter.', error: 'Formula error: ' };

/** A scratch sheet that shows the functions at work from the start. */
const SCRATCH: Sheet = [
  ['9.1', '9.3', '9.4.national', '10.5', '', '说明'],
  [5, 6, 3, 1, '', '成都 2006：一行数据配表头'],
  [],
  ['=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)', '=ASSESS.EXPLAIN(A2:D2,"chengdu2006",A1:D1)'],
  [],
  ['=ASSESS.BREAKDOWN(A2:D2,"chengdu2006",A1:D1)'],
];

function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
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
  /** What the clerk typed, by cell, so a formula shows in the language it was written in. */
  private readonly typed = new Map<string, string>();

  constructor(private readonly hf: HyperFormula) {
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
    const value = this.hf.getCellValue(address);
    this.message.textContent = value instanceof DetailedCellError ? `${value.value}：${value.message}` : '';
  }

  private key(address: SimpleCellAddress): string {
    return `${address.sheet}:${address.row}:${address.col}`;
  }

  commit(text: string): void {
    const trimmed = text.trim();
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : undefined;
    // Chinese function names (考核.计算得分) are turned into the English ones the engine knows.
    const content: RawCellContent = trimmed === '' ? null : number ?? (trimmed.startsWith('=') ? toEngineFormula(trimmed) : text);
    try {
      this.typed.set(this.key(this.address_()), trimmed);
      this.hf.setCellContents(this.address_(), [[content]]);
      this.render();
      this.showSelection();
    } catch (error) {
      this.message.textContent = T.error + (error instanceof Error ? error.message : String(error));
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
    for (let r = 0; r < rows; r++) {
      const tr = element('tr');
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
          td.title = value.message;
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
  for (const example of await loadExamples()) sheets[example.name] = example.cells;
  const hf = buildAssessEngine(sheets, { useArrayArithmetic: true });
  const playground = new Playground(hf);
  playground.select(3, 0);
  (window as unknown as { assessPlayground: Playground }).assessPlayground = playground;
}

void start();
