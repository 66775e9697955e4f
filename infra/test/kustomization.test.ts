import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ofKind } from './support/kube.js';
import { K8S_DIR, loadResources, readKustomization } from './support/kustomization.js';

const kustomization = readKustomization();

describe('infra/k8s/kustomization.yaml', () => {
  it('lists only files that exist', () => {
    const missing = (kustomization.resources ?? []).filter((file) => !existsSync(join(K8S_DIR, file)));
    expect(missing).toEqual([]);
  });

  it('lists every manifest in the directory, so none is silently left out of `apply -k`', () => {
    const manifests = readdirSync(K8S_DIR).filter(
      (file) => /\.ya?ml$/.test(file) && file !== 'kustomization.yaml',
    );
    expect([...(kustomization.resources ?? [])].sort()).toEqual(manifests.sort());
  });

  it('puts everything in the namespace it creates', () => {
    const namespaces = ofKind(loadResources(kustomization), 'Namespace').map((n) => n.metadata.name);
    expect(kustomization.namespace).toBeDefined();
    expect(namespaces).toEqual([kustomization.namespace]);
  });

  it('reads secrets from git-ignored env files whose variables a committed example lists', () => {
    const ignored = readFileSync(join(K8S_DIR, '.gitignore'), 'utf8').split('\n');
    const envFiles = (kustomization.secretGenerator ?? []).flatMap((generator) => generator.envs ?? []);
    expect(envFiles.length).toBeGreaterThan(0);
    for (const envFile of envFiles) {
      expect(ignored, `${envFile} must not be committed`).toContain(envFile);
      expect(existsSync(join(K8S_DIR, `${envFile}.example`)), `${envFile}.example`).toBe(true);
    }
  });

  it('keeps secrets out of plain manifests', () => {
    expect(ofKind(loadResources(kustomization), 'Secret')).toEqual([]);
  });
});
