// Entry the benchmark bundles (with esbuild) into .bench/engine.cjs: the engine and the
// CLI's scan/walk, straight from src/, so the in-process figures use the same code as the CLI.
// It is .mjs rather than .ts so ESLint's type-aware project (which does not include
// scripts/bench/) leaves it alone; esbuild resolves the .ts imports either way.
export { Engine, formatOf } from '../../src/core/engine';
export { scan } from '../../src/cli/scan';
export { walk } from '../../src/cli/walk';
export { scanThreads } from '../../src/cli/analyze-files';
export { WorkspaceIndex } from '../../src/core/workspace';
export { emptyPolicy } from '../../src/core/policy/policy';
export { LineIndex } from '../../src/core/text';
