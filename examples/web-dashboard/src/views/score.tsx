/** A score with its explanation: every criterion, its points and why. */
import type { EntityScore, NodeScore } from "@cchc/core";
import type { FC } from "hono/jsx";
import { formatNumber, formatPercent } from "../format.js";
import { L } from "./ui.js";

const Node: FC<{ node: NodeScore }> = ({ node }) => (
  <li class={node.applicable ? undefined : "na"} data-node={node.nodeId}>
    <div class="node">
      <span class="node-title">
        <code>{node.nodeId}</code> <L text={node.title} />
      </span>
      <span class="points">
        {node.applicable
          ? `${formatNumber(node.points)}/${formatNumber(node.maxPoints)}`
          : "không áp dụng / n/a"}
      </span>
    </div>
    <div class="why">
      <L text={node.explanation.text} />
    </div>
    {node.children && node.children.length > 0 && (
      <ul>
        {node.children.map((c) => (
          <Node node={c} />
        ))}
      </ul>
    )}
  </li>
);

/** The big number and the criteria tree under it. */
export const ScoreExplained: FC<{ score: EntityScore; testId: string }> = ({ score, testId }) => (
  <div class="score">
    <p class="big">
      <span data-testid={testId} data-points={String(score.points)}>
        {formatNumber(score.points)}
      </span>
      <span class="of">/{formatNumber(score.maxPoints)} điểm</span>
      <span class="pct">{formatPercent(score.percent)}</span>
    </p>
    <ul class="tree">
      {score.nodes.map((n) => (
        <Node node={n} />
      ))}
    </ul>
  </div>
);
