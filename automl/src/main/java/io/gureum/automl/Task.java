package io.gureum.automl;

/** What is predicted: one of two classes, one of several, or a number. */
public enum Task { BINARY, MULTICLASS, REGRESSION }
