/** The clerk's table both browser tests of the pane open (Excel and WPS): chengdu2006 data whose headers mix codes, labels and a near miss. */
export const XSS = '<img src=x onerror=alert(1)>';
/**
 * A real district the 2006 regulation does not list (so it has no 圈层: a finding), the unit the
 * README's pictures show; the XSS name replaces it in the test that looks for cell text as text.
 */
export const UNLISTED = '天府新区';
export const SOURCE = '考核 数据';
export const SOURCE_ROWS: Array<Array<string | number>> = [
  ['2006年度区(市)县政务服务中心考核数据'],
  ['单位', '8.1', '9.1', '率先推出创新性政务服务举措', '9.4.city', '超过规定和承诺时限办结', '服务态度受投诉并经查属实'],
  ['锦江区', 1, 3, 2, 1, 0, 0],
  ['青羊区', 1, 6, 1, 0, 1, 1],
  ['龙泉驿区', 1, 4, 6, 2, 0, 0],
  [UNLISTED, 1, 2, 0, 0, 0, 0],
  ['新都区', 1, 5, 1, 0, 0, 0],
];

/**
 * The mapping the pane proposes for it under chengdu2006, [header, choice, badge]: codes and exact
 * labels found as they are; 服务态度受投诉并经查属实 is 10.3's label (服务态度受到投诉并经查属实)
 * less one character, a near match.
 */
export const SOURCE_MAPPING = [
  ['单位', 'special:unit', '专用列'],
  ['8.1', 'item:8.1', '编码'],
  ['9.1', 'item:9.1', '编码'],
  ['率先推出创新性政务服务举措', 'item:9.3', '名称'],
  ['9.4.city', 'item:9.4.city', '编码'],
  ['超过规定和承诺时限办结', 'item:10.2', '名称'],
  ['服务态度受投诉并经查属实', 'item:10.3', '近似 92%'],
];
