/** A three-row staff sheet (CSV): a match, a match from Chinese cells ("是", "一个亿"), and a
 * row with a bad district — what both platforms' file-flow tests send. */
export const SAMPLE_SHEET = [
  "id,name,district,dcmm.level,infrastructure.inOperation,infrastructure.fixedAssetInvestment",
  "A1,甲公司,shijingshan,3,,",
  "A2,乙公司,tongzhou,,是,一个亿",
  "A3,丙公司,nowhere,,,",
].join("\n");
