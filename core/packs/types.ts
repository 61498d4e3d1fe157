// The shape of a rule pack as core holds it: the rows of its Rules.csv, header first, as text.

export interface RulePackData {
  /** The folder name under rule-packs/: `aws-foundations`. */
  name: string;
  title: string;
  description: string;
  /** The pack's Rules sheet: rows[0] is the header (Rule ID, Title, Resource Type, …), every cell text. */
  rules: string[][];
}

/** One entry of the packs list, for menus and `rulesheet init --pack`. */
export interface RulePackInfo {
  name: string;
  title: string;
  description: string;
  ruleCount: number;
}
