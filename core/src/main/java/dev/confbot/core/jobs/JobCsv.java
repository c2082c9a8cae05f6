package dev.confbot.core.jobs;

import dev.confbot.core.csv.Csv;
import dev.confbot.core.csv.CsvFormatException;
import dev.confbot.core.csv.CsvRecord;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the job board CSV: a header row naming the columns {@code company}, {@code title}, {@code
 * link}, {@code text} and optionally {@code image} (any order, any case; other columns are
 * ignored), then one offer per row. UTF-8 with or without byte-order mark, RFC 4180 quoting; blank
 * lines are skipped. Every problem is reported with its line and column, and a file with any
 * problem yields no offers.
 */
public final class JobCsv {
  static final List<String> REQUIRED = List.of("company", "title", "link", "text");
  static final String IMAGE = "image";
  private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp");

  private JobCsv() {}

  /** Reads a file's bytes (UTF-8) without checking that image files exist. */
  public static JobImport read(byte[] utf8) {
    return read(utf8, path -> true);
  }

  /**
   * Reads a file's bytes (UTF-8); an image for which {@code imageExists} is false (given the path
   * relative to the CSV, with {@code /} separators) is reported as a problem of its row.
   */
  public static JobImport read(byte[] utf8, Predicate<String> imageExists) {
    try {
      return read(Csv.parse(utf8), imageExists);
    } catch (CsvFormatException e) {
      return syntaxProblem(e);
    }
  }

  /** Reads CSV text without checking that image files exist. */
  public static JobImport read(String text) {
    try {
      return read(Csv.parse(text), path -> true);
    } catch (CsvFormatException e) {
      return syntaxProblem(e);
    }
  }

  private static JobImport syntaxProblem(CsvFormatException e) {
    return new JobImport.Rejected(List.of(new JobCsvProblem(e.line(), e.column(), e.problem())));
  }

  private static JobImport read(List<CsvRecord> records, Predicate<String> imageExists) {
    List<CsvRecord> rows = new ArrayList<>();
    for (CsvRecord record : records) {
      if (!record.isBlank()) {
        rows.add(record);
      }
    }
    if (rows.isEmpty()) {
      return new JobImport.Rejected(
          List.of(
              new JobCsvProblem(
                  1, 1, "the file is empty; the first row must name the columns " + columns())));
    }
    CsvRecord header = rows.get(0);
    List<JobCsvProblem> problems = new ArrayList<>();
    Map<String, Integer> index = headerIndex(header, problems);
    if (!problems.isEmpty()) {
      return new JobImport.Rejected(problems);
    }
    List<JobOffer> offers = new ArrayList<>();
    for (CsvRecord row : rows.subList(1, rows.size())) {
      offer(row, header.fields().size(), index, imageExists, problems).ifPresent(offers::add);
    }
    return problems.isEmpty() ? new JobImport.Loaded(offers) : new JobImport.Rejected(problems);
  }

  /** The index of a column the header is known to have. */
  private static int column(Map<String, Integer> index, String name) {
    return index.getOrDefault(name, -1);
  }

  private static String columns() {
    return String.join(", ", REQUIRED) + " (and optionally " + IMAGE + ")";
  }

  private static Map<String, Integer> headerIndex(CsvRecord header, List<JobCsvProblem> problems) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (index.containsKey(name) && (REQUIRED.contains(name) || IMAGE.equals(name))) {
        problems.add(
            new JobCsvProblem(
                header.line(), i + 1, "the column \"" + name + "\" appears more than once"));
      }
      index.putIfAbsent(name, i);
    }
    for (String required : REQUIRED) {
      if (!index.containsKey(required)) {
        problems.add(
            new JobCsvProblem(
                header.line(),
                header.fields().size() + 1,
                "the header row has no column \""
                    + required
                    + "\"; it must name the columns "
                    + columns()));
      }
    }
    return index;
  }

  private static Optional<JobOffer> offer(
      CsvRecord row,
      int width,
      Map<String, Integer> index,
      Predicate<String> imageExists,
      List<JobCsvProblem> problems) {
    int size = row.fields().size();
    if (size != width) {
      int column = Math.min(size, width) + 1;
      int line = row.fieldLines().get(Math.min(size, width) - 1);
      problems.add(
          new JobCsvProblem(
              line,
              column,
              "expected "
                  + width
                  + " fields like the header row, found "
                  + size
                  + " (a text with commas or line breaks must be in double quotes)"));
      return Optional.empty();
    }
    int before = problems.size();
    String company = required(row, index, "company", problems);
    String title = required(row, index, "title", problems);
    String linkText = required(row, index, "link", problems);
    String text = row.fields().get(column(index, "text"));
    Optional<URI> link = linkText.isEmpty() ? Optional.empty() : link(row, index, problems);
    String image = image(row, index, imageExists, problems);
    if (problems.size() > before || link.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new JobOffer(company, title, link.get(), text, image));
  }

  private static String required(
      CsvRecord row, Map<String, Integer> index, String column, List<JobCsvProblem> problems) {
    int i = column(index, column);
    String value = row.fields().get(i).strip();
    if (value.isEmpty()) {
      problems.add(new JobCsvProblem(row.fieldLines().get(i), i + 1, column + " is missing"));
    } else if (value.length() > JobOffer.MAX_NAME_LENGTH && !"link".equals(column)) {
      problems.add(
          new JobCsvProblem(
              row.fieldLines().get(i),
              i + 1,
              column + " has " + value.length() + " characters, Discord allows 256"));
    }
    return value;
  }

  private static Optional<URI> link(
      CsvRecord row, Map<String, Integer> index, List<JobCsvProblem> problems) {
    int i = column(index, "link");
    String value = row.fields().get(i).strip();
    try {
      URI uri = new URI(value);
      if (JobOffer.isWebAddress(uri)) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        new JobCsvProblem(
            row.fieldLines().get(i),
            i + 1,
            "link \"" + value + "\" is not a web address (like https://example.com/jobs/1)"));
    return Optional.empty();
  }

  private static String image(
      CsvRecord row,
      Map<String, Integer> index,
      Predicate<String> imageExists,
      List<JobCsvProblem> problems) {
    Integer i = index.get(IMAGE);
    if (i == null) {
      return "";
    }
    String value = row.fields().get(i).strip().replace('\\', '/');
    if (value.isEmpty()) {
      return "";
    }
    String problem = imageProblem(value);
    if (problem.isEmpty() && !imageExists.test(value)) {
      problem = "image \"" + value + "\" is not there; put the file next to the CSV";
    }
    if (!problem.isEmpty()) {
      problems.add(new JobCsvProblem(row.fieldLines().get(i), i + 1, problem));
    }
    return value;
  }

  private static String imageProblem(String path) {
    if (path.startsWith("/")
        || path.matches("^[A-Za-z]:.*")
        || List.of(path.split("/")).contains("..")) {
      return "image \"" + path + "\" must be a file next to the CSV (or below it), not elsewhere";
    }
    int dot = path.lastIndexOf('.');
    String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!IMAGE_EXTENSIONS.contains(extension)) {
      return "image \"" + path + "\" must be a .png, .jpg, .jpeg, .gif or .webp file";
    }
    return "";
  }
}
