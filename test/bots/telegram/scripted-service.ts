/**
 * A small scripted AdvisorService for the adapter tests: a district question (one answer),
 * a several-answers question with a done button, then a result. It keeps its state in the
 * store like the real service, so a restart on the same store resumes, and it notes every
 * turn it handles (and whether two ever overlapped) so tests can check order.
 */
import type { AdvisorService, Reply, TurnInput } from "../../../src/dialog/types.ts";
import type { ConversationStore } from "../../../src/store/types.ts";

interface State {
  step: "district" | "features" | "done";
  district?: string;
  features: string[];
}

export const DISTRICTS = [
  { id: "tongzhou", label: "通州" },
  { id: "shijingshan", label: "石景山" },
  { id: "other", label: "其他" },
];
export const FEATURES = [
  { id: "f_lab", label: "重点实验室" },
  { id: "f_dcmm", label: "DCMM 认证" },
  { id: "f_sandbox", label: "数据沙箱" },
];

export interface ScriptedService extends AdvisorService {
  /** Every turn handed to the service (redeliveries too), in the order the service started them. */
  turns: TurnInput[];
  /** Turns of one conversation that ran at the same time (should stay 0). */
  overlaps: number;
  /** Runs before each turn; tests use it to hold a turn back or make it fail. */
  beforeTurn?: (input: TurnInput) => Promise<void>;
}

export function scriptedService(
  store: ConversationStore,
  options: { resultSections?: number } = {},
): ScriptedService {
  const running = new Set<string>();
  const service: ScriptedService = {
    turns: [],
    overlaps: 0,
    async handle(input) {
      if (running.has(input.conversationId)) service.overlaps++;
      running.add(input.conversationId);
      try {
        service.turns.push(input);
        await service.beforeTurn?.(input);
        const stored = await store.load(input.conversationId);
        // As the real service does (src/dialog/service.ts): a delivery applied already changes nothing.
        if (input.deliveryId && stored?.deliveries?.includes(input.deliveryId)) return [];
        const state = (stored?.state as State | undefined) ?? { step: "district", features: [] };
        const { next, replies } = step(input, state, options.resultSections ?? 2);
        const deliveries = [...(stored?.deliveries ?? []), ...(input.deliveryId ? [input.deliveryId] : [])];
        await store.save(input.conversationId, {
          version: 1,
          state: next,
          updatedAt: new Date().toISOString(),
          deliveries,
        });
        return replies;
      } finally {
        running.delete(input.conversationId);
      }
    },
  };
  return service;
}

function districtQuestion(): Reply {
  return {
    kind: "question",
    text: "贵单位注册在哪个区？",
    progress: "第 1 题，约 2 题",
    choices: DISTRICTS,
    multi: false,
  };
}

function featureQuestion(picked: string[]): Reply {
  const choices = FEATURES.map((f) => ({
    id: f.id,
    label: picked.includes(f.id) ? `✓ ${f.label}` : f.label,
  }));
  return {
    kind: "question",
    text: "以下哪些适用？（可多选）",
    progress: "第 2 题，约 2 题",
    choices,
    multi: true,
  };
}

function step(input: TurnInput, state: State, sections: number): { next: State; replies: Reply[] } {
  const { event } = input;
  if (event.kind === "start") {
    return {
      next: { step: "district", features: [] },
      replies: [{ kind: "text", text: "欢迎！" }, districtQuestion()],
    };
  }
  const answer =
    event.kind === "choice" ? event.id : DISTRICTS.find((d) => d.label === event.text.trim())?.id;
  if (state.step === "district") {
    if (!answer || !DISTRICTS.some((d) => d.id === answer)) {
      return { next: state, replies: [{ kind: "text", text: "请选择一个区。" }, districtQuestion()] };
    }
    return { next: { step: "features", district: answer, features: [] }, replies: [featureQuestion([])] };
  }
  if (state.step === "features") {
    if (answer === "done") {
      const result: Reply = {
        kind: "result",
        title: `${state.district} 匹配结果 <预估>`,
        sections: Array.from({ length: sections }, (_, i) => ({
          heading: `第 ${i + 1} 项 & 条款`,
          body: `条款说明 ${i + 1}：${"按照不超过实际投资的20%给予支持。".repeat(20)}`,
        })),
        footer: "以上为预估，以主管部门审核为准。",
      };
      return { next: { ...state, step: "done" }, replies: [result] };
    }
    if (answer && FEATURES.some((f) => f.id === answer)) {
      const features = state.features.includes(answer)
        ? state.features.filter((f) => f !== answer)
        : [...state.features, answer];
      return { next: { ...state, features }, replies: [featureQuestion(features)] };
    }
    return {
      next: state,
      replies: [{ kind: "text", text: "请点按钮选择。" }, featureQuestion(state.features)],
    };
  }
  return { next: state, replies: [{ kind: "text", text: "已完成。发送 /start 重新开始。" }] };
}
