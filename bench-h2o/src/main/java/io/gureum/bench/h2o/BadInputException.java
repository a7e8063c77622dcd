package io.gureum.bench.h2o;

/** Input the peer cannot run on (a missing column, folds that do not fit the rows, a metric the target cannot have): a message, no stack trace. */
final class BadInputException extends RuntimeException {
  BadInputException(String message) { super(message); }
}
