// A problem with how the CLI was called or what it was given: exit 2 with a one-line reason.

export class UsageError extends Error {
  /** Whether to point to --help: not for input that is simply missing (a path, a policy file). */
  constructor(message: string, readonly pointToHelp = true) {
    super(message);
  }
}
