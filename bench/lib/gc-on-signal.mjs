// Preloaded (with --expose-gc) into servers whose memory the benchmark measures: SIGUSR2 runs a full garbage
// collection, so resident memory is read without the garbage of the handshakes that came before, and prints the
// heap the live objects use (`bench-heap-used <bytes>`), which the harness reads from the server's output.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  process.stdout.write(`bench-heap-used ${process.memoryUsage().heapUsed}\n`);
});
