// A planning worker that never answers (tests of planning/jobs.ts: deadline, cancel, supersede).
// It keeps its thread alive until it is terminated.
setInterval(() => undefined, 1000);
