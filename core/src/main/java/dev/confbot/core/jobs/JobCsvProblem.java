package dev.confbot.core.jobs;

/**
 * Why one place of a job board CSV cannot be used.
 *
 * @param line the 1-based line of the file (the header is line 1)
 * @param column the 1-based column (field) of a row problem, or the character position on the line
 *     of a syntax problem
 * @param message what is wrong and how to fix it
 */
public record JobCsvProblem(int line, int column, String message) {

  /** The problem as organizers read it, e.g. {@code line 3, column 2: title is missing}. */
  public String describe() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
