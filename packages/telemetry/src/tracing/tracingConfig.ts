import { loadConfig, urlWithProtocol, z } from '@mib/config';

/**
 * The OpenTelemetry variables tracing reads, validated once at start-up so a typo fails fast
 * naming the variable (the SDK itself would only log it and fall back to a default). Names and
 * meanings are the spec's (opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables):
 * the SDK and the OTLP exporter read the same variables themselves for everything they configure
 * (sampler, batch sizes, exporter headers, timeouts, OTEL_RESOURCE_ATTRIBUTES).
 */
const tracingEnvironment = z.object({
  /**
   * OTLP/HTTP collector base URL, e.g. http://otel-collector:4318 (spans go to `/v1/traces`).
   * Unset (and no OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): tracing is off and costs nothing.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: urlWithProtocol('http', 'https').optional(),
  /** Full URL for spans only (used as is, no `/v1/traces` appended); also turns tracing on. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: urlWithProtocol('http', 'https').optional(),
  /** `true` turns tracing off whatever else is set. */
  OTEL_SDK_DISABLED: z.enum(['true', 'false']).default('false'),
  /** Overrides the service's own name as `service.name`. */
  OTEL_SERVICE_NAME: z.string().optional(),
  /** Default `parentbased_always_on`: a trace is kept when its parent was, every root is kept. */
  OTEL_TRACES_SAMPLER: z
    .enum([
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_on',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ])
    .optional(),
  /** The ratio of `traceidratio` samplers, 0–1 (default 1). */
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
});

export type TracingEnvironment = z.infer<typeof tracingEnvironment>;

/** Parses the tracing variables of `env`; throws ConfigError naming every bad one. */
export function loadTracingConfig(
  service: string,
  env: Readonly<Record<string, string | undefined>>,
): TracingEnvironment {
  return loadConfig(service, tracingEnvironment, env);
}

/** Whether the environment asks for spans to be exported. */
export const exportsTraces = (config: TracingEnvironment): boolean =>
  config.OTEL_SDK_DISABLED === 'false' &&
  (config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined ||
    config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined);
