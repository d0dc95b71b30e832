/**
 * Task pane (first version): pick a ruleset and browse its items with points, caps and clauses.
 * Cell and ruleset text is always set with textContent, never as HTML.
 */
import { items, rulesets } from '../functions/implementation';

const STRINGS = {
  zh: { title: '政务服务考核', ruleset: '规则集', code: '编码', label: '名称', points: '分值', cap: '上限', clause: '条款' },
  en: { title: 'Government service assessment', ruleset: 'Ruleset', code: 'Code', label: 'Item', points: 'Points', cap: 'Cap', clause: 'Clause' },
};

function text(id: string, value: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = value;
}

function showItems(id: string): void {
  const body = document.querySelector('#items tbody');
  if (!body) return;
  body.replaceChildren();
  const [, ...rows] = items([[id]]);
  for (const row of rows) {
    const tr = document.createElement('tr');
    for (const cell of row) {
      const td = document.createElement('td');
      td.textContent = String(cell);
      tr.append(td);
    }
    body.append(tr);
  }
  const info = rulesets().find((row) => row[0] === id);
  text('ruleset-meta', info ? `${info[1]} · ${info[2]} · ${info[3]}` : '');
}

function start(language: string): void {
  const strings = /^zh/i.test(language) ? STRINGS.zh : STRINGS.en;
  document.documentElement.lang = /^zh/i.test(language) ? 'zh-CN' : 'en';
  text('title', strings.title);
  text('ruleset-label', strings.ruleset);
  text('h-code', strings.code);
  text('h-label', strings.label);
  text('h-points', strings.points);
  text('h-cap', strings.cap);
  text('h-clause', strings.clause);
  const select = document.getElementById('ruleset') as HTMLSelectElement | null;
  if (!select) return;
  for (const [id, title] of rulesets().slice(1)) {
    const option = document.createElement('option');
    option.value = String(id);
    option.textContent = `${id} — ${title}`;
    select.append(option);
  }
  select.addEventListener('change', () => showItems(select.value));
  showItems(select.value);
}

if (typeof Office !== 'undefined') Office.onReady(() => start(Office.context?.displayLanguage ?? navigator.language));
else start(navigator.language);
