// Original file: proto/engine.proto


export interface Instrument {
  'symbol'?: (string);
  'tickSize'?: (string);
  'lotSize'?: (string);
  'shard'?: (number);
}

export interface Instrument__Output {
  'symbol': (string);
  'tickSize': (string);
  'lotSize': (string);
  'shard': (number);
}
