import { defineRule, defineSetRule, type KubeObject } from '../../../src/rules/api.ts';
import { isRecord, podMetadata } from '../../../src/rules/kubernetes.ts';

/** A label selector as NetworkPolicy's podSelector holds it (metav1.LabelSelector). */
interface Selector {
  matchLabels: [string, string][];
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** What the rule keeps: a policy's namespace, selector and whether it isolates for ingress, or a workload's namespace and pod labels. */
type Item =
  | { type: 'policy'; namespace: string; name: string; selector: Selector | undefined; ingress: boolean }
  | { type: 'workload'; namespace: string; description: string; labels: Map<string, string> };

/** Kinds that hold a pod template without running pods themselves. */
const NOT_RUNNING = new Set(['PodTemplate']);

function own(value: unknown, field: string): unknown {
  return isRecord(value) && Object.hasOwn(value, field) ? value[field] : undefined;
}

/** Objects without metadata.namespace are created in "default" (when applied without -n). */
function namespaceOf(object: KubeObject): string {
  return object.namespace ?? 'default';
}

/** The podSelector, or undefined when it is missing or malformed (then the policy selects no pod here). */
function selectorOf(value: unknown): Selector | undefined {
  if (!isRecord(value)) return undefined;
  const labels = own(value, 'matchLabels') ?? {};
  const expressions = own(value, 'matchExpressions') ?? [];
  if (!isRecord(labels) || !Array.isArray(expressions)) return undefined;
  const matchLabels: [string, string][] = [];
  for (const [key, wanted] of Object.entries(labels)) {
    if (typeof wanted !== 'string') return undefined;
    matchLabels.push([key, wanted]);
  }
  const matchExpressions: Selector['matchExpressions'] = [];
  for (const expression of expressions) {
    const key = own(expression, 'key');
    const operator = own(expression, 'operator');
    const values = own(expression, 'values') ?? [];
    if (typeof key !== 'string' || typeof operator !== 'string' || !Array.isArray(values)) return undefined;
    matchExpressions.push({ key, operator, values: values.filter((item): item is string => typeof item === 'string') });
  }
  return { matchLabels, matchExpressions };
}

/** Label selector semantics: every matchLabels pair and every matchExpressions requirement must hold; an empty selector selects all. */
function selects(selector: Selector, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, wanted] of selector.matchLabels) if (labels.get(key) !== wanted) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const value = labels.get(key);
    switch (operator) {
      case 'In':
        if (value === undefined || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      // The API server refuses any other operator, so such a policy does not exist.
      default:
        return false;
    }
  }
  return true;
}

/** policyTypes as Kubernetes defaults it: Ingress always when the list is absent or empty. */
function isolatesIngress(spec: unknown): boolean {
  const types = own(spec, 'policyTypes');
  if (!Array.isArray(types) || types.length === 0) return true;
  return types.includes('Ingress');
}

function labelsOf(metadata: Record<string, unknown>): Map<string, string> {
  const labels = new Map<string, string>();
  const written = own(metadata, 'labels');
  if (isRecord(written)) for (const [key, value] of Object.entries(written)) if (typeof value === 'string') labels.set(key, value);
  return labels;
}

export default defineRule({
  kubernetesSet: defineSetRule<Item>({
    collect(object) {
      if (object.kind === 'NetworkPolicy' && object.apiVersion.startsWith('networking.k8s.io/')) {
        const spec = own(object.value, 'spec');
        return { keep: { type: 'policy', namespace: namespaceOf(object), name: object.name, selector: selectorOf(own(spec, 'podSelector')), ingress: isolatesIngress(spec) }, at: [...object.path, 'spec'] };
      }
      const metadata = podMetadata(object);
      if (!metadata || NOT_RUNNING.has(object.kind)) return undefined;
      return { keep: { type: 'workload', namespace: namespaceOf(object), description: `${object.kind} ${object.name}`, labels: labelsOf(metadata.value) }, at: metadata.path };
    },
    check(kept) {
      const policies = new Map<string, Extract<Item, { type: 'policy' }>[]>();
      for (const item of kept) {
        if (item.type !== 'policy') continue;
        const list = policies.get(item.namespace);
        if (list) list.push(item);
        else policies.set(item.namespace, [item]);
      }
      const hits: { item: Item; message: string }[] = [];
      for (const item of kept) {
        if (item.type !== 'workload') continue;
        const inNamespace = policies.get(item.namespace) ?? [];
        const selecting = inNamespace.filter((policy) => policy.selector && selects(policy.selector, item.labels));
        if (selecting.some((policy) => policy.ingress)) continue;
        const open = 'so its pods accept connections from any pod and address the network allows';
        let message: string;
        if (inNamespace.length === 0) message = `${item.description}: no NetworkPolicy in namespace "${item.namespace}" among the inputs, ${open}; add a default-deny ingress policy (podSelector: {}) and allow rules for the traffic it needs`;
        else if (selecting.length === 0) message = `${item.description}: ${inNamespace.length === 1 ? 'the only NetworkPolicy' : `none of the ${inNamespace.length} NetworkPolicies`} in namespace "${item.namespace}" ${inNamespace.length === 1 ? 'does not select' : 'selects'} its pod labels, ${open}; add a default-deny ingress policy (podSelector: {}) or a policy whose podSelector matches`;
        else message = `${item.description}: ${selecting.length === 1 ? `NetworkPolicy ${selecting[0]?.name} selects it but restricts` : `the NetworkPolicies that select it (${selecting.map((policy) => policy.name).join(', ')}) restrict`} only egress (policyTypes without Ingress), ${open}; add Ingress to policyTypes of a policy that selects it`;
        hits.push({ item, message });
      }
      return hits;
    },
  }),
});
