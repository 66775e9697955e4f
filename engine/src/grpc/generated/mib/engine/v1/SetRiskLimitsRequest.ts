// Original file: proto/engine.proto

import type { RiskLimits as _mib_engine_v1_RiskLimits, RiskLimits__Output as _mib_engine_v1_RiskLimits__Output } from '../../../mib/engine/v1/RiskLimits.js';

export interface SetRiskLimitsRequest {
  'limits'?: (_mib_engine_v1_RiskLimits | null);
}

export interface SetRiskLimitsRequest__Output {
  'limits': (_mib_engine_v1_RiskLimits__Output | null);
}
