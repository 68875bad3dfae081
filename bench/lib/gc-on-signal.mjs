// Preloaded (with --expose-gc) into servers whose memory the benchmark measures: SIGUSR2 runs a full garbage
// collection, so resident memory is read without the garbage of the handshakes that came before.
process.on('SIGUSR2', () => globalThis.gc?.());
