package org.skewcheck.pipeline;

/** The run could not be done (exit code 2); the message is the one line the user sees. */
final class RunFailure extends Exception {
  RunFailure(String message) {
    super(message);
  }
}
