#!/usr/bin/env node
// Starts one local AWS stand-in on 127.0.0.1, on the port asked for (0 = any free port), prints one JSON line
// {"engine":..,"port":..} once it answers, and exits when its stdin closes, so it never outlives the JVM that
// started it (shared/testing EngineLauncher). Usage: node engines.js <dynalite|ses|s3> <port> [dataDir]
'use strict';

const [engine, portArg, dataDir] = process.argv.slice(2);
const port = Number(portArg || 0);
const host = '127.0.0.1';

function ready(server) {
  const address = server.address();
  process.stdout.write(JSON.stringify({ engine, port: address.port }) + '\n');
}

function fail(error) {
  process.stderr.write(`${engine}: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
}

// The parent closes our stdin when it stops (or dies): that is our signal to go.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();

try {
  if (engine === 'dynalite') {
    const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
    if (dataDir) options.path = dataDir;
    const server = require('dynalite')(options);
    server.listen(port, host, () => ready(server));
    server.on('error', fail);
  } else if (engine === 'ses') {
    require('aws-ses-v2-local').default({ host, port }).then(ready, fail);
  } else if (engine === 's3') {
    const S3rver = require('s3rver');
    const s3 = new S3rver({ address: host, port, directory: dataDir, silent: true });
    s3.run().then(() => ready(s3.httpServer), fail);
  } else {
    fail(`unknown engine '${engine}' (expected dynalite, ses or s3)`);
  }
} catch (error) {
  fail(error);
}
