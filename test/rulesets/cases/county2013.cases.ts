/**
 * Hand-worked cases for `county2013` — 各县(区)政务服务中心目标任务分解表（2013年）及附件2《目标考核加减分说明》.
 * Written from shared/regulations/county2013.md and shared/spec/rulesets.md only.
 *
 * Score = Σ T1…T8 + min(Σ bonus, 10) − min(Σ deductions, 10)   (附件2: 基础分为100分，加分、减分不超过10分)
 *
 * Readings used (where the regulation/spec leave room):
 *  R1. The two caps apply separately, never to the net: bonus 14 and deductions 12 give +10 − 10, not +2.
 *      A score may therefore reach 110 (100 + 10) and the cases expect that.
 *  R2. D4.1…D4.5 (一次性扣减10分) is one deduction of 10 however many D4 items or counts there are, and it
 *      is part of Σ deductions, so it shares the deduction cap of 10 with D1/D3.
 *  R3. B3.citymain (其中主要领导, +2) and B3.city (+1) are disjoint columns: a main-leader instruction is entered
 *      once, under B3.citymain, and earns 2 (not 1 + 2). Same for D1.leader.citymain vs D1.leader.city.
 *  R4. The same-matter rule (同一事项就高不就低、不重复奖励/扣分) works only inside one group (B2, B4, D1, D3) and
 *      inside one unit: the same matter text in B2 and B4, in D1 and D3, or in two different units does not
 *      merge. D1 is one group and includes the D1.leader.* sub-items (spec table). B1 and B3 have no such rule.
 *  R5. In a ledger, rows with an empty or absent matter are separate events; quantity (default 1) multiplies
 *      the level's points. Quantity is a count, so a negative or fractional quantity is an input error that
 *      names the row's code. (Cases with a shared matter only use quantity 1.)
 *  R6. Ledger input carries no T columns, so every task is absent and counts at its full 分值: Σ tasks = 100.
 *  R7. A T value above its 分值 is applied at the 分值 and raises a check on that code; a value from 0 up to
 *      and including the 分值 raises none. Where `checks` is given it lists every finding expected for the
 *      unit, so those cases fill in all eight T cells (no empty cell that might draw a note).
 *  R8. `items` is asserted only for task and bonus items (positive points); the sign convention for deduction
 *      items is not fixed by the spec, so deductions are checked through `deduction` and `score` only.
 */
import type { RulesetCase } from '../case-types';

const TASKS = '目标任务分解表';
const CAPS = '附件2 基础分为100分，加分、减分不超过10分';

