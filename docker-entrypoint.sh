#!/bin/sh
# Loads the seed into an empty store on first start (never over editors' changes), then runs the
# command. The server also seeds an empty store itself; this keeps other commands (e.g. stats) useful.
set -e
npx fibrograph seed --if-empty
exec "$@"
