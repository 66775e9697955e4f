// Original file: proto/engine.proto

import type { Instrument as _mib_engine_v1_Instrument, Instrument__Output as _mib_engine_v1_Instrument__Output } from '../../../mib/engine/v1/Instrument.js';

export interface ListInstrumentsResponse {
  'instruments'?: (_mib_engine_v1_Instrument)[];
}

export interface ListInstrumentsResponse__Output {
  'instruments': (_mib_engine_v1_Instrument__Output)[];
}
