// Original file: proto/engine.proto


export interface InstrumentAdded {
  'tickSize'?: (string);
  'lotSize'?: (string);
}

export interface InstrumentAdded__Output {
  'tickSize': (string);
  'lotSize': (string);
}
