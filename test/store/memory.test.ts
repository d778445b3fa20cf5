import { MemoryStore } from "../../src/store/memory.ts";
import { describeStoreContract } from "./contract.ts";

// A memory store has no second process to share with: "reopening" hands back the same instance,
// which still serves reads after close (close only waits for running turns).
describeStoreContract("MemoryStore", () => {
  let store: MemoryStore | undefined;
  return {
    create: async () => {
      store = new MemoryStore();
      return store;
    },
    reopen: async () => store ?? new MemoryStore(),
    cleanup: async () => {
      store = undefined;
    },
  };
});
