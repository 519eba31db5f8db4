#!/usr/bin/env bash
# Render an HTML briefing in headless Chromium (no network) and save a screenshot to look at.
#   scripts/check_brief_html.sh [TOPIC] [OUT.png]   (needs Debian packages: apt-get install chromium fonts-noto-cjk)
set -euo pipefail
topic="${1:-违规处理}"; png="${2:-/tmp/policykg-brief.png}"
html="$(mktemp --suffix=.html)"; profile="$(mktemp -d)"
policykg brief "$topic" --format html -o "$html" --force
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --window-size=1240,1754 \
  --screenshot="$png" "file://$html" 2>/dev/null
echo "screenshot: $png (from $html)"
