package dev.confbot.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobOffersFileTest {

  private static final String HEADER = "company,title,link,text,image\n";

  @SuppressWarnings("NullAway.Init") // injected by JUnit
  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void loadsTheOffersAndResolvesImagesAgainstTheFilesDirectory() throws IOException {
    Files.createDirectories(dir.resolve("logos"));
    Files.write(dir.resolve("logos/acme.png"), new byte[] {1, 2, 3});
    Path csv =
        write(
            "jobs.csv",
            HEADER + "ACME,Data Engineer,https://acme.example/jobs,Join us,logos/acme.png\n");

    JobOffersFile.Read read = JobOffersFile.read(dir.resolve("sub/../jobs.csv"));

    assertThat(read).isInstanceOf(JobOffersFile.Read.Loaded.class);
    JobOffersFile.Read.Loaded loaded = (JobOffersFile.Read.Loaded) read;
    assertThat(loaded.file()).isEqualTo(csv.toAbsolutePath().normalize());
    assertThat(loaded.directory()).isEqualTo(dir.toAbsolutePath().normalize());
    assertThat(loaded.offers())
        .singleElement()
        .satisfies(o -> assertThat(o.title()).isEqualTo("Data Engineer"));
  }

  @Test
  void anImageThatIsNotThereIsAProblemOfItsRow() throws IOException {
    write(
        "jobs.csv", HEADER + "ACME,Data Engineer,https://acme.example/jobs,Join us,missing.png\n");

    JobOffersFile.Read read = JobOffersFile.read(dir.resolve("jobs.csv"));

    assertThat(read).isInstanceOf(JobOffersFile.Read.Invalid.class);
    JobOffersFile.Read.Invalid invalid = (JobOffersFile.Read.Invalid) read;
    assertThat(invalid.heading()).isEqualTo("jobs.csv is not valid: 1 problem");
    assertThat(invalid.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.line()).isEqualTo(2));
  }

  @Test
  void countsSeveralProblemsInTheHeading() throws IOException {
    write("jobs.csv", HEADER + ",,,,\n,,,,\n");

    JobOffersFile.Read read = JobOffersFile.read(dir.resolve("jobs.csv"));

    assertThat(read).isInstanceOf(JobOffersFile.Read.Invalid.class);
    assertThat(((JobOffersFile.Read.Invalid) read).heading())
        .matches("jobs.csv is not valid: \\d+ problems");
  }

  @Test
  void aMissingFileIsMissing() {
    JobOffersFile.Read read = JobOffersFile.read(dir.resolve("nope.csv"));

    assertThat(read)
        .isEqualTo(new JobOffersFile.Read.Missing(dir.resolve("nope.csv").toAbsolutePath()));
  }

  @Test
  void aDirectoryIsUnreadableWithTheReason() {
    JobOffersFile.Read read = JobOffersFile.read(dir);

    assertThat(read).isInstanceOf(JobOffersFile.Read.Unreadable.class);
    assertThat(((JobOffersFile.Read.Unreadable) read).reason()).startsWith("IOException");
  }
}
