/** The sample plan with its administrative agencies listed, and a contact for every unit. */
import { type ContactDirectory, type Plan, samplePlan } from "@cchc/core";

export function sampleWithAgencies(n: number): { plan: Plan; contacts: ContactDirectory } {
  const plan = samplePlan("mic-2018");
  const members = Array.from({ length: n }, (_, i) => `co-quan-${String(i + 1).padStart(2, "0")}`);
  for (const id of members)
    plan.units.push({
      id,
      name: `Cơ quan hành chính số ${Number(id.slice(8))}`,
      kind: "administrative-agency",
    });
  const group = plan.units.find((u) => u.id === "cac-co-quan-hanh-chinh-thuoc-bo");
  if (group) group.memberIds = members;
  const contacts: ContactDirectory = Object.fromEntries(
    plan.units.map((u) => [u.id, { email: [`${u.id}@mic.example.vn`] }]),
  );
  return { plan, contacts };
}
