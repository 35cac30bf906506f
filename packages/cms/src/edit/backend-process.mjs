// @ts-check
// decap-server's git middleware in a process of its own, listening on a socket in a private
// folder instead of a TCP port: no web page can reach it, only the save guard (guard.mjs).
// Started by backend.mjs with GIT_REPO_DIRECTORY, ORIGIN and OPENOUTREACH_BACKEND_SOCKET set.
import { createRequire } from 'node:module';

const fromDecap = createRequire(createRequire(import.meta.url).resolve('decap-server/package.json'));
const express = fromDecap('express');
const { registerLocalGit } = fromDecap('./dist/middlewares.js');

const app = express();
app.disable('x-powered-by');
await registerLocalGit(app, { logLevel: process.env.LOG_LEVEL ?? 'warn' });
app.listen(process.env.OPENOUTREACH_BACKEND_SOCKET, () => process.send?.('ready'));
// Local editing stopped, or crashed: never outlive it.
process.once('disconnect', () => process.exit(0));
