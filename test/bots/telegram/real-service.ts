/** The real advisor service, wrapped to note the replies of every turn for the tests. */
import { createAdvisorService } from "../../../src/dialog/service.ts";
import type { AdvisorService, Reply } from "../../../src/dialog/types.ts";
import { createFaqIndex, type FaqIndex } from "../../../src/faq/index.ts";
import { loadPolicySet, type PolicySet } from "../../../src/policy/load.ts";
import type { Store } from "../../../src/store/types.ts";

let policySet: PolicySet | undefined;
let faq: FaqIndex | undefined;

export interface RecordedService extends AdvisorService {
  /** The replies of each turn, in order. */
  replies: Reply[][];
}

export function realService(store: Store): RecordedService {
  policySet ??= loadPolicySet();
  faq ??= createFaqIndex(policySet);
  const inner = createAdvisorService({ set: policySet, store, faq });
  const replies: Reply[][] = [];
  return {
    replies,
    async handle(input) {
      const out = await inner.handle(input);
      replies.push(out);
      return out;
    },
  };
}
