/**
 * Hand-worked cases for `chengdu2006` — 成都市區(市)縣政府政務服務中心工作考核實施細則 (2006).
 * Worked from ../../../../shared/regulations/chengdu2006.md and ../../../../shared/spec/rulesets.md
 * only, never from the program's output.
 *
 * Score = base + min(Σ capped bonus, 30) − min(Σ deductions, applied bonus)   (第八條, 第十條(八))
 *
 * Readings chosen where regulation and spec leave room (spec wins over the regulation's text):
 *  1. 9.1 is judged 0–5 (spec), although 第九條(一) says 加1—5分: 0, 0.2, 0.5 are valid entries.
 *  2. 9.2 is judged 0–5 like 9.1 (第九條(二) 累计不超过5分 is its bound): 6.5 is applied as 5 and the
 *     unit carries a check on 9.2, exactly as 9.1 = 7 → 5 with a check on 9.1.
 *  3. The per-item/group caps add up to 5+5+2+4+4+4+2+2+2 = 30, so with valid input the overall
 *     30 cap of 第八條(一) can never cut anything; it is tested as "bonus never above 30, score never
 *     above 100" with every item at or beyond its cap.
 *  4. Each of the groups 9.4.*, 9.5.*, 9.6.* has its own cap of 4; the three groups are not pooled.
 *     Members of a group have no cap of their own, so group members are checked through `bonus`,
 *     not `items`.
 *  5. The deduction cap of 第十條(八) compares with the bonus actually applied (after every cap).
 *     A unit with 8.1 = 0 has base 0; its bonus and deductions work as for any other unit, and it
 *     still counts as a unit of its tier for the quota.
 *  6. TRUE/FALSE flags are Excel booleans (JS true/false). Text "1" in a flag is the number 1.
 *  7. The excellent quota counts the tier's units (该圈层单位总数): the units 第四條 lists for it
 *     (6, 6, 8) even when the batch holds fewer (issue 10; was: units present). A unit 第四條 does
 *     not list, given a tier by the sheet, is ranked in that tier but never raises the base (issue
 *     19: the quota is a ceiling, and a name the regulation does not list cannot enlarge it):
 *     floor(30% × n) — 6 → 1, 8 → 2.
 *  8. A tied group that lies wholly inside the quota is all 优秀. A tied group straddling the quota
 *     line is all 待定, and the places it blocks are not handed on to lower units (e.g. three units
 *     tied at the top with quota 2: all three 待定, no 优秀 in that tier).
 *  9. Rank is RANK.EQ descending over the whole batch (all tiers together), not per tier.
 * 10. Ties are decided on the exact decimal score: 70 + 4.7 + 4.4 + 1 and 70 + 4.8 + 4.3 + 1 are
 *     both 80.1 and tie, whatever binary floating point would say.
 * 11. A unit whose name is not in 第四條 (天府新区, 简阳市, …) takes its tier from the explicit `tier`.
 */
import type { RulesetCase } from '../case-types';

/** Every bonus item at (or exactly on) its own cap: 5+5+2+4+4+4+2+2+2 = 30. */
const ALL_BONUS_AT_CAP = {
  '9.1': 5, // 5
  '9.2': 5, // 5
  '9.3': 4, // 0.5×4 = 2 (cap 2)
  '9.4.national': 3, // 1.5×3 = 4.5 → group cap 4
  '9.5.province': 3, // 1.5×3 = 4.5 → group cap 4
  '9.6.national': 3, // 1.5×3 = 4.5 → group cap 4
  '9.7': 4, // 0.5×4 = 2 (cap 2)
  '9.8': 4, // 0.5×4 = 2 (cap 2)
  '9.9': 4, // 0.5×4 = 2 (cap 2)
};

