/**
 * Hand-worked cases for `govinfo` — 政务信息工作考核规定（区级）.
 * Written from shared/regulations/govinfo.md and shared/spec/rulesets.md only.
 *
 * Score = Σ points (三(一)) − Σ deductions (三(二)); no caps, can be negative.
 * Reward (元, 四) is a separate measure. Thresholds (五(四)) look at Σ deductions, not at the score.
 *
 * Readings used (where the regulation/spec leave room):
 *  R1. S1 is a flag. An empty S1 cell is "nothing entered" and scores 0 (no error); 否/×/FALSE/0/false score 0;
 *      是/√/TRUE/1/true score 20. Any other value (e.g. 2, "有") is an input error.
 *  R2. Reward counts only the items that carry a 元 amount in the spec table (S3, S4, S5, S7, S8–S10, R3);
 *      S1, S2, S6, S6.extra carry points but 0 元. Deductions never reduce the reward. A unit with no reward
 *      items has reward 0 (not null).
 *  R3. govinfo has no 同一事项 clause (and 三(一)6 says one piece adopted by several publications counts again),
 *      so ledger rows never merge, whatever their matter — for S items and K items alike. Quantity multiplies.
 *  R4. In a ledger, a K3 row is one incident and its quantity is the points judged for that incident; a row
 *      below 50 or above 100 is a finding (checks ['K3']). In row input K3 is the year's total, so only
 *      0 < K3 < 50 is certainly a finding (any total ≥ 50 may be one or more incidents of 50–100).
 *      50 and 100 themselves are inside 50–100 (扣50-100分 includes both ends).
 *  R5. The S2 + K2 check fires only when the two together exceed 12 months; exactly 12 or fewer is no finding.
 *      The score is still computed as entered.
 *  R6. S6.extra is points judged ≥ 0 (spec), so a negative value is an input error.
 *  R7. Where `checks` / `thresholds` are given they list every finding / label expected for the unit
 *      ([] = none); threshold labels are listed in the order 不得参评… then 予以通报批评.
 *  R8. `items` is asserted only for S items (positive points); the sign convention for K items is not fixed
 *      by the spec, so deductions are checked through `deduction` and `score` only.
 */
import type { RulesetCase } from '../case-types';

const NO_PRIZE = '不得参评先进单位和先进个人';
const CRITICIZE = '予以通报批评';

