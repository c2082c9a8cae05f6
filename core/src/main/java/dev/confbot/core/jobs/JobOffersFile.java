package dev.confbot.core.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads the job board's CSV file: the one way both {@code /jobs post} and {@code confbot jobs post}
 * get their offers. Image paths in the file are relative to its directory, and an image that is not
 * a file there is a problem of the row that names it.
 */
public final class JobOffersFile {

  /** What reading the file gave; {@link #file} is the absolute, normalized path that was read. */
  public sealed interface Read {
    /** The file that was read (absolute, normalized). */
    Path file();

    /**
     * The file is valid.
     *
     * @param directory where the offers' image paths resolve
     * @param offers in file order
     */
    record Loaded(Path file, Path directory, List<JobOffer> offers) implements Read {
      public Loaded {
        offers = List.copyOf(offers);
      }
    }

    /** There is no such file. */
    record Missing(Path file) implements Read {}

    /**
     * The file exists but cannot be read.
     *
     * @param reason the I/O error, e.g. {@code AccessDeniedException}
     */
    record Unreadable(Path file, String reason) implements Read {}

    /** The file has problems, in file order; nothing should be posted. */
    record Invalid(Path file, List<JobCsvProblem> problems) implements Read {
      public Invalid {
        problems = List.copyOf(problems);
      }

      /** The problem count as a heading, e.g. {@code jobs.csv is not valid: 2 problems}. */
      public String heading() {
        return Objects.requireNonNullElse(file.getFileName(), file)
            + " is not valid: "
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s");
      }
    }
  }

  private JobOffersFile() {}

  /** Reads and checks the offers of {@code csv}; never throws for a bad or missing file. */
  public static Read read(Path csv) {
    Path file = csv.toAbsolutePath().normalize();
    Path directory = Objects.requireNonNullElse(file.getParent(), file.getRoot());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Read.Missing(file);
    } catch (IOException e) {
      String detail = e.getMessage();
      String reason = e.getClass().getSimpleName();
      if (detail != null && !detail.equals(file.toString())) {
        reason += ": " + detail;
      }
      return new Read.Unreadable(file, reason);
    }
    JobImport parsed = JobCsv.read(bytes, image -> Files.isRegularFile(directory.resolve(image)));
    if (parsed instanceof JobImport.Loaded loaded) {
      return new Read.Loaded(file, directory, loaded.offers());
    }
    return new Read.Invalid(file, ((JobImport.Rejected) parsed).problems());
  }
}
