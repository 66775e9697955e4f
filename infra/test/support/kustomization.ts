/**
 * Reads infra/k8s the way `kubectl apply -k` does, as far as the tests need: the kustomization,
 * the objects of every file in its `resources`, and the secretGenerator's variables (from the
 * committed `<file>.example` of each git-ignored env file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { ofKind, type ConfigMap, type Container, type KubeObject } from './kube.js';

/** infra/k8s, where `kubectl apply -k` points. */
export const K8S_DIR = fileURLToPath(new URL('../../k8s/', import.meta.url));

export interface Kustomization {
  readonly namespace?: string;
  readonly resources?: readonly string[];
  readonly secretGenerator?: readonly { readonly name: string; readonly envs?: readonly string[] }[];
  readonly images?: readonly { readonly name: string; readonly newName?: string; readonly newTag?: string }[];
}

export const readKustomization = (): Kustomization =>
  parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as Kustomization;

/** Every object of every file the kustomization lists, in order. */
export function loadResources(kustomization: Kustomization = readKustomization()): KubeObject[] {
  return (kustomization.resources ?? []).flatMap((file) =>
    parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8'))
      .map((document) => document.toJS() as KubeObject | null)
      .filter((object): object is KubeObject => object !== null),
  );
}

/**
 * `KEY=VALUE` lines of an env file as kustomize reads them: `#` comments and blank lines skipped.
 */
export function readEnvFile(path: string): Map<string, string> {
  const variables = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals < 1) throw new Error(`${path}: not KEY=VALUE: ${line}`);
    variables.set(trimmed.slice(0, equals), trimmed.slice(equals + 1));
  }
  return variables;
}

/** Stands in for an unfilled secret: long enough for every secret's minimum length. */
export const SAMPLE_SECRET = 'sample-secret-value-of-forty-eight-characters-xx';

/**
 * Secret name → key → a value to test with: the example's value where it has one (URLs),
 * else {@link SAMPLE_SECRET} (random keys the operator generates).
 */
export function generatedSecrets(
  kustomization: Kustomization = readKustomization(),
): Map<string, Map<string, string>> {
  const secrets = new Map<string, Map<string, string>>();
  for (const generator of kustomization.secretGenerator ?? []) {
    const keys = new Map<string, string>();
    for (const envFile of generator.envs ?? []) {
      const example = join(K8S_DIR, `${envFile}.example`);
      if (!existsSync(example))
        throw new Error(`secretGenerator ${generator.name} reads ${envFile}: commit ${envFile}.example`);
      for (const [key, value] of readEnvFile(example)) keys.set(key, value === '' ? SAMPLE_SECRET : value);
    }
    secrets.set(generator.name, keys);
  }
  return secrets;
}

/**
 * The environment `container` starts with: literal values, ConfigMap keys and generated Secret
 * keys resolved. Throws naming the variable when a reference points at nothing.
 */
export function containerEnvironment(
  container: Container,
  objects: readonly KubeObject[],
  secrets: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Record<string, string> {
  if (container.envFrom)
    throw new Error(`${container.name}: envFrom hands over variables the service may not read`);
  const configMaps = new Map(
    ofKind<ConfigMap>(objects, 'ConfigMap').map((map) => [map.metadata.name, map.data]),
  );
  const environment: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const { configMapKeyRef, secretKeyRef } = variable.valueFrom ?? {};
    const value =
      variable.value ??
      (configMapKeyRef && configMaps.get(configMapKeyRef.name)?.[configMapKeyRef.key]) ??
      (secretKeyRef && secrets.get(secretKeyRef.name)?.get(secretKeyRef.key));
    if (value === undefined) throw new Error(`${container.name}: ${variable.name} refers to nothing`);
    environment[variable.name] = value;
  }
  return environment;
}
