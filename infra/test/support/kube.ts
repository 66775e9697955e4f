/**
 * The slice of the Kubernetes object model the manifest tests read, and lookups over it.
 * Parsed YAML is cast to these shapes; a manifest missing a field fails the test that reads it.
 */

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: ObjectMeta;
}

export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: {
    readonly configMapKeyRef?: { readonly name: string; readonly key: string };
    readonly secretKeyRef?: { readonly name: string; readonly key: string };
  };
}

export interface Probe {
  readonly httpGet?: { readonly path: string; readonly port: number | string };
  readonly tcpSocket?: { readonly port: number | string };
  readonly grpc?: { readonly port: number; readonly service?: string };
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly env?: readonly EnvVar[];
  readonly envFrom?: readonly unknown[];
  readonly ports?: readonly { readonly name?: string; readonly containerPort: number }[];
  readonly readinessProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly startupProbe?: Probe;
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string>>;
    readonly limits?: Readonly<Record<string, string>>;
  };
  readonly securityContext?: {
    readonly readOnlyRootFilesystem?: boolean;
    readonly allowPrivilegeEscalation?: boolean;
  };
  readonly volumeMounts?: readonly { readonly name: string; readonly mountPath: string }[];
}

export interface PodSpec {
  readonly containers: readonly Container[];
  readonly securityContext?: { readonly runAsNonRoot?: boolean; readonly runAsUser?: number };
  readonly volumes?: readonly { readonly name: string; readonly emptyDir?: object }[];
}

export interface PodTemplate {
  readonly metadata: {
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec: PodSpec;
}

/** Deployment, StatefulSet or Job. */
export interface Workload extends KubeObject {
  readonly spec: {
    readonly replicas?: number;
    readonly serviceName?: string;
    readonly selector?: { readonly matchLabels: Readonly<Record<string, string>> };
    readonly template: PodTemplate;
    readonly volumeClaimTemplates?: readonly { readonly metadata: { readonly name: string } }[];
  };
}

export interface Service extends KubeObject {
  readonly spec: {
    readonly selector: Readonly<Record<string, string>>;
    readonly ports: readonly {
      readonly name?: string;
      readonly port: number;
      readonly targetPort?: number | string;
    }[];
  };
}

export interface ConfigMap extends KubeObject {
  readonly data: Readonly<Record<string, string>>;
}

/** HorizontalPodAutoscaler (autoscaling/v2). */
export interface Autoscaler extends KubeObject {
  readonly spec: {
    readonly scaleTargetRef: { readonly kind: string; readonly name: string };
    readonly minReplicas: number;
    readonly maxReplicas: number;
  };
}

export interface DisruptionBudget extends KubeObject {
  readonly spec: { readonly selector: { readonly matchLabels: Readonly<Record<string, string>> } };
}

/** The objects of `kind`, typed as the caller expects them. */
export const ofKind = <T extends KubeObject>(objects: readonly KubeObject[], kind: string): T[] =>
  objects.filter((object) => object.kind === kind) as T[];

/** The object of `kind` called `name`; throws naming both when there is none. */
export function named<T extends KubeObject>(objects: readonly KubeObject[], kind: string, name: string): T {
  const found = ofKind<T>(objects, kind).find((object) => object.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} among the manifests`);
  return found;
}

/** The workload's one container (every service runs alone in its pod). */
export function onlyContainer(workload: Workload): Container {
  const [container, ...others] = workload.spec.template.spec.containers;
  if (!container || others.length > 0)
    throw new Error(`${workload.metadata.name} should run exactly one container`);
  return container;
}

/** The number a port reference (number or port name) stands for in `container`, if it declares it. */
export function containerPort(container: Container, port: number | string): number | undefined {
  const declared = (container.ports ?? []).find((p) => p.containerPort === port || p.name === port);
  return declared?.containerPort;
}

/** Whether every label of `selector` is on `labels`. */
export const selects = (
  selector: Readonly<Record<string, string>>,
  labels: Readonly<Record<string, string>>,
) => Object.entries(selector).every(([key, value]) => labels[key] === value);
