/**
 * Formula text in the playground: what a Chinese input method types, and what HyperFormula says
 * back. Pure functions (no DOM), so they are tested in Node as well as in the page.
 */
import { CHINESE_FUNCTION_NAMES, toEngineFormula } from '../functions/hyperformula';

/** Full-width punctuation a Chinese input method types in place of the formula's ASCII. */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '，': ',',
  '（': '(',
  '）': ')',
  '：': ':',
  '＝': '=',
  '＋': '+',
  '－': '-',
  '＊': '*',
  '／': '/',
  '＄': '$',
  '！': '!',
};
const OPENING_QUOTES = new Set(['"', '“', '”', '＂']);

export interface NormalisedFormula {
  /** The formula with ASCII punctuation outside string literals. */
  text: string;
  /** The full-width characters that were replaced, in the order first met (empty: nothing changed). */
  replaced: string[];
}

/**
 * `=ASSESS.SCORE（A2:D2，“chengdu2006”）` → `=ASSESS.SCORE(A2:D2,"chengdu2006")`. Only formulas
 * (text starting with = or ＝) change, and only outside string literals and quoted sheet names:
 * `"第九条（三）"` keeps its brackets. A literal opened with “ or ” closes with either of them or
 * with "; one opened with " closes only with " (so “ ” inside it are kept as typed).
 */
export function normaliseFullWidth(input: string): NormalisedFormula {
  const trimmed = input.trimStart();
  if (!trimmed.startsWith('=') && !trimmed.startsWith('＝')) return { text: input, replaced: [] };
  const replaced: string[] = [];
  const note = (char: string) => {
    if (!replaced.includes(char)) replaced.push(char);
  };
  let out = '';
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (OPENING_QUOTES.has(char)) {
      // A string literal: copied as typed, its quotes made ASCII.
      if (char !== '"') note(char);
      const asciiOpened = char === '"';
      out += '"';
      i++;
      while (i < input.length) {
        const inner = input[i];
        if (inner === '"' && input[i + 1] === '"') {
          out += '""';
          i += 2;
          continue;
        }
        if (inner === '"' || (!asciiOpened && (inner === '“' || inner === '”' || inner === '＂'))) {
          if (inner !== '"') note(inner);
          out += '"';
          i++;
          break;
        }
        out += inner;
        i++;
      }
      continue;
    }
    if (char === "'") {
      // A quoted sheet name ('县 台账'!A1): copied as typed.
      const end = input.indexOf("'", i + 1);
      const stop = end === -1 ? input.length : end + 1;
      out += input.slice(i, stop);
      i = stop;
      continue;
    }
    const ascii = FULL_WIDTH[char];
    if (ascii !== undefined) {
      note(char);
      out += ascii;
    } else if (char === '\u3000') {
      note(char);
      out += ' ';
    } else {
      out += char;
    }
    i++;
  }
  return { text: out, replaced };
}

export interface ExcelFormula {
  /** The formula with the ASSESS.* names Excel and WPS know. */
  text: string;
  /** Each Chinese name that was replaced, once, in the order first typed (empty: nothing changed). */
  renamed: Array<{ from: string; to: string }>;
}

const LITERAL_OR_QUOTED_SHEET = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/**
 * `=考核.计算得分(A2:D2,"chengdu2006",A1:D1)` → `=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)`. The
 * playground accepts the former Chinese names, but Excel and WPS know only the ASSESS.* ones (a
 * Chinese name is #NAME? there), so the formula kept and shown is the one a clerk can copy.
 * Names inside string literals are text and stay as typed.
 */
export function toExcelFormula(formula: string): ExcelFormula {
  const text = toEngineFormula(formula);
  if (text === formula) return { text, renamed: [] };
  const outside = formula.replace(LITERAL_OR_QUOTED_SHEET, (literal) => ' '.repeat(literal.length));
  const renamed = Object.entries(CHINESE_FUNCTION_NAMES)
    .map(([from, to]) => ({ from, to, at: new RegExp(`${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\(`).exec(outside)?.index ?? -1 }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ from, to }) => ({ from, to }));
  return { text, renamed };
}

/** What was renamed and why, in the page's language (empty when nothing was). */
export function renamedNote(renamed: ExcelFormula['renamed'], wording: Wording): string {
  if (renamed.length === 0) return '';
  const from = renamed.map((r) => r.from).join(wording.zh ? '、' : ', ');
  const to = renamed.map((r) => r.to).join(wording.zh ? '、' : ', ');
  return say(
    wording,
    `已将 ${from} 改为 ${to}：Excel 和 WPS 只认 ASSESS.* 函数名，中文名在其中是 #NAME?。公式栏里的公式可以直接复制到 Excel 或 WPS。`,
    `${from} was changed to ${to}: Excel and WPS know only the ASSESS.* names (a Chinese name is #NAME? there). The formula in the formula bar can be copied into Excel or WPS as it is.`,
  );
}

/** A message in the page's language: Chinese for a zh-* browser, English otherwise. */
export interface Wording {
  zh: boolean;
}

const TOKEN_TEXT: Readonly<Record<string, string>> = {
  RParen: ')',
  LParen: '(',
  ArgSeparator: ',',
  RangeSeparator: ':',
  ArrayRParen: '}',
};

function say(wording: Wording, zh: string, en: string): string {
  return wording.zh ? zh : en;
}