export const cases: RulesetCase[] = [
  // ───────────────────────────── base (第八條(一)) ─────────────────────────────
  {
    // arithmetic:
    //   錦江區: 8.1 absent → default 1 → base 70; no bonus, no deduction → 70 + 0 − 0 = 70
    //   青羊区: 8.1 null (empty) → 1 → 70
    //   金牛区: 8.1 "" (empty)   → 1 → 70
    //   武侯区: 8.1 = 1          → 70
    name: 'base 70 when 8.1 is absent, empty or 1',
    clause: '第八條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '錦江區', values: {} },
        { unit: '青羊区', values: { '8.1': null } },
        { unit: '金牛区', values: { '8.1': '' } },
        { unit: '武侯区', values: { '8.1': 1 } },
      ],
    },
    expect: {
      錦江區: { score: 70, bonus: 0, deduction: 0 },
      青羊区: { score: 70, bonus: 0, deduction: 0 },
      金牛区: { score: 70, bonus: 0, deduction: 0 },
      武侯区: { score: 70, bonus: 0, deduction: 0 },
    },
  },
  {
    // arithmetic:
    //   龙泉驿区: 8.1 = 0 → base 0; 0 + 0 − 0 = 0
    //   青白江区: 8.1 = 否 → base 0; 9.1 = 3 → bonus 3; 0 + 3 − 0 = 3
    //   新都区:   8.1 = × → base 0; 9.3 = 2 → 0.5×2 = 1; 0 + 1 − 0 = 1
    //   温江区:   8.1 = FALSE → base 0; bonus 9.1 = 2; deduction 10.1 = 1 → 2×1 = 2,
    //             min(2, 2) = 2; 0 + 2 − 2 = 0
    //   双流县:   8.1 = 否 → base 0; bonus 0; 10.5 = 1 → 5×1 = 5, min(5, 0) = 0; 0 + 0 − 0 = 0
    name: 'no base when 8.1 is 0 / 否 / × / FALSE; bonus and capped deductions still apply',
    clause: '第八條(一), 第八條(二), 第十條(八)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '龙泉驿区', values: { '8.1': 0 } },
        { unit: '青白江区', values: { '8.1': '否', '9.1': 3 } },
        { unit: '新都区', values: { '8.1': '×', '9.3': 2 } },
        { unit: '温江区', values: { '8.1': false, '9.1': 2, '10.1': 1 } },
        { unit: '双流县', values: { '8.1': '否', '10.5': 1 } },
      ],
    },
    expect: {
      龙泉驿区: { score: 0, bonus: 0, deduction: 0 },
      青白江区: { score: 3, bonus: 3, deduction: 0 },
      新都区: { score: 1, bonus: 1, deduction: 0, items: { '9.3': 1 } },
      温江区: { score: 0, bonus: 2, deduction: 2 },
      双流县: { score: 0, bonus: 0, deduction: 0 },
    },
  },
  {
    // arithmetic:
    //   都江堰市: 8.1 = 是   → 70; 9.1 = 1 → 70 + 1 = 71
    //   彭州市:   8.1 = √   → 70; 9.1 = 2 → 72
    //   邛崃市:   8.1 = TRUE → 70; 9.1 = 3 → 73
    //   崇州市:   8.1 = "1" (number as text) → 70; 9.1 = 4 → 74
    name: 'flag 8.1 set as 是 / √ / TRUE / "1"',
    clause: '第八條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '8.1': '是', '9.1': 1 } },
        { unit: '彭州市', values: { '8.1': '√', '9.1': 2 } },
        { unit: '邛崃市', values: { '8.1': true, '9.1': 3 } },
        { unit: '崇州市', values: { '8.1': '1', '9.1': 4 } },
      ],
    },
    expect: {
      都江堰市: { score: 71, bonus: 1 },
      彭州市: { score: 72, bonus: 2 },
      邛崃市: { score: 73, bonus: 3 },
      崇州市: { score: 74, bonus: 4 },
    },
  },

  // ─────────────────────── judged items 9.1 / 9.2 (0–5) ───────────────────────
  {
    // arithmetic:
    //   锦江区: 9.1 = 4.5, 9.2 = 3 → bonus 4.5 + 3 = 7.5; 70 + 7.5 = 77.5
    //   青羊区: 9.1 = 5, 9.2 = 5 (both exactly on the bound) → 10; 70 + 10 = 80
    //   金牛区: 9.1 = 0, 9.2 = 0.5 → 0.5; 70 + 0.5 = 70.5
    name: '9.1 and 9.2 judged within 0–5 are taken as entered',
    clause: '第九條(一), 第九條(二)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '锦江区', values: { '9.1': 4.5, '9.2': 3 } },
        { unit: '青羊区', values: { '9.1': 5, '9.2': 5 } },
        { unit: '金牛区', values: { '9.1': 0, '9.2': 0.5 } },
      ],
    },
    expect: {
      锦江区: { score: 77.5, bonus: 7.5, items: { '9.1': 4.5, '9.2': 3 } },
      青羊区: { score: 80, bonus: 10, items: { '9.1': 5, '9.2': 5 } },
      金牛区: { score: 70.5, bonus: 0.5, items: { '9.1': 0, '9.2': 0.5 } },
    },
  },
  {
    // arithmetic:
    //   成华区: 9.1 = 7 > 5 → applied at 5, check on 9.1; 70 + 5 = 75
    //   高新区: 9.2 = 6.5 > 5 → applied at 5, check on 9.2; 70 + 5 = 75
    //   武侯区: 9.1 = 9 → 5 (check), 9.2 = 8 → 5 (check), 9.3 = 1 → 0.5;
    //           bonus 5 + 5 + 0.5 = 10.5; 70 + 10.5 = 80.5
    name: 'judged value beyond its bound is applied at the bound and flagged',
    clause: '第九條(一), 第九條(二)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '成华区', values: { '9.1': 7 } },
        { unit: '高新区', values: { '9.2': 6.5 } },
        { unit: '武侯区', values: { '9.1': 9, '9.2': 8, '9.3': 1 } },
      ],
    },
    expect: {
      成华区: { score: 75, bonus: 5, items: { '9.1': 5 }, checks: ['9.1'] },
      高新区: { score: 75, bonus: 5, items: { '9.2': 5 }, checks: ['9.2'] },
      武侯区: {
        score: 80.5,
        bonus: 10.5,
        items: { '9.1': 5, '9.2': 5, '9.3': 0.5 },
        checks: ['9.1', '9.2'],
      },
    },
  },

  // ─────────────────── per-item caps 9.3, 9.7, 9.8, 9.9 (2 each) ───────────────────
  {
    // arithmetic:
    //   都江堰市: 9.3 = 4 → 0.5×4 = 2 = cap 2 → 2; 70 + 2 = 72
    //   彭州市:   9.3 = 5 → 2.5 → 2; 9.7 = 5 → 2.5 → 2; 9.8 = 3 → 1.5; 9.9 = 10 → 5 → 2;
    //             bonus 2 + 2 + 1.5 + 2 = 7.5; 70 + 7.5 = 77.5
    //   邛崃市:   9.7 = 4 → 2; 9.8 = 4 → 2; 9.9 = 4 → 2; bonus 6; 76
    //   崇州市:   9.9 = 3 → 1.5; 71.5
    name: 'count items 9.3, 9.7, 9.8, 9.9: 0.5 each, capped at 2 each',
    clause: '第九條(三), 第九條(七), 第九條(八), 第九條(九)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.3': 4 } },
        { unit: '彭州市', values: { '9.3': 5, '9.7': 5, '9.8': 3, '9.9': 10 } },
        { unit: '邛崃市', values: { '9.7': 4, '9.8': 4, '9.9': 4 } },
        { unit: '崇州市', values: { '9.9': 3 } },
      ],
    },
    expect: {
      都江堰市: { score: 72, bonus: 2, items: { '9.3': 2 } },
      彭州市: {
        score: 77.5,
        bonus: 7.5,
        items: { '9.3': 2, '9.7': 2, '9.8': 1.5, '9.9': 2 },
      },
      邛崃市: { score: 76, bonus: 6, items: { '9.7': 2, '9.8': 2, '9.9': 2 } },
      崇州市: { score: 71.5, bonus: 1.5, items: { '9.9': 1.5 } },
    },
  },

  // ─────────────────────── groups 9.4.*, 9.5.*, 9.6.* (4 each) ───────────────────────
  {
    // arithmetic:
    //   龙泉驿区: city 3 → 0.5×3 = 1.5; province 1 → 1×1 = 1; 1.5 + 1 = 2.5; 72.5
    //   青白江区: 0.5×1 + 1×1 + 1.5×1 = 3; 73
    //   新都区:   city 2 → 1; national 2 → 3; 1 + 3 = 4 = cap → 4; 74
    //   温江区:   national 3 → 4.5 → cap 4; 74
    //   双流区:   city 9 → 4.5; province 2 → 2; national 1 → 1.5; 8 → cap 4; 74
    name: 'articles 9.4: 0.5 / 1 / 1.5 per piece, capped at 4 together',
    clause: '第九條(四)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '龙泉驿区', values: { '9.4.city': 3, '9.4.province': 1 } },
        { unit: '青白江区', values: { '9.4.city': 1, '9.4.province': 1, '9.4.national': 1 } },
        { unit: '新都区', values: { '9.4.city': 2, '9.4.national': 2 } },
        { unit: '温江区', values: { '9.4.national': 3 } },
        { unit: '双流区', values: { '9.4.city': 9, '9.4.province': 2, '9.4.national': 1 } },
      ],
    },
    expect: {
      龙泉驿区: { score: 72.5, bonus: 2.5 },
      青白江区: { score: 73, bonus: 3 },
      新都区: { score: 74, bonus: 4 },
      温江区: { score: 74, bonus: 4 },
      双流区: { score: 74, bonus: 4 },
    },
  },
  {
    // arithmetic:
    //   锦江区: county 1 → 0.5; city 1 → 1; 1.5; 71.5
    //   青羊区: county 3 → 1.5; city 2 → 2; province 1 → 1.5; 5 → cap 4; 74
    //   金牛区: province 2 → 3; county 1 → 0.5; 3.5; 73.5
    name: 'commendations 9.5: 0.5 / 1 / 1.5 per commendation, capped at 4 together',
    clause: '第九條(五)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '锦江区', values: { '9.5.county': 1, '9.5.city': 1 } },
        { unit: '青羊区', values: { '9.5.county': 3, '9.5.city': 2, '9.5.province': 1 } },
        { unit: '金牛区', values: { '9.5.province': 2, '9.5.county': 1 } },
      ],
    },
    expect: {
      锦江区: { score: 71.5, bonus: 1.5 },
      青羊区: { score: 74, bonus: 4 },
      金牛区: { score: 73.5, bonus: 3.5 },
    },
  },
  {
    // arithmetic:
    //   金堂县: 9.6 city 1 + province 1 + national 1 → 0.5 + 1 + 1.5 = 3; 73
    //   大邑县: 9.6 national 3 → 4.5 → cap 4; 74
    //   蒲江县: 9.4 national 3 → 4.5 → 4; 9.5 province 3 → 4.5 → 4; 9.6 national 3 → 4.5 → 4;
    //           each group capped on its own: 4 + 4 + 4 = 12 (not one cap of 4 for all); 82
    //   新津县: 9.4 city 4 → 2; 9.5 county 4 → 2; 9.6 city 4 → 2; 6; 76
    name: 'media reports 9.6 capped at 4; the three groups 9.4/9.5/9.6 are capped separately',
    clause: '第九條(四), 第九條(五), 第九條(六)',
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '金堂县',
          values: { '9.6.city': 1, '9.6.province': 1, '9.6.national': 1 },
        },
        { unit: '大邑县', values: { '9.6.national': 3 } },
        {
          unit: '蒲江县',
          values: { '9.4.national': 3, '9.5.province': 3, '9.6.national': 3 },
        },
        { unit: '新津县', values: { '9.4.city': 4, '9.5.county': 4, '9.6.city': 4 } },
      ],
    },
    expect: {
      金堂县: { score: 73, bonus: 3 },
      大邑县: { score: 74, bonus: 4 },
      蒲江县: { score: 82, bonus: 12 },
      新津县: { score: 76, bonus: 6 },
    },
  },

  // ─────────────────────────── overall bonus cap 30 ───────────────────────────
  {
    // arithmetic:
    //   锦江区: every item on its cap: 5 + 5 + 2 + 4 + 4 + 4 + 2 + 2 + 2 = 30; min(30, 30) = 30;
    //           70 + 30 = 100
    //   青羊区: every item far beyond its cap:
    //           9.1 = 7 → 5 (check), 9.2 = 6 → 5 (check), 9.3 = 10 → 5 → 2,
    //           9.4: 0.5×10 + 1×10 + 1.5×10 = 30 → 4, 9.5 likewise → 4, 9.6 likewise → 4,
    //           9.7 = 10 → 2, 9.8 = 10 → 2, 9.9 = 10 → 2;
    //           Σ = 30; min(30, 30) = 30; 70 + 30 = 100 (never above 100)
    name: 'overall bonus never above 30 (score never above 100)',
    clause: '第八條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '锦江区', values: { ...ALL_BONUS_AT_CAP } },
        {
          unit: '青羊区',
          values: {
            '9.1': 7,
            '9.2': 6,
            '9.3': 10,
            '9.4.city': 10,
            '9.4.province': 10,
            '9.4.national': 10,
            '9.5.county': 10,
            '9.5.city': 10,
            '9.5.province': 10,
            '9.6.city': 10,
            '9.6.province': 10,
            '9.6.national': 10,
            '9.7': 10,
            '9.8': 10,
            '9.9': 10,
          },
        },
      ],
    },
    expect: {
      锦江区: {
        score: 100,
        bonus: 30,
        deduction: 0,
        items: { '9.1': 5, '9.2': 5, '9.3': 2, '9.7': 2, '9.8': 2, '9.9': 2 },
      },
      青羊区: {
        score: 100,
        bonus: 30,
        deduction: 0,
        items: { '9.1': 5, '9.2': 5, '9.3': 2, '9.7': 2, '9.8': 2, '9.9': 2 },
        checks: ['9.1', '9.2'],
      },
    },
  },

  // ─────────────────────────────── deductions ───────────────────────────────
  {
    // arithmetic:
    //   武侯区: bonus 9.1 5 + 9.3 3×0.5 = 1.5 + 9.4.city 1×0.5 = 0.5 → 7;
    //           deductions 10.2 1×2 = 2 + 10.7 1.5 → 3.5; min(3.5, 7) = 3.5;
    //           70 + 7 − 3.5 = 73.5
    //   成华区: bonus 30 (every item on its cap);
    //           deductions 10.1 2 + 10.2 2 + 10.3 2 + 10.4 2 + 10.5 5 + 10.6 3 + 10.7 2.5 = 18.5;
    //           min(18.5, 30) = 18.5; 70 + 30 − 18.5 = 81.5
    //   高新区: bonus 9.2 4; deduction 10.6 1×3 = 3; min(3, 4) = 3; 70 + 4 − 3 = 71
    name: 'deductions per count (−2/−2/−2/−2/−5/−3) and 10.7 as entered, below the bonus',
    clause: '第十條(一)–(七), 第八條(二)',
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '武侯区',
          values: { '9.1': 5, '9.3': 3, '9.4.city': 1, '10.2': 1, '10.7': 1.5 },
        },
        {
          unit: '成华区',
          values: {
            ...ALL_BONUS_AT_CAP,
            '10.1': 1,
            '10.2': 1,
            '10.3': 1,
            '10.4': 1,
            '10.5': 1,
            '10.6': 1,
            '10.7': 2.5,
          },
        },
        { unit: '高新区', values: { '9.2': 4, '10.6': 1 } },
      ],
    },
    expect: {
      武侯区: { score: 73.5, bonus: 7, deduction: 3.5, items: { '9.3': 1.5 } },
      成华区: { score: 81.5, bonus: 30, deduction: 18.5 },
      高新区: { score: 71, bonus: 4, deduction: 3 },
    },
  },
  {
    // arithmetic:
    //   龙泉驿区: bonus 9.1 3 + 9.7 1×0.5 = 3.5; deduction 10.5 1×5 = 5; min(5, 3.5) = 3.5;
    //             70 + 3.5 − 3.5 = 70
    //   青白江区: bonus 0; deduction 10.6 2×3 = 6; min(6, 0) = 0; 70
    //   新都区:   bonus 9.1 4; deduction 10.1 2 + 10.3 2 = 4; min(4, 4) = 4; 70 + 4 − 4 = 70
    //   温江区:   bonus 30; deduction 10.5 4×5 = 20 + 10.7 50 = 70; min(70, 30) = 30;
    //             70 + 30 − 30 = 70
    //   郫县:     bonus 9.1 2.5; deduction 10.4 2×2 = 4; min(4, 2.5) = 2.5; 70
    name: 'deductions never exceed the applied bonus: base 70 never falls below 70',
    clause: '第十條(八)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '龙泉驿区', values: { '9.1': 3, '9.7': 1, '10.5': 1 } },
        { unit: '青白江区', values: { '10.6': 2 } },
        { unit: '新都区', values: { '9.1': 4, '10.1': 1, '10.3': 1 } },
        { unit: '温江区', values: { ...ALL_BONUS_AT_CAP, '10.5': 4, '10.7': 50 } },
        { unit: '郫县', values: { '9.1': 2.5, '10.4': 2 } },
      ],
    },
    expect: {
      龙泉驿区: { score: 70, bonus: 3.5, deduction: 3.5 },
      青白江区: { score: 70, bonus: 0, deduction: 0 },
      新都区: { score: 70, bonus: 4, deduction: 4 },
      温江区: { score: 70, bonus: 30, deduction: 30 },
      郫县: { score: 70, bonus: 2.5, deduction: 2.5 },
    },
  },

  // ─────────────────────────────── exact decimals ───────────────────────────────
  {
    // arithmetic:
    //   都江堰市: 9.1 0.2 + 9.2 0.1 = 0.3 (not 0.30000000000000004); 70 + 0.3 = 70.3
    //   彭州市:   bonus 0.3; deduction 10.7 0.1; min(0.1, 0.3) = 0.1; 70 + 0.3 − 0.1 = 70.2
    //   邛崃市:   9.1 2.5
    //             + 9.3 0.5×3 = 1.5
    //             + 9.4 (0.5×1 + 1×1 = 1.5)
    //             + 9.5 0.5×1 = 0.5
    //             + 9.6 0.5×3 = 1.5
    //             + 9.7 0.5×1 = 0.5
    //             + 9.8 0.5×3 = 1.5
    //             + 9.9 0.5×1 = 0.5
    //             = 10; deduction 10.7 0.7; min(0.7, 10) = 0.7; 70 + 10 − 0.7 = 79.3
    //   崇州市:   9.1 4.7; deduction 10.7 4.4; min(4.4, 4.7) = 4.4; 70 + 4.7 − 4.4 = 70.3
    name: 'exact decimal sums',
    clause: '第八條(二), 第九條(一)–(九), 第十條(七)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.1': 0.2, '9.2': 0.1 } },
        { unit: '彭州市', values: { '9.1': 0.2, '9.2': 0.1, '10.7': 0.1 } },
        {
          unit: '邛崃市',
          values: {
            '9.1': 2.5,
            '9.3': 3,
            '9.4.city': 1,
            '9.4.province': 1,
            '9.5.county': 1,
            '9.6.city': 3,
            '9.7': 1,
            '9.8': 3,
            '9.9': 1,
            '10.7': 0.7,
          },
        },
        { unit: '崇州市', values: { '9.1': 4.7, '10.7': 4.4 } },
      ],
    },
    expect: {
      都江堰市: { score: 70.3, bonus: 0.3, deduction: 0 },
      彭州市: { score: 70.2, bonus: 0.3, deduction: 0.1 },
      邛崃市: {
        score: 79.3,
        bonus: 10,
        deduction: 0.7,
        items: { '9.1': 2.5, '9.3': 1.5, '9.7': 0.5, '9.8': 1.5, '9.9': 0.5 },
      },
      崇州市: { score: 70.3, bonus: 4.7, deduction: 4.4 },
    },
  },

  // ─────────────────────────────── input coercion ───────────────────────────────
  {
    // arithmetic:
    //   金堂县: 9.3 "3" → 3 → 1.5; 9.1 "4.5" → 4.5; bonus 6; 70 + 6 = 76
    //   大邑县: 9.7 "３" (full width) → 3 → 1.5; 9.1 "４" → 4; bonus 5.5;
    //           10.2 "1" → 1 → 2; min(2, 5.5) = 2; 70 + 5.5 − 2 = 73.5
    //   蒲江县: 9.4.province "２" → 2 → 2; 10.7 "0.5" → 0.5; 70 + 2 − 0.5 = 71.5
    name: 'numbers stored as text and full-width digits are read as numbers',
    clause: '第九條(一), 第九條(三), 第九條(四), 第九條(七), 第十條(二), 第十條(七)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '金堂县', values: { '9.3': '3', '9.1': '4.5' } },
        { unit: '大邑县', values: { '9.7': '３', '9.1': '４', '10.2': '1' } },
        { unit: '蒲江县', values: { '9.4.province': '２', '10.7': '0.5' } },
      ],
    },
    expect: {
      金堂县: { score: 76, bonus: 6, items: { '9.3': 1.5, '9.1': 4.5 } },
      大邑县: { score: 73.5, bonus: 5.5, deduction: 2, items: { '9.7': 1.5, '9.1': 4 } },
      蒲江县: { score: 71.5, bonus: 2, deduction: 0.5 },
    },
  },

  // ─────────────────────────────── input errors ───────────────────────────────
  {
    // arithmetic: none — 10.2 is a count; −1 is not a whole number ≥ 0 → input error on 10.2
    name: 'negative count is an input error',
    clause: '第十條(二)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '锦江区', values: { '9.1': 3 } },
        { unit: '青羊区', values: { '10.2': -1 } },
      ],
    },
    error: { item: '10.2' },
  },
  {
    // arithmetic: none — 9.3 counts 举措 (whole numbers); 1.5 is a fraction → input error on 9.3
    name: 'fraction in a count is an input error',
    clause: '第九條(三)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '龙泉驿区', values: { '9.3': 2 } },
        { unit: '青白江区', values: { '9.3': 1.5 } },
      ],
    },
    error: { item: '9.3' },
  },
  {
    // arithmetic: none — "2.5" read as a number is still a fraction in the count 10.5 → error
    name: 'fraction stored as text in a count is an input error',
    clause: '第十條(五)',
    input: {
      kind: 'rows',
      rows: [{ unit: '新都区', values: { '9.1': 4, '10.5': '2.5' } }],
    },
    error: { item: '10.5' },
  },
  {
    // arithmetic: none — "abc" in judged points 9.1 is neither empty nor a number → error, not 0
    name: 'arbitrary text in a judged item is an input error',
    clause: '第九條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.1': 'abc' } },
        { unit: '彭州市', values: { '9.1': 2 } },
      ],
    },
    error: { item: '9.1' },
  },
  {
    // arithmetic: none — Excel error value #N/A in the count 9.4.city → input error, not 0
    name: 'Excel error value is an input error',
    clause: '第九條(四)',
    input: {
      kind: 'rows',
      rows: [{ unit: '温江区', values: { '9.4.city': '#N/A', '9.4.province': 1 } }],
    },
    error: { item: '9.4.city' },
  },
  {
    // arithmetic: none — 8.1 is a flag (TRUE/FALSE, 1/0, 是/否, √/×); "abc" is none of them → error
    name: 'unreadable flag 8.1 is an input error',
    clause: '第八條(一)',
    input: {
      kind: 'rows',
      rows: [{ unit: '金牛区', values: { '8.1': 'abc', '9.1': 3 } }],
    },
    error: { item: '8.1' },
  },

  // ─────────────────────── tiers and excellent quota (第四條, 第十一條(一)) ───────────────────────
  {
    // arithmetic (scores):
    //   Tier 1 (6 units → quota floor(0.3×6) = floor(1.8) = 1):
    //     錦江區  9.1 5 + 9.2 5 + 9.3 2×0.5 = 1 → 11 → 81
    //     青羊区  5 + 4.5 = 9.5 → 79.5
    //     金牛區  4 + 4 = 8 → 78
    //     武侯区  3 → 73
    //     成華區  — → 70
    //     高新区  5 + 5 = 10; 10.2 1×2 = 2, min(2, 10) = 2 → 70 + 10 − 2 = 78
    //     → 錦江區 81 alone at the top → 优秀; the rest null
    //   Tier 2 (6 units → quota 1):
    //     龍泉驛區 5 + 5 + 9.4.province 2×1 = 2 → 12 → 82
    //     青白江区 5 + 5 + 9.3 2×0.5 = 1 → 11 → 81
    //     新都區   2 → 72
    //     温江区   4 + 3 = 7 → 77
    //     双流区   1 → 71
    //     郫縣     9.2 2.5 → 72.5
    //     → 龍泉驛區 82 → 优秀; the rest null
    //   Tier 3 (8 units → quota floor(0.3×8) = floor(2.4) = 2):
    //     都江堰市 5 + 5 + 9.5.province 2×1.5 = 3 → 13 → 83
    //     彭州市   5 + 5 + 9.6.city 3×0.5 = 1.5 → 11.5 → 81.5
    //     邛崍市   5 + 5 = 10 → 80
    //     崇州市   4 → 74
    //     金堂縣   3 + 3 = 6 → 76
    //     大邑县   — → 70
    //     蒲江县   0.5 → 70.5
    //     新津区   8.1 = 0 → base 0; 9.1 5 → 5
    //     → 都江堰市 83, 彭州市 81.5 → 优秀; the rest null
    //   Rank over all 20 (RANK.EQ descending):
    //     83 都江堰市 1 | 82 龍泉驛區 2 | 81.5 彭州市 3 | 81 錦江區, 青白江区 4, 4 | 80 邛崍市 6 |
    //     79.5 青羊区 7 | 78 金牛區, 高新区 8, 8 | 77 温江区 10 | 76 金堂縣 11 | 74 崇州市 12 |
    //     73 武侯区 13 | 72.5 郫縣 14 | 72 新都區 15 | 71 双流区 16 | 70.5 蒲江县 17 |
    //     70 成華區, 大邑县 18, 18 | 5 新津区 20
    name: 'full batch of all 20 units: tiers from names, quota 1 / 1 / 2, batch-wide rank',
    clause: '第四條, 第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '錦江區', values: { '9.1': 5, '9.2': 5, '9.3': 2 } },
        { unit: '青羊区', values: { '9.1': 5, '9.2': 4.5 } },
        { unit: '金牛區', values: { '9.1': 4, '9.2': 4 } },
        { unit: '武侯区', values: { '9.1': 3 } },
        { unit: '成華區', values: {} },
        { unit: '高新区', values: { '9.1': 5, '9.2': 5, '10.2': 1 } },
        { unit: '龍泉驛區', values: { '9.1': 5, '9.2': 5, '9.4.province': 2 } },
        { unit: '青白江区', values: { '9.1': 5, '9.2': 5, '9.3': 2 } },
        { unit: '新都區', values: { '9.1': 2 } },
        { unit: '温江区', values: { '9.1': 4, '9.2': 3 } },
        { unit: '双流区', values: { '9.1': 1 } },
        { unit: '郫縣', values: { '9.2': 2.5 } },
        { unit: '都江堰市', values: { '9.1': 5, '9.2': 5, '9.5.province': 2 } },
        { unit: '彭州市', values: { '9.1': 5, '9.2': 5, '9.6.city': 3 } },
        { unit: '邛崍市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '崇州市', values: { '9.1': 4 } },
        { unit: '金堂縣', values: { '9.1': 3, '9.2': 3 } },
        { unit: '大邑县', values: {} },
        { unit: '蒲江县', values: { '9.1': 0.5 } },
        { unit: '新津区', values: { '8.1': 0, '9.1': 5 } },
      ],
    },
    expect: {
      錦江區: { score: 81, rank: 4, level: '优秀' },
      青羊区: { score: 79.5, rank: 7, level: null },
      金牛區: { score: 78, rank: 8, level: null },
      武侯区: { score: 73, rank: 13, level: null },
      成華區: { score: 70, rank: 18, level: null },
      高新区: { score: 78, bonus: 10, deduction: 2, rank: 8, level: null },
      龍泉驛區: { score: 82, rank: 2, level: '优秀' },
      青白江区: { score: 81, rank: 4, level: null },
      新都區: { score: 72, rank: 15, level: null },
      温江区: { score: 77, rank: 10, level: null },
      双流区: { score: 71, rank: 16, level: null },
      郫縣: { score: 72.5, rank: 14, level: null },
      都江堰市: { score: 83, rank: 1, level: '优秀' },
      彭州市: { score: 81.5, rank: 3, level: '优秀' },
      邛崍市: { score: 80, rank: 6, level: null },
      崇州市: { score: 74, rank: 12, level: null },
      金堂縣: { score: 76, rank: 11, level: null },
      大邑县: { score: 70, rank: 18, level: null },
      蒲江县: { score: 70.5, rank: 17, level: null },
      新津区: { score: 5, rank: 20, level: null },
    },
  },
  {
    // arithmetic: tier 3 only, 8 units → quota floor(0.3×8) = floor(2.4) = 2
    //   都江堰市 5 + 5 + 9.3 4×0.5 = 2 → 12 → 82
    //   彭州市   4.7 + 4.4 + 9.3 2×0.5 = 1 → 10.1 → 80.1
    //   邛崃市   4.8 + 4.3 + 9.7 2×0.5 = 1 → 10.1 → 80.1   (exactly equal to 彭州市)
    //   崇州市   5 + 5 = 10 → 80
    //   金堂县   3 → 73 | 大邑县 2 → 72 | 蒲江县 1 → 71 | 新津县 — → 70
    //   Order: 82 | 80.1, 80.1 | 80 | …  Quota line falls after place 2; the tied pair holds places
    //   2–3 → straddles the line → both 待定; 都江堰市 strictly above → 优秀; everyone else null.
    //   Ranks: 1, 2, 2, 4, 5, 6, 7, 8
    name: 'tie straddling the quota line: tied group 待定, unit above stays 优秀',
    clause: '第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.1': 5, '9.2': 5, '9.3': 4 } },
        { unit: '彭州市', values: { '9.1': 4.7, '9.2': 4.4, '9.3': 2 } },
        { unit: '邛崃市', values: { '9.1': 4.8, '9.2': 4.3, '9.7': 2 } },
        { unit: '崇州市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '金堂县', values: { '9.1': 3 } },
        { unit: '大邑县', values: { '9.1': 2 } },
        { unit: '蒲江县', values: { '9.1': 1 } },
        { unit: '新津县', values: {} },
      ],
    },
    expect: {
      都江堰市: { score: 82, rank: 1, level: '优秀' },
      彭州市: { score: 80.1, rank: 2, level: '待定' },
      邛崃市: { score: 80.1, rank: 2, level: '待定' },
      崇州市: { score: 80, rank: 4, level: null },
      金堂县: { score: 73, rank: 5, level: null },
      大邑县: { score: 72, rank: 6, level: null },
      蒲江县: { score: 71, rank: 7, level: null },
      新津县: { score: 70, rank: 8, level: null },
    },
  },
  {
    // arithmetic: tier 1 only, 6 units → quota floor(1.8) = 1
    //   锦江区 5 + 5 = 10 → 80
    //   青羊区 5 + 9.3 10×0.5 = 5 → 2 + 9.7 6×0.5 = 3 → 2 + 9.8 2×0.5 = 1 → 10 → 80
    //   金牛区 4 → 74 | 武侯区 3 → 73 | 成华区 2 → 72 | 高新区 — → 70
    //   Two tied at the top hold places 1–2, quota line after place 1 → both 待定, no 优秀 at all.
    //   Ranks: 1, 1, 3, 4, 5, 6
    name: 'tie at the top with quota 1: both 待定, nobody 优秀',
    clause: '第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '锦江区', values: { '9.1': 5, '9.2': 5 } },
        { unit: '青羊区', values: { '9.1': 5, '9.3': 10, '9.7': 6, '9.8': 2 } },
        { unit: '金牛区', values: { '9.1': 4 } },
        { unit: '武侯区', values: { '9.1': 3 } },
        { unit: '成华区', values: { '9.1': 2 } },
        { unit: '高新区', values: {} },
      ],
    },
    expect: {
      锦江区: { score: 80, rank: 1, level: '待定' },
      青羊区: { score: 80, rank: 1, level: '待定' },
      金牛区: { score: 74, rank: 3, level: null },
      武侯区: { score: 73, rank: 4, level: null },
      成华区: { score: 72, rank: 5, level: null },
      高新区: { score: 70, rank: 6, level: null },
    },
  },
  {
    // arithmetic: tier 3 only, 8 units → quota 2
    //   都江堰市 5 + 5 + 9.4.national 3×1.5 = 4.5 → 4 + 9.3 2×0.5 = 1 → 15 → 85
    //   彭州市   5 + 5 + 9.5.province 2×1.5 = 3 + 9.6.province 2×1 = 2 → 15 → 85
    //   邛崃市   5 + 5 → 80
    //   崇州市   4 + 4 → 78 | 金堂县 4 + 4 → 78 (tie well below the line)
    //   大邑县   3 → 73 | 蒲江县 1 → 71 | 新津区 — → 70
    //   The tied pair holds places 1–2, inside quota 2 → both 优秀; 邛崃市 (place 3) null;
    //   the 78/78 tie is below the line → null.  Ranks: 1, 1, 3, 4, 4, 6, 7, 8
    name: 'tie wholly inside the quota: both 优秀; tie below the line: no level',
    clause: '第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.1': 5, '9.2': 5, '9.4.national': 3, '9.3': 2 } },
        {
          unit: '彭州市',
          values: { '9.1': 5, '9.2': 5, '9.5.province': 2, '9.6.province': 2 },
        },
        { unit: '邛崃市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '崇州市', values: { '9.1': 4, '9.2': 4 } },
        { unit: '金堂县', values: { '9.1': 4, '9.2': 4 } },
        { unit: '大邑县', values: { '9.1': 3 } },
        { unit: '蒲江县', values: { '9.1': 1 } },
        { unit: '新津区', values: {} },
      ],
    },
    expect: {
      都江堰市: { score: 85, bonus: 15, rank: 1, level: '优秀' },
      彭州市: { score: 85, bonus: 15, rank: 1, level: '优秀' },
      邛崃市: { score: 80, rank: 3, level: null },
      崇州市: { score: 78, rank: 4, level: null },
      金堂县: { score: 78, rank: 4, level: null },
      大邑县: { score: 73, rank: 6, level: null },
      蒲江县: { score: 71, rank: 7, level: null },
      新津区: { score: 70, rank: 8, level: null },
    },
  },
  {
    // arithmetic: tier 3 only, 8 units → quota 2
    //   都江堰市, 彭州市, 邛崃市: 5 + 5 = 10 → 80 each
    //   崇州市 5 → 75 | 金堂县, 大邑县, 蒲江县, 新津县 — → 70 each
    //   Three tied at the top hold places 1–3, quota line after place 2 → all three 待定;
    //   no 优秀 in the tier; 崇州市 (place 4) is not moved up → null.
    name: 'three tied at the top with quota 2: all 待定, nobody 优秀',
    clause: '第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '都江堰市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '彭州市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '邛崃市', values: { '9.1': 5, '9.2': 5 } },
        { unit: '崇州市', values: { '9.1': 5 } },
        { unit: '金堂县', values: {} },
        { unit: '大邑县', values: {} },
        { unit: '蒲江县', values: {} },
        { unit: '新津县', values: {} },
      ],
    },
    expect: {
      都江堰市: { score: 80, rank: 1, level: '待定' },
      彭州市: { score: 80, rank: 1, level: '待定' },
      邛崃市: { score: 80, rank: 1, level: '待定' },
      崇州市: { score: 75, rank: 4, level: null },
      金堂县: { score: 70, rank: 5, level: null },
      新津县: { score: 70, rank: 5, level: null },
    },
  },
  {
    // arithmetic:
    //   Tier 1: 3 of its 6 units present; 该圈层单位总数 is 6 → quota floor(0.3×6) = floor(1.8) = 1
    //     锦江区 5 + 5 + 9.4 4 + 9.5 4 + 9.6 4 (each 3×1.5 = 4.5 → 4) = 22 → 92 → 优秀
    //     青羊区 5 → 75 | 金牛区 — → 70
    //   Tier 2: 4 of its 6 present → quota floor(1.8) = 1
    //     龙泉驿区 5 + 5 → 80 → 优秀 | 青白江区 4 → 74 | 新都区 3 → 73 | 温江区 — → 70
    //   Ranks over the batch: 92 锦江区 1 | 80 龙泉驿区 2 | 75 青羊区 3 | 74 青白江区 4 |
    //     73 新都区 5 | 70 金牛区, 温江区 6, 6
    name: 'quota counts the tier\'s units as 第四條 lists them (3 of 6 present → 1, 4 of 6 → 1)',
    clause: '第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        {
          unit: '锦江区',
          values: {
            '9.1': 5,
            '9.2': 5,
            '9.4.national': 3,
            '9.5.province': 3,
            '9.6.national': 3,
          },
        },
        { unit: '青羊区', values: { '9.1': 5 } },
        { unit: '金牛区', values: {} },
        { unit: '龙泉驿区', values: { '9.1': 5, '9.2': 5 } },
        { unit: '青白江区', values: { '9.1': 4 } },
        { unit: '新都区', values: { '9.1': 3 } },
        { unit: '温江区', values: {} },
      ],
    },
    expect: {
      锦江区: { score: 92, bonus: 22, rank: 1, level: '优秀' },
      青羊区: { score: 75, rank: 3, level: null },
      金牛区: { score: 70, rank: 6, level: null },
      龙泉驿区: { score: 80, rank: 2, level: '优秀' },
      青白江区: { score: 74, rank: 4, level: null },
      新都区: { score: 73, rank: 5, level: null },
      温江区: { score: 70, rank: 6, level: null },
    },
  },
  {
    // arithmetic:
    //   Tier 2: 6 by name (龙泉驿区, 青白江区, 新都区, 温江区, 雙流縣, 郫都区) + 4 by explicit tier
    //   (天府新区 2, 东部新区 第二圈, 成都科学城 2, 淮州新城 第二圈), which 第四條 does not list: they
    //   are ranked in 第二圈 but the base stays the 6 it lists → quota floor(1.8) = 1 (issue 19)
    //     天府新区 5 + 5 → 80 | 郫都区 5 + 4 → 79 | 东部新区 5 + 3 → 78 | 雙流縣 5 + 2 → 77 |
    //     龙泉驿区 5 + 1 → 76 | 青白江区 5 → 75 | 新都区 4 → 74 | 温江区 3 → 73 |
    //     成都科学城 2 → 72 | 淮州新城 — → 70
    //     → 天府新区 优秀; the rest null
    //   Tier 3: 简阳市 by explicit tier 第三圈, alone in the batch, but 第四條 lists 8 units for
    //     第三圈 → quota floor(2.4) = 2: 简阳市 5 + 5 + 9.3 4×0.5 = 2 → 12 → 82 → 优秀 (had it been
    //     counted in tier 2 it would have taken a place from 东部新区)
    name: 'explicit tier (2 / 第二圈 / 第三圈) for units not named in 第四條; later names',
    clause: '第四條, 第十一條(一)',
    input: {
      kind: 'rows',
      rows: [
        { unit: '龙泉驿区', values: { '9.1': 5, '9.2': 1 } },
        { unit: '青白江区', values: { '9.1': 5 } },
        { unit: '新都区', values: { '9.1': 4 } },
        { unit: '温江区', values: { '9.1': 3 } },
        { unit: '雙流縣', values: { '9.1': 5, '9.2': 2 } },
        { unit: '郫都区', values: { '9.1': 5, '9.2': 4 } },
        { unit: '天府新区', tier: 2, values: { '9.1': 5, '9.2': 5 } },
        { unit: '东部新区', tier: '第二圈', values: { '9.1': 5, '9.2': 3 } },
        { unit: '成都科学城', tier: 2, values: { '9.1': 2 } },
        { unit: '淮州新城', tier: '第二圈', values: {} },
        { unit: '简阳市', tier: '第三圈', values: { '9.1': 5, '9.2': 5, '9.3': 4 } },
      ],
    },
    expect: {
      天府新区: { score: 80, level: '优秀' },
      郫都区: { score: 79, level: null },
      东部新区: { score: 78, level: null },
      雙流縣: { score: 77, level: null },
      龙泉驿区: { score: 76, level: null },
      青白江区: { score: 75, level: null },
      新都区: { score: 74, level: null },
      温江区: { score: 73, level: null },
      成都科学城: { score: 72, level: null },
      淮州新城: { score: 70, level: null },
      简阳市: { score: 82, level: '优秀' },
    },
  },
];