export const cases: RulesetCase[] = [
  // ---------------------------------------------------------------- points and rewards
  {
    name: 'every S item once: points and reward',
    clause: '三(一)1–10; 四(一)(二)(四)(五)(六)(七)(八)',
    // arithmetic:
    //   points: S1 20 + S2 12×20 = 240 + S3.single 10 + S3.brief 5 + S3.daily 10 + S4.single 50
    //           + S4.research 100 + S5.single 100 + S5.research 300 + S6 1×10 = 10 + S7 5 + S8 20 + S9 40 + S10 80
    //     20 + 240 = 260; +10 = 270; +5 = 275; +10 = 285; +50 = 335; +100 = 435; +100 = 535; +300 = 835;
    //     +10 = 845; +5 = 850; +20 = 870; +40 = 910; +80 = 990
    //   deductions 0 → score 990
    //   reward: S3 20+10+20 = 50; S4 100+300 = 400; S5 200+500 = 700; S7 10; S8 100; S9 300; S10 500
    //     50 + 400 = 450; +700 = 1150; +10 = 1160; +100 = 1260; +300 = 1560; +500 = 2060 (S1, S2, S6: 0 元)
    //   S2 + K2 = 12 → no check
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '区发改局',
          values: {
            S1: '是', S2: 12,
            'S3.single': 1, 'S3.brief': 1, 'S3.daily': 1,
            'S4.single': 1, 'S4.research': 1, 'S5.single': 1, 'S5.research': 1,
            S6: 1, S7: 1, S8: 1, S9: 1, S10: 1,
          },
        },
      ],
    },
    expect: {
      区发改局: {
        score: 990,
        deduction: 0,
        reward: 2060,
        items: {
          S1: 20, S2: 240, 'S3.single': 10, 'S3.brief': 5, 'S3.daily': 10,
          'S4.single': 50, 'S4.research': 100, 'S5.single': 100, 'S5.research': 300,
          S6: 10, S7: 5, S8: 20, S9: 40, S10: 80,
        },
        thresholds: [],
        checks: [],
      },
    },
  },
  {
    name: 'counts multiply points and reward',
    clause: '三(一)1–5, 7–10; 三(二)2; 四(一)(二)(四)(五)(六)(七)(八)',
    // arithmetic:
    //   区教育局 points: S1 √ → 20; S2 9×20 = 180; S3.single 3×10 = 30; S3.brief 4×5 = 20; S3.daily 2×10 = 20;
    //     S4.single 2×50 = 100; S4.research 1×100 = 100; S7 6×5 = 30; S8 2×20 = 40; S9 1×40 = 40; S10 1×80 = 80
    //     20+180 = 200; +30 = 230; +20 = 250; +20 = 270; +100 = 370; +100 = 470; +30 = 500; +40 = 540;
    //     +40 = 580; +80 = 660
    //   deductions: K2 3×30 = 90 → score 660 − 90 = 570; 90 < 100 → no threshold
    //   reward: S3.single 3×20 = 60; S3.brief 4×10 = 40; S3.daily 2×20 = 40; S4.single 2×100 = 200;
    //     S4.research 300; S7 6×10 = 60; S8 2×100 = 200; S9 300; S10 500
    //     60+40+40 = 140; +200 = 340; +300 = 640; +60 = 700; +200 = 900; +300 = 1200; +500 = 1700
    //   区财政局 points: S1 20 + S2 12×20 = 240 + S5.single 2×100 = 200 + S5.research 2×300 = 600 = 1060
    //     reward: S5.single 2×200 = 400 + S5.research 2×500 = 1000 = 1400
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '区教育局',
          values: {
            S1: '√', S2: 9, K2: 3,
            'S3.single': 3, 'S3.brief': 4, 'S3.daily': 2,
            'S4.single': 2, 'S4.research': 1, S7: 6, S8: 2, S9: 1, S10: 1,
          },
        },
        { unit: '区财政局', values: { S1: 1, S2: 12, 'S5.single': 2, 'S5.research': 2 } },
      ],
    },
    expect: {
      区教育局: {
        score: 570,
        deduction: 90,
        reward: 1700,
        items: {
          S1: 20, S2: 180, 'S3.single': 30, 'S3.brief': 20, 'S3.daily': 20,
          'S4.single': 100, 'S4.research': 100, S7: 30, S8: 40, S9: 40, S10: 80,
        },
        thresholds: [],
      },
      区财政局: {
        score: 1060,
        deduction: 0,
        reward: 1400,
        items: { S1: 20, S2: 240, 'S5.single': 200, 'S5.research': 600 },
      },
    },
  },
  {
    name: 'points without reward (S1, S2, S6, S6.extra) and reward without points (R3)',
    clause: '三(一)1, 2, 6; 三(二)1; 四(一)(三)',
    // arithmetic:
    //   区民政局: S1 20 + S2 12×20 = 240 + S6 4×10 = 40 + S6.extra 5 = 305; reward 0 (none of these pay)
    //   区司法局: R3 2 → 0 points, reward 2×100 = 200 → score 0
    //   区审计局: R3 1 (100 元) + S3.brief 2 (2×5 = 10 pts, 2×10 = 20 元); K1 1 → 20
    //            score 10 − 20 = −10; reward 100 + 20 = 120 (deductions do not touch the reward)
    input: {
      kind: 'rows',
      rows: [
        { unit: '区民政局', values: { S1: 1, S2: 12, S6: 4, 'S6.extra': 5 } },
        { unit: '区司法局', values: { R3: 2 } },
        { unit: '区审计局', values: { R3: 1, 'S3.brief': 2, K1: 1 } },
      ],
    },
    expect: {
      区民政局: {
        score: 305,
        deduction: 0,
        reward: 0,
        items: { S1: 20, S2: 240, S6: 40, 'S6.extra': 5 },
      },
      区司法局: { score: 0, deduction: 0, reward: 200 },
      区审计局: { score: -10, deduction: 20, reward: 120, items: { 'S3.brief': 10 }, thresholds: [] },
    },
  },
  {
    name: 'S6 per unit and S6.extra judged, exact decimals',
    clause: '三(一)1, 2, 6; 三(二)2, 3',
    // arithmetic:
    //   区水务局: S1 × → 0; S2 11×20 = 220; S6 5×10 = 50; S6.extra 2.5 → points 0+220+50+2.5 = 272.5
    //            deductions K2 1×30 = 30 + K3 50.1 = 80.1 → score 272.5 − 80.1 = 192.4
    //            K3 50.1 is within 50–100 → no check; S2+K2 = 12 → no check
    //   区林业局: S1 20 + S2 240 + S6.extra 0.7 = 260.7; K3 50.6 → 260.7 − 50.6 = 210.1
    input: {
      kind: 'rows',
      rows: [
        { unit: '区水务局', values: { S1: '×', S2: 11, K2: 1, S6: 5, 'S6.extra': 2.5, K3: 50.1 } },
        { unit: '区林业局', values: { S1: 1, S2: 12, 'S6.extra': 0.7, K3: 50.6 } },
      ],
    },
    expect: {
      区水务局: {
        score: 192.4,
        deduction: 80.1,
        reward: 0,
        items: { S1: 0, S2: 220, S6: 50, 'S6.extra': 2.5 },
        checks: [],
      },
      区林业局: { score: 210.1, deduction: 50.6, reward: 0, items: { 'S6.extra': 0.7 }, checks: [] },
    },
  },

  // ---------------------------------------------------------------- deductions, negative scores, thresholds
  {
    name: 'each K item on its own; scores go negative; thresholds per unit',
    clause: '三(二)1–8; 五(四)',
    // arithmetic (no S items → 0 points, so score = −deductions):
    //   K1 1 → 20 → −20        K2 1 → 30 → −30        K3 75 → −75
    //   K4.late 1 → 100 → −100 (≥100: 不得参评)      K4.omit 1 → 200 → −200 (≥200: also 通报批评)
    //   K5.late 1 → 50 → −50   K5.omit 1 → 100 → −100 (不得参评)
    //   K6.late 1 → 30 → −30   K6.omit 1 → 60 → −60
    //   K7 1 → 50 → −50        K8 1 → 100 → −100 (不得参评)
    //   全扣单位: S1 20 + S2 10×20 = 200 → 220 points;
    //     deductions K1 20 + K2 2×30 = 60 → 80; + K3 60 → 140; + K4.late 100 → 240; + K4.omit 200 → 440;
    //     + K5.late 50 → 490; + K5.omit 100 → 590; + K6.late 30 → 620; + K6.omit 60 → 680; + K7 50 → 730;
    //     + K8 100 → 830 → score 220 − 830 = −610 (no floor); 830 ≥ 200 → both labels
    input: {
      kind: 'rows',
      rows: [
        { unit: 'K1单位', values: { K1: 1 } },
        { unit: 'K2单位', values: { K2: 1 } },
        { unit: 'K3单位', values: { K3: 75 } },
        { unit: 'K4迟报单位', values: { 'K4.late': 1 } },
        { unit: 'K4漏报单位', values: { 'K4.omit': 1 } },
        { unit: 'K5迟报单位', values: { 'K5.late': 1 } },
        { unit: 'K5漏报单位', values: { 'K5.omit': 1 } },
        { unit: 'K6迟报单位', values: { 'K6.late': 1 } },
        { unit: 'K6漏报单位', values: { 'K6.omit': 1 } },
        { unit: 'K7单位', values: { K7: 1 } },
        { unit: 'K8单位', values: { K8: 1 } },
        {
          unit: '全扣单位',
          values: {
            S1: 1, S2: 10, K1: 1, K2: 2, K3: 60,
            'K4.late': 1, 'K4.omit': 1, 'K5.late': 1, 'K5.omit': 1,
            'K6.late': 1, 'K6.omit': 1, K7: 1, K8: 1,
          },
        },
      ],
    },
    expect: {
      K1单位: { score: -20, deduction: 20, reward: 0, thresholds: [] },
      K2单位: { score: -30, deduction: 30, thresholds: [] },
      K3单位: { score: -75, deduction: 75, thresholds: [] },
      K4迟报单位: { score: -100, deduction: 100, thresholds: [NO_PRIZE] },
      K4漏报单位: { score: -200, deduction: 200, thresholds: [NO_PRIZE, CRITICIZE] },
      K5迟报单位: { score: -50, deduction: 50, thresholds: [] },
      K5漏报单位: { score: -100, deduction: 100, thresholds: [NO_PRIZE] },
      K6迟报单位: { score: -30, deduction: 30, thresholds: [] },
      K6漏报单位: { score: -60, deduction: 60, thresholds: [] },
      K7单位: { score: -50, deduction: 50, thresholds: [] },
      K8单位: { score: -100, deduction: 100, thresholds: [NO_PRIZE] },
      全扣单位: { score: -610, deduction: 830, reward: 0, thresholds: [NO_PRIZE, CRITICIZE] },
    },
  },
  {
    name: 'thresholds at 99 / 100 / 199 / 200 deductions, judged on deductions not score',
    clause: '五(四) (超过100分(含100分) … 超过200分(含200分))',
    // arithmetic:
    //   扣99单位:  points S1 20 + S2 11×20 = 220 → 240; deductions K2 30 + K3 69 = 99 → score 141; 99 < 100 → none
    //   扣100单位: points 20 + 12×20 = 260; deductions K8 100 → score 160; 100 ≥ 100 → 不得参评
    //   扣199单位: points 20 + 240 + S5.research 300 = 560; deductions K4.late 100 + K3 99 = 199 → score 361;
    //             100 ≤ 199 < 200 → 不得参评 only
    //   扣200单位: points 260; deductions K5.omit 2×100 = 200 → score 60 (positive); 200 ≥ 200 → both labels
    //   负分单位:  S1 否 → 0; K2 3×30 = 90 → score −90 (negative) but deductions 90 < 100 → none
    input: {
      kind: 'rows',
      rows: [
        { unit: '扣99单位', values: { S1: 1, S2: 11, K2: 1, K3: 69 } },
        { unit: '扣100单位', values: { S1: 1, S2: 12, K8: 1 } },
        { unit: '扣199单位', values: { S1: 1, S2: 12, 'S5.research': 1, 'K4.late': 1, K3: 99 } },
        { unit: '扣200单位', values: { S1: 1, S2: 12, 'K5.omit': 2 } },
        { unit: '负分单位', values: { S1: '否', K2: 3 } },
      ],
    },
    expect: {
      扣99单位: { score: 141, deduction: 99, thresholds: [] },
      扣100单位: { score: 160, deduction: 100, thresholds: [NO_PRIZE] },
      扣199单位: { score: 361, deduction: 199, reward: 500, thresholds: [NO_PRIZE] },
      扣200单位: { score: 60, deduction: 200, thresholds: [NO_PRIZE, CRITICIZE] },
      负分单位: { score: -90, deduction: 90, thresholds: [] },
    },
  },

  // ---------------------------------------------------------------- checks
  {
    name: 'S2 + K2 over 12 months is a check finding; 12 is not',
    clause: '三(一)2; 三(二)2',
    // arithmetic:
    //   甲单位: S2 8 + K2 6 = 14 > 12 → check S2+K2; points 20 + 8×20 = 180; deductions 6×30 = 180
    //          → score 0; 180 ≥ 100 → 不得参评
    //   乙单位: S2 9 + K2 3 = 12 → no check; 20 + 180 − 90 = 110
    //   丙单位: S2 12 + K2 1 = 13 > 12 → check; 20 + 240 − 30 = 230
    //   丁单位: S2 0 + K2 12 = 12 → no check; 20 + 0 − 360 = −340; 360 ≥ 200 → both labels
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲单位', values: { S1: 1, S2: 8, K2: 6 } },
        { unit: '乙单位', values: { S1: 1, S2: 9, K2: 3 } },
        { unit: '丙单位', values: { S1: 1, S2: 12, K2: 1 } },
        { unit: '丁单位', values: { S1: 1, S2: 0, K2: 12 } },
      ],
    },
    expect: {
      甲单位: { score: 0, deduction: 180, checks: ['S2+K2'], thresholds: [NO_PRIZE] },
      乙单位: { score: 110, deduction: 90, checks: [], thresholds: [] },
      丙单位: { score: 230, deduction: 30, checks: ['S2+K2'], thresholds: [] },
      丁单位: { score: -340, deduction: 360, checks: [], thresholds: [NO_PRIZE, CRITICIZE] },
    },
  },
  {
    name: 'K3 in row input: only 0 < K3 < 50 is a finding',
    clause: '三(二)3 (扣50-100分)',
    // arithmetic (every unit: S1 20 + S2 12×20 = 240 → 260 points; S2+K2 = 12):
    //   甲: K3 30   → 260 − 30 = 230; 0 < 30 < 50 → check K3
    //   乙: K3 150  → 260 − 150 = 110; may be two incidents (e.g. 50 + 100) → no check; 150 ≥ 100 → 不得参评
    //   丙: K3 50   → 210; lower end of 50–100 → no check
    //   丁: K3 0    → 260; no incident → no check
    //   戊: K3 49.9 → 260 − 49.9 = 210.1; below 50 → check K3
    //   己: K3 100  → 160; upper end → no check; 100 ≥ 100 → 不得参评
    //   庚: K3 120  → 140; may be two incidents (60 + 60) → no check; 120 ≥ 100 → 不得参评
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲', values: { S1: 1, S2: 12, K3: 30 } },
        { unit: '乙', values: { S1: 1, S2: 12, K3: 150 } },
        { unit: '丙', values: { S1: 1, S2: 12, K3: 50 } },
        { unit: '丁', values: { S1: 1, S2: 12, K3: 0 } },
        { unit: '戊', values: { S1: 1, S2: 12, K3: 49.9 } },
        { unit: '己', values: { S1: 1, S2: 12, K3: 100 } },
        { unit: '庚', values: { S1: 1, S2: 12, K3: 120 } },
      ],
    },
    expect: {
      甲: { score: 230, deduction: 30, checks: ['K3'], thresholds: [] },
      乙: { score: 110, deduction: 150, checks: [], thresholds: [NO_PRIZE] },
      丙: { score: 210, deduction: 50, checks: [] },
      丁: { score: 260, deduction: 0, checks: [] },
      戊: { score: 210.1, deduction: 49.9, checks: ['K3'] },
      己: { score: 160, deduction: 100, checks: [], thresholds: [NO_PRIZE] },
      庚: { score: 140, deduction: 120, checks: [] },
    },
  },
  {
    name: 'K3 in a ledger: each row is one incident; outside 50–100 is a finding',
    clause: '三(二)3 (扣50-100分)',
    // arithmetic (ledger, no S rows → 0 points; reading R4: quantity = points of the incident):
    //   甲: one incident 120 > 100 → check K3; score −120; 120 ≥ 100 → 不得参评
    //   乙: one incident 40 < 50 → check K3; score −40
    //   丙: incidents 60 + 80 = 140, each within 50–100 → no check; score −140; 不得参评
    //   丁: incidents 50 + 100 = 150, both at the ends → no check; score −150; 不得参评
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲', code: 'K3', quantity: 120, matter: '失实一' },
        { unit: '乙', code: 'K3', quantity: 40, matter: '失实二' },
        { unit: '丙', code: 'K3', quantity: 60, matter: '失实三' },
        { unit: '丙', code: 'K3', quantity: 80, matter: '失实四' },
        { unit: '丁', code: 'K3', quantity: 50 },
        { unit: '丁', code: 'K3', quantity: 100 },
      ],
    },
    expect: {
      甲: { score: -120, deduction: 120, checks: ['K3'], thresholds: [NO_PRIZE] },
      乙: { score: -40, deduction: 40, checks: ['K3'], thresholds: [] },
      丙: { score: -140, deduction: 140, checks: [], thresholds: [NO_PRIZE] },
      丁: { score: -150, deduction: 150, checks: [], thresholds: [NO_PRIZE] },
    },
  },

  // ---------------------------------------------------------------- flags and coercion
  {
    name: 'S1 flag values',
    clause: '三(一)1, 2',
    // arithmetic (every unit S2 12 → 240):
    //   set (是 / √ / TRUE / true / 1 / "1") → S1 20 → 260
    //   not set (否 / × / FALSE / false / 0 / empty) → S1 0 → 240
    input: {
      kind: 'rows',
      rows: [
        { unit: '是', values: { S1: '是', S2: 12 } },
        { unit: '勾', values: { S1: '√', S2: 12 } },
        { unit: 'TRUE文本', values: { S1: 'TRUE', S2: 12 } },
        { unit: '布尔真', values: { S1: true, S2: 12 } },
        { unit: '数字1', values: { S1: 1, S2: 12 } },
        { unit: '文本1', values: { S1: '1', S2: 12 } },
        { unit: '否', values: { S1: '否', S2: 12 } },
        { unit: '叉', values: { S1: '×', S2: 12 } },
        { unit: 'FALSE文本', values: { S1: 'FALSE', S2: 12 } },
        { unit: '布尔假', values: { S1: false, S2: 12 } },
        { unit: '数字0', values: { S1: 0, S2: 12 } },
        { unit: '空', values: { S1: null, S2: 12 } },
      ],
    },
    expect: {
      是: { score: 260, items: { S1: 20 } },
      勾: { score: 260, items: { S1: 20 } },
      TRUE文本: { score: 260, items: { S1: 20 } },
      布尔真: { score: 260, items: { S1: 20 } },
      数字1: { score: 260, items: { S1: 20 } },
      文本1: { score: 260, items: { S1: 20 } },
      否: { score: 240, items: { S1: 0 } },
      叉: { score: 240, items: { S1: 0 } },
      FALSE文本: { score: 240, items: { S1: 0 } },
      布尔假: { score: 240, items: { S1: 0 } },
      数字0: { score: 240, items: { S1: 0 } },
      空: { score: 240 },
    },
  },
  {
    name: 'text numbers and full-width digits are read as numbers',
    clause: '三(一)1, 2, 3, 7; 三(二)2, 8; 四(一)(二); 五(四)',
    // arithmetic:
    //   S1 是 → 20; S2 "１２" → 12×20 = 240; S3.single "３" → 3×10 = 30; S7 "4" → 4×5 = 20 → points 310
    //   K2 "0" → 0; K8 "１" → 1×100 = 100 → deductions 100 → score 210; 100 ≥ 100 → 不得参评
    //   reward: S3.single 3×20 = 60 + S7 4×10 = 40 = 100
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '区商务局',
          values: { S1: '是', S2: '１２', 'S3.single': '３', S7: '4', K2: '0', K8: '１' },
        },
      ],
    },
    expect: {
      区商务局: {
        score: 210,
        deduction: 100,
        reward: 100,
        items: { S1: 20, S2: 240, 'S3.single': 30, S7: 20 },
        thresholds: [NO_PRIZE],
      },
    },
  },

  // ---------------------------------------------------------------- ledger
  {
    name: 'ledger: no same-matter rule — a piece counts again for every publication',
    clause: '三(一)3–7, 9 (一条信息被多个刊物采用的，可重复计分); 三(二)5, 6; 四',
    // arithmetic:
    //   区交通局 points: S3.single 经验A 10 + S4.single 经验A 50 + S4.single 经验A 50 + S5.single 经验A 100
    //           + S9 经验A 40 + S7 quantity 3 → 3×5 = 15 = 265
    //     deductions: K5.late 暴雨 50 + K6.late 暴雨 30 = 80 (no merging, reading R3) → score 265 − 80 = 185
    //     reward: 20 + 100 + 100 + 200 + 300 + 3×10 = 30 → 750
    //   区卫健局: R3 quantity 2 → 0 points, 200 元; S8 quantity 2 → 2×20 = 40 points, 2×100 = 200 元
    //     → score 40, reward 400
    input: {
      kind: 'ledger',
      rows: [
        { unit: '区交通局', code: 'S3.single', matter: '经验A' },
        { unit: '区交通局', code: 'S4.single', matter: '经验A' },
        { unit: '区交通局', code: 'S4.single', matter: '经验A' },
        { unit: '区交通局', code: 'S5.single', matter: '经验A' },
        { unit: '区交通局', code: 'S9', matter: '经验A' },
        { unit: '区交通局', code: 'S7', quantity: 3 },
        { unit: '区交通局', code: 'K5.late', matter: '暴雨' },
        { unit: '区交通局', code: 'K6.late', matter: '暴雨' },
        { unit: '区卫健局', code: 'R3', quantity: 2 },
        { unit: '区卫健局', code: 'S8', quantity: 2, matter: '批示B' },
      ],
    },
    expect: {
      区交通局: { score: 185, deduction: 80, reward: 750, thresholds: [] },
      区卫健局: { score: 40, deduction: 0, reward: 400 },
    },
  },

  // ---------------------------------------------------------------- input errors
  {
    name: 'negative count is an input error',
    clause: '三(二)1',
    // arithmetic: none — K1 = −1 is not a count; never read as 0.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S1: 1, K1: -1 } }] },
    error: { item: 'K1', value: '-1' },
  },
  {
    name: 'K1 单位领导不重视 is a condition, not a count: 2 is an input error, not −40 (issue 11 reading)',
    clause: '三(二)1',
    // arithmetic: none — "扣20分" once when the condition holds; 2 is not 是/否.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S1: 1, K1: 2 } }] },
    error: { item: 'K1', value: '2' },
  },
  {
    name: 'fractional count is an input error',
    clause: '三(一)3',
    // arithmetic: none — S3.brief = 1.5 is not a whole number.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { 'S3.brief': 1.5 } }] },
    error: { item: 'S3.brief', value: '1.5' },
  },
  {
    name: 'text in a count is an input error',
    clause: '三(一)7',
    // arithmetic: none — "若干" is not a number.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S7: '若干' } }] },
    error: { item: 'S7', value: '若干' },
  },
  {
    name: 'unknown flag text is an input error',
    clause: '三(一)1',
    // arithmetic: none — "有" is not one of TRUE/FALSE, 1/0, 是/否, √/×.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S1: '有', S2: 12 } }] },
    error: { item: 'S1', value: '有' },
  },
  {
    name: 'a flag of 2 is an input error',
    clause: '三(一)1',
    // arithmetic: none — a flag is 1/0 (or its equivalents); 2 is neither.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S1: 2 } }] },
    error: { item: 'S1', value: '2' },
  },
  {
    name: 'negative judged S6.extra is an input error',
    clause: '三(一)6',
    // arithmetic: none — S6.extra is points judged ≥ 0 (reading R6).
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S6: 2, 'S6.extra': -5 } }] },
    error: { item: 'S6.extra', value: '-5' },
  },
  {
    name: 'Excel error value is an input error',
    clause: '三(一)2',
    // arithmetic: none — "#N/A" in S2.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { S1: 1, S2: '#N/A' } }] },
    error: { item: 'S2', value: '#N/A' },
  },
  {
    name: 'text in judged K3 is an input error',
    clause: '三(二)3',
    // arithmetic: none — "严重" is not a number of points.
    input: { kind: 'rows', rows: [{ unit: '甲', values: { K3: '严重' } }] },
    error: { item: 'K3', value: '严重' },
  },
  {
    name: 'ledger: fractional quantity of a count item is an input error',
    clause: '三(一)4',
    // arithmetic: none — S4.single quantity 1.5 is not a whole number of pieces.
    input: { kind: 'ledger', rows: [{ unit: '甲', code: 'S4.single', quantity: 1.5, matter: '专报' }] },
    error: { item: 'S4.single' },
  },
];