/** What HyperFormula found where it expected something else: `''` is the end of the formula. */
function foundText(found: string, wording: Wording): string {
  const bare = found.replace(/^'(.*)'$/s, '$1');
  return bare === '' ? say(wording, '公式结尾', 'the end of the formula') : `“${bare}”`;
}

/**
 * HyperFormula's own messages (English, for developers) in words a clerk reads: formula syntax
 * errors (`Parsing error. Expecting token of type --> RParen <-- …`), unknown functions and wrong
 * argument counts. Messages that are not HyperFormula's (the ASSESS functions' own, already
 * Chinese and English) are returned unchanged.
 */
export function explainEngineMessage(message: string, wording: Wording, errorValue?: string): string {
  // HyperFormula leaves some errors without a message: say what the error value means.
  if (message === '' && errorValue !== undefined) return EMPTY_MESSAGE[errorValue]?.(wording) ?? '';
  const parsing = /^Parsing error\.\s*/.exec(message);
  if (parsing) return explainParsingError(message.slice(parsing[0].length), wording);
  const unknown = /^Function name (.+) not recognized\.?$/.exec(message);
  if (unknown) {
    return say(
      wording,
      `没有名为 ${unknown[1]} 的函数：请检查拼写（ASSESS 函数写作 ASSESS.SCORE 等）`,
      `there is no function named ${unknown[1]}: check the spelling (ASSESS functions are written ASSESS.SCORE and so on)`,
    );
  }
  if (/^Wrong number of arguments\.?$/.test(message)) {
    return say(wording, '参数个数不对：请对照函数说明检查逗号和参数', 'wrong number of arguments: check the commas and arguments against the function’s help');
  }
  if (/^No space for array result\.?$/.test(message)) {
    return say(wording, '结果要展开到下方和右侧的单元格，但那里已有内容：请清空这些单元格', 'the result spills into the cells below and to the right, but they are not empty: clear them');
  }
  if (/^Cyclic dependency\.?$/.test(message)) {
    return say(wording, '循环引用：公式直接或间接引用了自身', 'circular reference: the formula refers to itself');
  }
  return message;
}

const EMPTY_MESSAGE: Readonly<Record<string, (wording: Wording) => string>> = {
  '#CYCLE!': (w) => say(w, '循环引用：公式直接或间接引用了自身', 'circular reference: the formula refers to itself'),
  '#DIV/0!': (w) => say(w, '除数为 0', 'division by zero'),
  '#REF!': (w) => say(w, '引用的单元格不存在', 'the referenced cell does not exist'),
};

function explainParsingError(detail: string, wording: Wording): string {
  const prefix = say(wording, '公式语法有误：', 'Formula syntax error: ');
  const expecting = /^Expecting token of type --> (\w+) <-- but found --> (.*) <--$/s.exec(detail);
  if (expecting) {
    const [, token, found] = expecting;
    const bare = found.replace(/^'(.*)'$/s, '$1');
    if (token === 'RParen' && bare === ';') {
      return prefix + say(wording, '参数之间用英文逗号“,”分隔，不用分号“;”', 'separate arguments with a comma “,”, not a semicolon “;”');
    }
    const wanted = TOKEN_TEXT[token];
    if (token === 'RParen' && bare === '') return prefix + say(wording, '缺少右括号“)”', 'a closing parenthesis “)” is missing');
    if (token === 'RParen') {
      return prefix + say(wording, `此处应为逗号“,”或右括号“)”，却是 ${foundText(found, wording)}`, `a comma “,” or a closing parenthesis “)” is expected here, not ${foundText(found, wording)}`);
    }
    if (wanted !== undefined) return prefix + say(wording, `此处应为“${wanted}”，却是 ${foundText(found, wording)}`, `“${wanted}” is expected here, not ${foundText(found, wording)}`);
  }
  const unexpected = /^unexpected character: ->(.)<- at offset: (\d+)/su.exec(detail);
  if (unexpected) {
    const char = unexpected[1];
    if (char === '"') return prefix + say(wording, '引号没有配对：文本要用一对英文双引号 "…" 括起来', 'a quote is not closed: text goes between a pair of double quotes "…"');
    return prefix + say(wording, `无法识别字符“${char}”（请用英文标点和字母）`, `the character “${char}” is not understood (use ASCII punctuation and letters)`);
  }
  const redundant = /^Redundant input, expecting EOF but found: (.*)$/s.exec(detail);
  if (redundant) return prefix + say(wording, `公式结尾多出“${redundant[1]}”（括号多了一个？）`, `extra “${redundant[1]}” at the end of the formula (one bracket too many?)`);
  const incomplete = /but found: ''$/.test(detail);
  if (incomplete) return prefix + say(wording, '公式不完整：运算符、逗号或左括号后缺少内容', 'the formula is incomplete: something is missing after an operator, comma or opening bracket');
  const found = /but found: (.*)$/s.exec(detail);
  if (found) return prefix + say(wording, `此处不应出现“${found[1].replace(/^'(.*)'$/s, '$1')}”`, `“${found[1].replace(/^'(.*)'$/s, '$1')}” is not expected here`);
  return prefix + say(wording, `无法解析（${detail.split('\n')[0]}）`, `cannot be parsed (${detail.split('\n')[0]})`);
}
