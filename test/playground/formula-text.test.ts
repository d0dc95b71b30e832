/**
 * The playground's formula text helpers: full-width punctuation typed by a Chinese input method,
 * and HyperFormula's own (English, developer-facing) messages put in words a clerk reads. The
 * engine's messages are produced by HyperFormula itself here, so a HyperFormula upgrade that
 * rewords them fails these tests instead of showing the raw text again.
 */
import { DetailedCellError } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { buildAssessEngine } from '../../src/functions/hyperformula';
import { explainEngineMessage, normaliseFullWidth, renamedNote, toExcelFormula } from '../../src/playground/formula-text';

const zh = { zh: true };
const en = { zh: false };

describe('normaliseFullWidth', () => {
  it('makes ，（）“” ASCII outside string literals and lists what it changed', () => {
    expect(normaliseFullWidth('=ASSESS.SCORE（A2:D2，“chengdu2006”，A1:D1）')).toEqual({
      text: '=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)',
      replaced: ['（', '，', '“', '”', '）'],
    });
    expect(normaliseFullWidth('＝ASSESS.GRADE(B3，"tacheng2020")').text).toBe('=ASSESS.GRADE(B3,"tacheng2020")');
    expect(normaliseFullWidth('=SUM(A1：A3)').text).toBe('=SUM(A1:A3)');
  });

  it('keeps text inside string literals and quoted sheet names as typed', () => {
    const inLiteral = '=IF(A1="第九条（三），加分","是","否")';
    expect(normaliseFullWidth(inLiteral)).toEqual({ text: inLiteral, replaced: [] });
    // Opened with “, the literal keeps its ASCII-free content and closes at ”.
    expect(normaliseFullWidth('=IF(A1=“第九条（三）”，1，0)').text).toBe('=IF(A1="第九条（三）",1,0)');
    // A doubled "" inside an ASCII literal is an escaped quote, not its end.
    expect(normaliseFullWidth('=A1&"说""明（一）"""，').text).toBe('=A1&"说""明（一）""",');
    expect(normaliseFullWidth("='县（区） 台账'!A1＋1").text).toBe("='县（区） 台账'!A1+1");
  });

  it('leaves anything that is not a formula unchanged', () => {
    expect(normaliseFullWidth('锦江区（第一圈），备注')).toEqual({ text: '锦江区（第一圈），备注', replaced: [] });
    expect(normaliseFullWidth('12，5').text).toBe('12，5');
  });
});

/** HyperFormula's message for a formula, as the playground receives it. */
function engineMessage(formula: string): string {
  const hf = buildAssessEngine([[formula]]);
  const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  if (!(value instanceof DetailedCellError)) throw new Error(`${formula} is not an error: ${String(value)}`);
  return value.message;
}

