#!/usr/bin/env node
// a scan certifies its truths on worker threads: they start first, so that they load while this thread loads the CLI
if (process.argv[2] === 'scan') (await import('../dist/src/backends/truth-pool.js')).warmTruthPool();
const { main } = await import('../dist/src/cli/main.js');

process.exitCode = await main(process.argv);
