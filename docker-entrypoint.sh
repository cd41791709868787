#!/bin/sh
# Loads the seed into an empty store on first start (never over editors' changes), then runs the command.
set -e
npx fibrograph seed --if-empty
exec "$@"