describe('explainEngineMessage', () => {
  it('a missing closing bracket', () => {
    const message = engineMessage('=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1');
    expect(message).toMatch(/^Parsing error/);
    expect(explainEngineMessage(message, zh)).toBe('公式语法有误：缺少右括号“)”');
    expect(explainEngineMessage(message, en)).toBe('Formula syntax error: a closing parenthesis “)” is missing');
  });

  it('a semicolon between arguments (the separator of some European Excels)', () => {
    expect(explainEngineMessage(engineMessage('=ASSESS.SCORE(A2:D2;"chengdu2006")'), zh)).toBe('公式语法有误：参数之间用英文逗号“,”分隔，不用分号“;”');
  });

  it('a missing comma between arguments names what was found', () => {
    expect(explainEngineMessage(engineMessage('=ASSESS.SCORE(A2:D2 "chengdu2006")'), zh)).toBe('公式语法有误：此处应为逗号“,”或右括号“)”，却是 “"chengdu2006"”');
  });

  it('an unclosed quote, a character the lexer does not know, a bracket too many, an unfinished formula', () => {
    expect(explainEngineMessage(engineMessage('="abc'), zh)).toBe('公式语法有误：引号没有配对：文本要用一对英文双引号 "…" 括起来');
    expect(explainEngineMessage(engineMessage('=1＋2'), zh)).toBe('公式语法有误：无法识别字符“＋”（请用英文标点和字母）');
    expect(explainEngineMessage(engineMessage('=SUM(1,2))'), zh)).toBe('公式语法有误：公式结尾多出“)”（括号多了一个？）');
    expect(explainEngineMessage(engineMessage('=1+'), zh)).toBe('公式语法有误：公式不完整：运算符、逗号或左括号后缺少内容');
  });

  it('an unknown function and a wrong number of arguments', () => {
    expect(explainEngineMessage(engineMessage('=ASSESS.SCOR(B1,"chengdu2006")'), zh)).toBe('没有名为 ASSESS.SCOR 的函数：请检查拼写（ASSESS 函数写作 ASSESS.SCORE 等）');
    expect(explainEngineMessage(engineMessage('=ASSESS.SCORE(B2:E2,,"chengdu2006",B1:E1)'), zh)).toBe('参数个数不对：请对照函数说明检查逗号和参数');
  });

  it('an error HyperFormula gives no message: said from its error value', () => {
    const hf = buildAssessEngine([['=A1+1']]);
    const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
    hf.destroy();
    expect(value).toBeInstanceOf(DetailedCellError);
    const { message, value: shown } = value as DetailedCellError;
    expect([shown, message]).toEqual(['#CYCLE!', '']);
    expect(explainEngineMessage(message, zh, shown)).toBe('循环引用：公式直接或间接引用了自身');
  });

  it('leaves the ASSESS functions’ own messages (already Chinese and English) as they are', () => {
    const own = '条目 9.3（率先推出创新性政务服务举措）的值 "-1" 无效：应为不小于0的整数 / the value "-1" of item 9.3 is invalid';
    expect(explainEngineMessage(own, zh)).toBe(own);
  });
});

describe('toExcelFormula: the Chinese names the playground accepts become the ASSESS.* names Excel and WPS know', () => {
  it('renames every Chinese function name outside string literals and lists each once, in the order typed', () => {
    // The names are zh-cn.json's: SCORE 计算得分, GRADE 评定等次, BREAKDOWN 得分明细.
    expect(toExcelFormula('=考核.评定等次(考核.计算得分(A2:D2,"chengdu2006",A1:D1),"tacheng2020")')).toEqual({
      text: '=ASSESS.GRADE(ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1),"tacheng2020")',
      renamed: [
        { from: '考核.评定等次', to: 'ASSESS.GRADE' },
        { from: '考核.计算得分', to: 'ASSESS.SCORE' },
      ],
    });
    expect(toExcelFormula('=考核.得分明细(A2:D2,"chengdu2006",A1:D1)+0*考核.得分明细(A2:D2,"chengdu2006",A1:D1)').renamed).toEqual([
      { from: '考核.得分明细', to: 'ASSESS.BREAKDOWN' },
    ]);
  });

  it('leaves a Chinese name inside text, an ASSESS.* formula and a value that is not a formula as they are', () => {
    const literal = '=IF(A1="考核.计算得分(",1,0)';
    expect(toExcelFormula(literal)).toEqual({ text: literal, renamed: [] });
    expect(toExcelFormula('=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)')).toEqual({ text: '=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)', renamed: [] });
    expect(toExcelFormula('考核.计算得分(A2)')).toEqual({ text: '考核.计算得分(A2)', renamed: [] });
  });

  it('says what was renamed and why, in the page\'s language', () => {
    const renamed = toExcelFormula('=考核.计算得分(A2:D2,"chengdu2006",A1:D1)').renamed;
    expect(renamedNote(renamed, zh)).toBe('已将 考核.计算得分 改为 ASSESS.SCORE：Excel 和 WPS 只认 ASSESS.* 函数名，中文名在其中是 #NAME?。公式栏里的公式可以直接复制到 Excel 或 WPS。');
    expect(renamedNote(renamed, en)).toBe('考核.计算得分 was changed to ASSESS.SCORE: Excel and WPS know only the ASSESS.* names (a Chinese name is #NAME? there). The formula in the formula bar can be copied into Excel or WPS as it is.');
    expect(renamedNote([], zh)).toBe('');
  });
});
