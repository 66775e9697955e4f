// Original file: proto/engine.proto


export interface PriceLevel {
  'price'?: (string);
  'quantity'?: (string);
  'orderCount'?: (number);
}

export interface PriceLevel__Output {
  'price': (string);
  'quantity': (string);
  'orderCount': (number);
}
