import { CubeLeaf } from './secrecy-cube.rules';
import { decideLinked, DecisionParts } from './linked-secrecy.rules';

/**
 * The académie's secrecy decision taken in a worker thread (piscina, `SecrecyDecisions`): seconds of search at a large
 * académie that would otherwise hold the reporting process's event loop (its HTTP answers and its consumers). It
 * returns the decision's parts, which cross threads by structured clone; `decisionFrom` rebuilds it.
 */
export default function decide({ leaves, threshold }: { leaves: CubeLeaf[]; threshold: number }): DecisionParts {
  const { cube, sensitive, hidden } = decideLinked(leaves, { threshold });
  return { cube, sensitive, hidden };
}
