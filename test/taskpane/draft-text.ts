/**
 * A short real regulation text for the pane's 从细则起草 tests: 三、考核标准 of
 * ../shared/regulations/govinfo.md (items 三(一)7, 8 and 三(二)1, 3, as written there) and the
 * sentence 四(四) of ../shared/regulations/tacheng2020.md, which states a score but no rule (govinfo
 * alone has no sentence the drafter leaves unread).
 */
export const GOVINFO_EXCERPT = [
  '三、考核标准',
  '(一)计分标准',
  '7、被政府网站“今日”采用的信息,每条计5分。',
  '8、被区领导批示的信息,每次加20分。',
  '(二)扣分标准',
  '1、单位领导不重视对政务信息工作督促不力的,扣20分。',
  '3、信息失实,造成严重后果的,扣50-100分。',
  '四、考核程序',
  '(四)结果运用。考核最终得分纳入地区绩效目标管理考核体系。',
].join('\n');
