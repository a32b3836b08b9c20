#!/usr/bin/env bash
# Re-fetch the vendored Leaflet assets from the npm registry with `npm pack` (no CDN involved).
#   bash maps/vendor/update.sh            # the pinned version below
#   LEAFLET_VERSION=1.9.4 bash maps/vendor/update.sh
# Writes maps/vendor/leaflet/{leaflet.js,leaflet.css,images/*.png,LICENSE.txt,VERSION.txt}.
set -euo pipefail
cd "$(dirname "$0")"
VERSION=${LEAFLET_VERSION:-1.9.4}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "leaflet@${VERSION}" >/dev/null && tar xzf "leaflet-${VERSION}.tgz")
mkdir -p leaflet/images
cp "$WORK/package/dist/leaflet.js" "$WORK/package/dist/leaflet.css" leaflet/
cp "$WORK/package/LICENSE" leaflet/LICENSE.txt
cp "$WORK/package/dist/images/"*.png leaflet/images/
echo "leaflet ${VERSION} (npm registry, npm pack leaflet@${VERSION})" > leaflet/VERSION.txt
echo "vendored leaflet ${VERSION} into $(pwd)/leaflet"
