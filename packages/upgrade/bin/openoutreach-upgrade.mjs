#!/usr/bin/env node
console.error("openoutreach-upgrade: not built yet");
process.exit(1);
