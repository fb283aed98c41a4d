/**
 * How plain YAML scalars resolve, per reader: Kubernetes and Docker Compose read the same text
 * differently, and a check that reads it otherwise can be bypassed by spelling (`privileged: yes`).
 *
 * - Kubernetes decodes manifests with sigs.k8s.io/yaml, which resolves scalars with go-yaml v2:
 *   YAML 1.1 booleans (y, yes, on, true … in three casings), Go integers (0x, 0o, 0b, leading-0
 *   octal, `_` separators). Timestamps stay strings (go-yaml v2 gives a string to interface{}
 *   targets), and there is no sexagesimal (`1:20` is a string).
 * - Docker Compose (compose-go) decodes with go-yaml v3: YAML 1.2 core booleans only (true/True/TRUE,
 *   false/False/FALSE); other spellings stay strings and compose-go casts them per field
 *   (see `composeBoolean` in docker.ts).
 *
 * Both support `<<` merge keys. Unknown tags (`!Ref`, `!!timestamp`) keep their node as written
 * instead of failing the file, as go-yaml does for tags it does not know.
 */
import { FAILSAFE_SCHEMA, Type, type Schema } from 'js-yaml';

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: unknown) => data === null || data === '' || data === '~' || data === 'null' || data === 'Null' || data === 'NULL',
  construct: () => null,
});

function booleanType(trueWords: readonly string[], falseWords: readonly string[]): Type {
  const truthy = new Set(trueWords);
  const falsy = new Set(falseWords);
  return new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && (truthy.has(data) || falsy.has(data)),
    construct: (data: string) => truthy.has(data),
  });
}

/** go-yaml v2's resolve table (resolve.go): the words sigs.k8s.io/yaml turns into JSON booleans. */
const yaml11Boolean = booleanType(
  ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'],
  ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'],
);

/** YAML 1.2 core schema booleans, as go-yaml v3 resolves them into an untyped map. */
const yaml12Boolean = booleanType(['true', 'True', 'TRUE'], ['false', 'False', 'FALSE']);

/** Go's strconv.ParseInt(s, 0, 64) syntax, after go-yaml removed the `_` separators. */
const GO_INTEGER = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** go-yaml's yamlStyleFloat. */
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_FLOATS = new Map<string, number>([
  ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity], ['+.inf', Infinity], ['+.Inf', Infinity], ['+.INF', Infinity],
  ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity], ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
]);

/** Only scalars that start like a number are tried, as go-yaml's resolve table does. */
const startsLikeNumber = (data: string) => /^[-+.0-9]/.test(data);

function parseGoInteger(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/^[-+]/, '');
  const prefix = digits.slice(0, 2).toLowerCase();
  if (prefix === '0x') return sign * Number.parseInt(digits.slice(2), 16);
  if (prefix === '0o') return sign * Number.parseInt(digits.slice(2), 8);
  if (prefix === '0b') return sign * Number.parseInt(digits.slice(2), 2);
  if (digits.length > 1 && digits.startsWith('0')) return sign * Number.parseInt(digits, 8);
  return sign * Number.parseInt(digits, 10);
}

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && startsLikeNumber(data) && GO_INTEGER.test(data.replaceAll('_', '')),
  construct: (data: string) => parseGoInteger(data.replaceAll('_', '')),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && (SPECIAL_FLOATS.has(data) || (startsLikeNumber(data) && GO_FLOAT.test(data.replaceAll('_', '')))),
  construct: (data: string) => SPECIAL_FLOATS.get(data) ?? Number(data.replaceAll('_', '')),
});

const mergeType = new Type('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: unknown) => data === '<<' });

/** Any other tag (local `!Ref`, or `!!timestamp`): the node as written, so one exotic tag does not refuse the file. */
function passThroughTags(prefix: string): Type[] {
  return (['scalar', 'sequence', 'mapping'] as const).map((kind) => new Type(prefix, { kind, multi: true, construct: (data: unknown) => data }));
}

/** The explicit tags go-yaml knows: `!!str yes` stays a string, `!!int "5"` becomes 5. */
function schema(boolean: Type): Schema {
  return FAILSAFE_SCHEMA.extend({
    implicit: [nullType, boolean, intType, floatType, mergeType],
    explicit: [...passThroughTags('!'), ...passThroughTags('tag:yaml.org,2002:')],
  });
}

export const KUBERNETES_SCHEMA: Schema = schema(yaml11Boolean);
export const COMPOSE_SCHEMA: Schema = schema(yaml12Boolean);
