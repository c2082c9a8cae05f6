package dev.confbot.core.csv;

/**
 * The text is not valid CSV (RFC 4180). The message names the 1-based line and column (character
 * position within the line) where reading stopped.
 */
public final class CsvFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;

  public CsvFormatException(int line, int column, String problem) {
    super("line " + line + ", column " + column + ": " + problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** What is wrong, without the position. */
  public String problem() {
    return problem;
  }

  /** The 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** The 1-based character position within the line. */
  public int column() {
    return column;
  }
}