export const cases: RulesetCase[] = [
  // ---------------------------------------------------------------- tasks T1…T8
  {
    name: 'empty or absent task cells count at full 分值',
    clause: `${TASKS}; ${CAPS}`,
    // arithmetic:
    //   甲县: no columns at all → T1..T8 = 20+15+15+10+10+10+10+10 = 100; bonus 0, deduction 0 → 100
    //   乙县: every T cell null or "" → same full marks → 100
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: {} },
        {
          unit: '乙县',
          values: { T1: null, T2: '', T3: null, T4: '', T5: null, T6: '', T7: null, T8: '' },
        },
      ],
    },
    expect: {
      甲县: {
        score: 100,
        bonus: 0,
        deduction: 0,
        items: { T1: 20, T2: 15, T3: 15, T4: 10, T5: 10, T6: 10, T7: 10, T8: 10 },
      },
      乙县: {
        score: 100,
        bonus: 0,
        deduction: 0,
        items: { T1: 20, T2: 15, T3: 15, T4: 10, T5: 10, T6: 10, T7: 10, T8: 10 },
      },
    },
  },
  {
    name: 'judged task points add up in exact decimals',
    clause: `${TASKS}; 附件2 一、加分办法 1; 二、扣分办法 3`,
    // arithmetic:
    //   甲县 tasks: 19.9 + 14.7 = 34.6; + 14.8 = 49.4; + 9.6 = 59.0; + 0.1 = 59.1; + 0.2 = 59.3;
    //               + 10 = 69.3; + 9.9 = 79.2
    //   bonus: B1 1 × 1 = 1; deduction: D3.city 1 × 2 = 2
    //   score = 79.2 + 1 − 2 = 78.2
    //   乙县 tasks: T1 20 (absent) + T2 15 + T3 15 + T4 10 + T5 0.1 + T6 0.2 + T7 10 + T8 10
    //               = 60 + 0.3 + 20 = 80.3 → score 80.3
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '甲县',
          values: {
            T1: 19.9, T2: 14.7, T3: 14.8, T4: 9.6, T5: 0.1, T6: 0.2, T7: 10, T8: 9.9,
            B1: 1, 'D3.city': 1,
          },
        },
        { unit: '乙县', values: { T5: 0.1, T6: 0.2 } },
      ],
    },
    expect: {
      甲县: {
        score: 78.2,
        bonus: 1,
        deduction: 2,
        items: { T1: 19.9, T2: 14.7, T3: 14.8, T4: 9.6, T5: 0.1, T6: 0.2, T7: 10, T8: 9.9, B1: 1 },
      },
      乙县: { score: 80.3, bonus: 0, deduction: 0, items: { T5: 0.1, T6: 0.2, T1: 20, T4: 10 } },
    },
  },
  {
    name: 'a task value beyond its 分值 is applied at the 分值 with a check; 0 and 分值 are in range',
    clause: TASKS,
    // arithmetic:
    //   甲县: T1 25 > 20 → 20 (check T1); 20 + 14.5 + 15 + 10×5 = 99.5
    //   乙县: T6 10.5 > 10 → 10 (check T6); 20 + 15 + 15 + 10×5 = 100
    //   丙县: every T exactly at its 分值 → 100, no finding
    //   丁县: T1 0 (lower bound, allowed) → 0 + 15 + 15 + 10×5 = 80, no finding
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { T1: 25, T2: 14.5, T3: 15, T4: 10, T5: 10, T6: 10, T7: 10, T8: 10 } },
        { unit: '乙县', values: { T1: 20, T2: 15, T3: 15, T4: 10, T5: 10, T6: 10.5, T7: 10, T8: 10 } },
        { unit: '丙县', values: { T1: 20, T2: 15, T3: 15, T4: 10, T5: 10, T6: 10, T7: 10, T8: 10 } },
        { unit: '丁县', values: { T1: 0, T2: 15, T3: 15, T4: 10, T5: 10, T6: 10, T7: 10, T8: 10 } },
      ],
    },
    expect: {
      甲县: { score: 99.5, items: { T1: 20, T2: 14.5 }, checks: ['T1'] },
      乙县: { score: 100, items: { T6: 10 }, checks: ['T6'] },
      丙县: { score: 100, checks: [] },
      丁县: { score: 80, items: { T1: 0 }, checks: [] },
    },
  },

  // ---------------------------------------------------------------- bonus and deduction levels (rows)
  {
    name: 'each bonus level, row input (every count a separate matter)',
    clause: '附件2 一、加分办法 1–4',
    // arithmetic (tasks absent → 100 each):
    //   甲县: B1 2 × 1 = 2 → 102
    //   乙县: B2.county 1×1 + B2.city 1×2 + B2.province 1×5 = 8 (rows: three separate matters, no 就高) → 108
    //   丙县: B3.province 1×3 + B3.national 1×5 = 8 → 108
    //   丁县: B4.city 1×1 + B4.province 1×2 + B4.national 1×5 = 8 → 108
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { B1: 2 } },
        { unit: '乙县', values: { 'B2.county': 1, 'B2.city': 1, 'B2.province': 1 } },
        { unit: '丙县', values: { 'B3.province': 1, 'B3.national': 1 } },
        { unit: '丁县', values: { 'B4.city': 1, 'B4.province': 1, 'B4.national': 1 } },
      ],
    },
    expect: {
      甲县: { score: 102, bonus: 2, deduction: 0, items: { B1: 2 } },
      乙县: { score: 108, bonus: 8, items: { 'B2.county': 1, 'B2.city': 2, 'B2.province': 5 } },
      丙县: { score: 108, bonus: 8, items: { 'B3.province': 3, 'B3.national': 5 } },
      丁县: { score: 108, bonus: 8, items: { 'B4.city': 1, 'B4.province': 2, 'B4.national': 5 } },
    },
  },
  {
    name: 'B3.citymain (+2) vs B3.city (+1) are separate columns',
    clause: '附件2 一、加分办法 3',
    // arithmetic (reading R3):
    //   甲县: B3.city 2 × 1 = 2 → 102
    //   乙县: B3.citymain 2 × 2 = 4 → 104
    //   丙县: B3.city 1 × 1 + B3.citymain 1 × 2 = 3 → 103
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { 'B3.city': 2 } },
        { unit: '乙县', values: { 'B3.citymain': 2 } },
        { unit: '丙县', values: { 'B3.city': 1, 'B3.citymain': 1 } },
      ],
    },
    expect: {
      甲县: { score: 102, bonus: 2, items: { 'B3.city': 2 } },
      乙县: { score: 104, bonus: 4, items: { 'B3.citymain': 4 } },
      丙县: { score: 103, bonus: 3, items: { 'B3.city': 1, 'B3.citymain': 2 } },
    },
  },
  {
    name: 'each deduction level, row input',
    clause: '附件2 二、扣分办法 1, 3',
    // arithmetic (tasks absent → 100 each):
    //   甲县: D1.efficiency 1×1 + D1.city 1×2 + D1.national 1×5 = 8 → 92
    //   乙县: D1.leader.city 1×1 + D1.leader.citymain 1×2 + D1.leader.province 1×5 = 8 → 92
    //   丙县: D3.city 1×2 + D3.province 1×5 = 7 → 93
    //   丁县: D1.leader.citymain 3 × 2 = 6 → 94
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { 'D1.efficiency': 1, 'D1.city': 1, 'D1.national': 1 } },
        { unit: '乙县', values: { 'D1.leader.city': 1, 'D1.leader.citymain': 1, 'D1.leader.province': 1 } },
        { unit: '丙县', values: { 'D3.city': 1, 'D3.province': 1 } },
        { unit: '丁县', values: { 'D1.leader.citymain': 3 } },
      ],
    },
    expect: {
      甲县: { score: 92, bonus: 0, deduction: 8 },
      乙县: { score: 92, deduction: 8 },
      丙县: { score: 93, deduction: 7 },
      丁县: { score: 94, deduction: 6 },
    },
  },
  {
    name: 'bonus cap 10 and deduction cap 10 applied separately',
    clause: CAPS,
    // arithmetic:
    //   甲县: bonus B2.province 2×5 = 10 + B4.city 4×1 = 4 → 14 → min(14,10) = 10;
    //         deduction D3.city 1×2 = 2 → 100 + 10 − 2 = 108
    //   乙县: bonus B1 3×1 = 3; deduction D1.national 2×5 = 10 + D3.city 1×2 = 2 → 12 → 10
    //         → 100 + 3 − 10 = 93
    //   丙县: bonus B3.national 2×5 = 10 + B3.province 1×3 = 3 + B1 1 = 1 → 14 → 10;
    //         deduction D3.province 2×5 = 10 + D1.city 1×2 = 2 → 12 → 10
    //         → 100 + 10 − 10 = 100   (capping the net 14 − 12 = 2 would wrongly give 102)
    //   丁县: bonus exactly 10 (B2.province 2×5) → 110, the highest possible score
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { 'B2.province': 2, 'B4.city': 4, 'D3.city': 1 } },
        { unit: '乙县', values: { B1: 3, 'D1.national': 2, 'D3.city': 1 } },
        {
          unit: '丙县',
          values: { 'B3.national': 2, 'B3.province': 1, B1: 1, 'D3.province': 2, 'D1.city': 1 },
        },
        { unit: '丁县', values: { 'B2.province': 2 } },
      ],
    },
    expect: {
      甲县: { score: 108, bonus: 10, deduction: 2 },
      乙县: { score: 93, bonus: 3, deduction: 10 },
      丙县: { score: 100, bonus: 10, deduction: 10 },
      丁县: { score: 110, bonus: 10, deduction: 0 },
    },
  },
  {
    name: 'D4.1…D4.5: any one or more → −10 once in all (row input)',
    clause: '附件2 二、扣分办法 4',
    // arithmetic:
    //   甲县: D4.1 3 (three overdue cases) → one-time 10 → 100 − 10 = 90
    //   乙县: D4.1..D4.5 all 1 → still 10 once → 90
    //   丙县: D4.5 1 → 10; D1.efficiency 2×1 = 2 → Σ 12 → cap 10; bonus B1 2 → 100 + 2 − 10 = 92
    //   丁县: D4.1..D4.5 all 0 → no deduction → 100
    input: {
      kind: 'rows',
      rows: [
        { unit: '甲县', values: { 'D4.1': 3 } },
        { unit: '乙县', values: { 'D4.1': 1, 'D4.2': 1, 'D4.3': 1, 'D4.4': 1, 'D4.5': 1 } },
        { unit: '丙县', values: { 'D4.5': 1, 'D1.efficiency': 2, B1: 2 } },
        { unit: '丁县', values: { 'D4.1': 0, 'D4.2': 0, 'D4.3': 0, 'D4.4': 0, 'D4.5': 0 } },
      ],
    },
    expect: {
      甲县: { score: 90, deduction: 10 },
      乙县: { score: 90, deduction: 10 },
      丙县: { score: 92, bonus: 2, deduction: 10 },
      丁县: { score: 100, deduction: 0 },
    },
  },

  // ---------------------------------------------------------------- ledger and the same-matter rule
  {
    name: 'ledger B2: same matter counts once at the highest level; empty matters are separate',
    clause: '附件2 一、加分办法 2 (同一事项就高不就低，不重复奖励)',
    // arithmetic (ledger: tasks absent → 100):
    //   甲县: B2.county/B2.city/B2.province all matter 表彰X → once at max(1,2,5) = 5 → 105
    //   乙县: B2.city twice, matter X → once at 2 → 102
    //   丙县: B2.city matter X (2) + B2.county matter Y (1) → two matters → 3 → 103
    //   丁县: B2.city matter "" and B2.city with no matter → separate → 2 + 2 = 4 → 104
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B2.county', matter: '表彰X' },
        { unit: '甲县', code: 'B2.city', matter: '表彰X' },
        { unit: '甲县', code: 'B2.province', matter: '表彰X' },
        { unit: '乙县', code: 'B2.city', matter: 'X' },
        { unit: '乙县', code: 'B2.city', matter: 'X' },
        { unit: '丙县', code: 'B2.city', matter: 'X' },
        { unit: '丙县', code: 'B2.county', matter: 'Y' },
        { unit: '丁县', code: 'B2.city', matter: '' },
        { unit: '丁县', code: 'B2.city' },
      ],
    },
    expect: {
      甲县: { score: 105, bonus: 5, deduction: 0 },
      乙县: { score: 102, bonus: 2 },
      丙县: { score: 103, bonus: 3 },
      丁县: { score: 104, bonus: 4 },
    },
  },
  {
    name: 'ledger B4: same matter once at the highest level; the rule does not cross groups',
    clause: '附件2 一、加分办法 2, 4 (同一事项就高不就低，不重复奖励)',
    // arithmetic:
    //   甲县: B4.city 报道A (1) + B4.province 报道A (2) → 报道A once at 2; B4.national 报道B → 5
    //         → bonus 7 → 107
    //   乙县: B2.city 事项A (group B2, 2) + B4.province 事项A (group B4, 2) → different groups, both count
    //         → 4 → 104
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B4.city', matter: '报道A' },
        { unit: '甲县', code: 'B4.province', matter: '报道A' },
        { unit: '甲县', code: 'B4.national', matter: '报道B' },
        { unit: '乙县', code: 'B2.city', matter: '事项A' },
        { unit: '乙县', code: 'B4.province', matter: '事项A' },
      ],
    },
    expect: {
      甲县: { score: 107, bonus: 7 },
      乙县: { score: 104, bonus: 4 },
    },
  },
  {
    name: 'ledger D1: one group including the leader sub-items',
    clause: '附件2 二、扣分办法 1 (同一事项就高不就低，不重复扣分)',
    // arithmetic:
    //   甲县: D1.efficiency M (1) + D1.leader.province M (5) → once at 5 → 100 − 5 = 95
    //   乙县: D1.city M (2) + D1.leader.citymain M (2) + D1.leader.city M (1) → once at 2 → 98
    //   丙县: D1.national P (5) + D1.efficiency Q (1) → two matters → 6 → 94
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'D1.efficiency', matter: 'M' },
        { unit: '甲县', code: 'D1.leader.province', matter: 'M' },
        { unit: '乙县', code: 'D1.city', matter: 'M' },
        { unit: '乙县', code: 'D1.leader.citymain', matter: 'M' },
        { unit: '乙县', code: 'D1.leader.city', matter: 'M' },
        { unit: '丙县', code: 'D1.national', matter: 'P' },
        { unit: '丙县', code: 'D1.efficiency', matter: 'Q' },
      ],
    },
    expect: {
      甲县: { score: 95, deduction: 5 },
      乙县: { score: 98, deduction: 2 },
      丙县: { score: 94, deduction: 6 },
    },
  },
  {
    name: 'ledger D3: same matter once at the highest level; D3 and D1 do not merge',
    clause: '附件2 二、扣分办法 1, 3 (同一事项就高不就低、不重复扣分)',
    // arithmetic:
    //   甲县: D3.city N (2) + D3.province N (5) → once at 5 → 95
    //   乙县: D3.city N (2) + D3.city O (2) → two matters → 4 → 96
    //   丙县: D3.province N (group D3, 5) + D1.city N (group D1, 2) → both → 7 → 93
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'D3.city', matter: 'N' },
        { unit: '甲县', code: 'D3.province', matter: 'N' },
        { unit: '乙县', code: 'D3.city', matter: 'N' },
        { unit: '乙县', code: 'D3.city', matter: 'O' },
        { unit: '丙县', code: 'D3.province', matter: 'N' },
        { unit: '丙县', code: 'D1.city', matter: 'N' },
      ],
    },
    expect: {
      甲县: { score: 95, deduction: 5 },
      乙县: { score: 96, deduction: 4 },
      丙县: { score: 93, deduction: 7 },
    },
  },
  {
    name: 'ledger B1 and B3.province have no same-matter rule: rows with the same matter all count; B3.city and B3.citymain are one matter',
    clause: '附件2 一、加分办法 1, 3',
    // arithmetic:
    //   甲县: B3.city S + B3.city S → the same 批示 written twice (group B3, 其中): once → 1 → 101
    //   乙县: B3.citymain S (2) + B3.province S (3): province is its own kind → 5 → 105
    //   丙县: B1 I + B1 I → 1 + 1 = 2 → 102
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B3.city', matter: 'S' },
        { unit: '甲县', code: 'B3.city', matter: 'S' },
        { unit: '乙县', code: 'B3.citymain', matter: 'S' },
        { unit: '乙县', code: 'B3.province', matter: 'S' },
        { unit: '丙县', code: 'B1', matter: 'I' },
        { unit: '丙县', code: 'B1', matter: 'I' },
      ],
    },
    expect: {
      甲县: { score: 101, bonus: 1 },
      乙县: { score: 105, bonus: 5 },
      丙县: { score: 102, bonus: 2 },
    },
  },
  {
    name: 'a main leader\'s 批示 is a kind of 市委市政府领导批示: the same matter under both codes counts once, at 2 (issue 11 reading)',
    clause: '附件2 一、加分办法 3',
    // arithmetic:
    //   甲县: B3.city P + B3.citymain P → one matter, the higher: 2 → 102 (not 1 + 2 = 3)
    //   乙县: B3.city Q + B3.citymain R → two matters: 1 + 2 = 3 → 103
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B3.city', matter: 'P' },
        { unit: '甲县', code: 'B3.citymain', matter: 'P' },
        { unit: '乙县', code: 'B3.city', matter: 'Q' },
        { unit: '乙县', code: 'B3.citymain', matter: 'R' },
      ],
    },
    expect: {
      甲县: { score: 102, bonus: 2 },
      乙县: { score: 103, bonus: 3 },
    },
  },
  {
    name: 'a judged task appears once per unit: a second ledger row for it is an error (issue 11 reading)',
    clause: '附件1',
    // arithmetic: none — 18 + 19 for one task used to be summed and cut to 20; it is refused.
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'T1', quantity: 18 },
        { unit: '甲县', code: 'T1', quantity: 19 },
      ],
    },
    error: { item: 'T1', value: '19' },
  },
  {
    name: 'ledger: same matter text in two units does not merge',
    clause: '附件2 一、加分办法 2',
    // arithmetic (reading R4: the rule is per unit):
    //   甲县: B2.city X → 2 → 102
    //   乙县: B2.province X → 5 → 105
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B2.city', matter: 'X' },
        { unit: '乙县', code: 'B2.province', matter: 'X' },
      ],
    },
    expect: {
      甲县: { score: 102, bonus: 2 },
      乙县: { score: 105, bonus: 5 },
    },
  },
  {
    name: 'ledger: quantity multiplies; D4 is one-time even across rows',
    clause: '附件2 一、1, 4; 二、1, 3, 4',
    // arithmetic:
    //   甲县: B4.city quantity 3 (no matter) → 3×1 = 3; B1 quantity 2 → 2 → bonus 5 → 105
    //   乙县: D3.city quantity 2 (no matter) → 2×2 = 4 → 96
    //   丙县: D4.1 quantity 2, D4.3 matter Z, D4.4 matter Z → one-time 10 → 90
    //   丁县: D4.2 (10) + D1.leader.city (1) → 11 → cap 10 → 90
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B4.city', quantity: 3 },
        { unit: '甲县', code: 'B1', quantity: 2 },
        { unit: '乙县', code: 'D3.city', quantity: 2 },
        { unit: '丙县', code: 'D4.1', quantity: 2, matter: '' },
        { unit: '丙县', code: 'D4.3', matter: 'Z' },
        { unit: '丙县', code: 'D4.4', matter: 'Z' },
        { unit: '丁县', code: 'D4.2' },
        { unit: '丁县', code: 'D1.leader.city' },
      ],
    },
    expect: {
      甲县: { score: 105, bonus: 5, deduction: 0 },
      乙县: { score: 96, deduction: 4 },
      丙县: { score: 90, deduction: 10 },
      丁县: { score: 90, deduction: 10 },
    },
  },
  {
    name: 'ledger: caps apply after the same-matter rule',
    clause: `附件2 一、2, 4; 二、1; ${CAPS}`,
    // arithmetic:
    //   甲县 bonus: B2.province A (5) + B2.province B (5) + B4.national C (5) = 15 → cap 10
    //        deduction: D1.national D (5) + D1.efficiency D (1) → D once at 5 → 5
    //        → 100 + 10 − 5 = 105
    //   乙县 bonus: B2.county E (1) + B2.province E (5) → once at 5 → 5
    //        deduction: D3.province F (5) + D3.province G (5) + D1.city H (2) = 12 → cap 10
    //        → 100 + 5 − 10 = 95
    input: {
      kind: 'ledger',
      rows: [
        { unit: '甲县', code: 'B2.province', matter: 'A' },
        { unit: '甲县', code: 'B2.province', matter: 'B' },
        { unit: '甲县', code: 'B4.national', matter: 'C' },
        { unit: '甲县', code: 'D1.national', matter: 'D' },
        { unit: '甲县', code: 'D1.efficiency', matter: 'D' },
        { unit: '乙县', code: 'B2.county', matter: 'E' },
        { unit: '乙县', code: 'B2.province', matter: 'E' },
        { unit: '乙县', code: 'D3.province', matter: 'F' },
        { unit: '乙县', code: 'D3.province', matter: 'G' },
        { unit: '乙县', code: 'D1.city', matter: 'H' },
      ],
    },
    expect: {
      甲县: { score: 105, bonus: 10, deduction: 5 },
      乙县: { score: 95, bonus: 5, deduction: 10 },
    },
  },

  // ---------------------------------------------------------------- coercion
  {
    name: 'text numbers and full-width digits are read as numbers',
    clause: `${TASKS}; 附件2 一、1, 2; 二、3`,
    // arithmetic:
    //   T1 "18" → 18; T2 "１５" → 15; T3 "１２" → 12; T4..T8 absent → 50 → tasks 95
    //   B1 "２" → 2 × 1 = 2; B2.city "1" → 1 × 2 = 2 → bonus 4
    //   D3.city "１" → 1 × 2 = 2
    //   score = 95 + 4 − 2 = 97
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '甲县',
          values: { T1: '18', T2: '１５', T3: '１２', B1: '２', 'B2.city': '1', 'D3.city': '１' },
        },
      ],
    },
    expect: {
      甲县: { score: 97, bonus: 4, deduction: 2, items: { T1: 18, T2: 15, T3: 12, B1: 2, 'B2.city': 2 } },
    },
  },

  // ---------------------------------------------------------------- input errors
  {
    name: 'negative count is an input error',
    clause: '附件2 一、加分办法 1',
    // arithmetic: none — B1 = −1 is not a count (whole number ≥ 0); never read as 0.
    input: { kind: 'rows', rows: [{ unit: '甲县', values: { T1: 20, B1: -1 } }] },
    error: { item: 'B1', value: '-1' },
  },
  {
    name: 'fractional count is an input error',
    clause: '附件2 一、加分办法 2',
    // arithmetic: none — B2.city = 1.5 is not a whole number.
    input: { kind: 'rows', rows: [{ unit: '甲县', values: { 'B2.city': 1.5 } }] },
    error: { item: 'B2.city', value: '1.5' },
  },
  {
    name: 'non-numeric text in a count is an input error',
    clause: '附件2 二、扣分办法 3',
    // arithmetic: none — "两件" is text, not a number.
    input: { kind: 'rows', rows: [{ unit: '甲县', values: { 'D3.city': '两件' } }] },
    error: { item: 'D3.city', value: '两件' },
  },
  {
    name: 'non-numeric text in a judged task is an input error (not full marks, not 0)',
    clause: TASKS,
    // arithmetic: none — T3 "优" is text; it is not empty, so it is not read as full 分值.
    input: { kind: 'rows', rows: [{ unit: '甲县', values: { T3: '优' } }] },
    error: { item: 'T3', value: '优' },
  },
  {
    name: 'Excel error value in an item cell is an input error',
    clause: '附件2 二、扣分办法 4',
    // arithmetic: none — "#N/A" in D4.2.
    input: { kind: 'rows', rows: [{ unit: '甲县', values: { 'D4.2': '#N/A' } }] },
    error: { item: 'D4.2', value: '#N/A' },
  },
  {
    name: 'ledger: negative quantity is an input error naming the code',
    clause: '附件2 一、加分办法 1',
    // arithmetic: none — quantity −1 for B1 (reading R5).
    input: { kind: 'ledger', rows: [{ unit: '甲县', code: 'B1', quantity: -1 }] },
    error: { item: 'B1' },
  },
  {
    name: 'ledger: fractional quantity is an input error naming the code',
    clause: '附件2 二、扣分办法 1',
    // arithmetic: none — quantity 0.5 for D1.city (reading R5).
    input: { kind: 'ledger', rows: [{ unit: '甲县', code: 'D1.city', quantity: 0.5, matter: 'M' }] },
    error: { item: 'D1.city' },
  },
];
