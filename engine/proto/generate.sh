#!/bin/sh
# Regenerates the TypeScript types of engine.proto and the health proto into src/grpc/generated
# (run from anywhere: `sh engine/proto/generate.sh`). proto-loader-gen-types writes extension-less
# relative imports, which NodeNext resolution rejects, so a sed pass appends `.js`.
set -eu
cd "$(dirname "$0")/.."
rm -rf src/grpc/generated
npx proto-loader-gen-types engine.proto grpc/health/v1/health.proto \
  --longs=String --enums=String --defaults --oneofs --includeComments \
  --grpcLib=@grpc/grpc-js --outDir=src/grpc/generated -I proto
find src/grpc/generated -name '*.ts' -exec sed -i -E "s#(from '\.{1,2}/[^']*)';#\1.js';#" {} +
