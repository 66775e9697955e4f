// Original file: proto/engine.proto


export interface ListInstrumentsRequest {
}

export interface ListInstrumentsRequest__Output {
}
