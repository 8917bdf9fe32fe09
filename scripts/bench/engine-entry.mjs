// Entry the benchmark bundles (with esbuild) into .bench/engine.cjs: the engine and the
// CLI's scan/walk, straight from src/, so the in-process figures use the same code as the CLI.
// It is .mjs rather than .ts so ESLint's type-aware project (which does not include
// scripts/bench/) leaves it alone; esbuild resolves the .ts imports either way.
export { Engine, emptyPolicy, formatOf, LineIndex, WorkspaceIndex } from '../../src/core';
export { scan } from '../../src/cli/scan';
export { walk } from '../../src/cli/walk';
export { scanThreads } from '../../src/cli/workers';
