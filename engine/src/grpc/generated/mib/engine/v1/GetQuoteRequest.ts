// Original file: proto/engine.proto


export interface GetQuoteRequest {
  'symbol'?: (string);
}

export interface GetQuoteRequest__Output {
  'symbol': (string);
}
