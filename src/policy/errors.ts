/**
 * The few named errors of the policy layer. Each carries the context needed to fix
 * the problem and says how in its message; none of them is ever shown with a stack.
 */

/** A data file under `data/` does not fit the policy vocabulary. */
export class PolicyDataError extends Error {
  override readonly name = "PolicyDataError";
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}: ${where}: ${problem}. Fix the data file; the advisor will not start with it broken.`);
  }
}

/** A profile given to the advisor breaks the profile schema (CONTRACT.md section 2). */
export class ProfileError extends Error {
  override readonly name = "ProfileError";
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(field ? `${field}: ${expected}` : expected);
  }
}
