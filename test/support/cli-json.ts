/** What `assess check|score --format json` prints, as the CLI tests read it (README "Command line"). */

/** One finding of `check --format json`. */
export interface FindingOut {
  severity: string;
  unit: string;
  sheet: string | null;
  cell: string | null;
  found: string | null;
  expected: string | null;
}

/** One unit of `score --format json`. */
export interface UnitOut {
  unit: string;
  score: number;
  rank: number | null;
  level: string | null;
  grade: string | null;
  result: number | null;
  reward: number | null;
  flags: string[];
}
