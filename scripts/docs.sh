#!/usr/bin/env bash
# Builds the DocC documentation of the ShopScheduler module (with the modules its
# catalog links to, as one combined archive). Any warning, a broken symbol link
# among them, is an error. Output: .build/plugins/Swift-DocC/outputs/.
# To browse it: swift package --disable-sandbox preview-documentation --target ShopScheduler
set -euo pipefail
cd "$(dirname "$0")/.."
swift package --disable-sandbox generate-documentation \
    --target ShopScheduler --target ShopDomain --target ShopVerifier --target ShopPlanner --target ShopOperations --target ShopBooking \
    --enable-experimental-combined-documentation --warnings-as-errors
