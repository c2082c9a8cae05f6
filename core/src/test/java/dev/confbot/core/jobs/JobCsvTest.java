package dev.confbot.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class JobCsvTest {

  private static List<JobOffer> loaded(JobImport result) {
    assertThat(result).isInstanceOf(JobImport.Loaded.class);
    return ((JobImport.Loaded) result).offers();
  }

  private static List<String> problems(JobImport result) {
    assertThat(result).isInstanceOf(JobImport.Rejected.class);
    return ((JobImport.Rejected) result)
        .problems().stream()
            .map(JobCsvProblem::describe)
            .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void readsTheExampleFile() throws IOException {
    // given
    byte[] bytes;
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("/jobs/jobs.csv"))) {
      bytes = in.readAllBytes();
    }
    // when
    List<JobOffer> offers = loaded(JobCsv.read(bytes));
    // then
    assertThat(offers).hasSize(3);
    assertThat(offers.get(0).company()).isEqualTo("ACME Data GmbH");
    assertThat(offers.get(0).imageFile()).contains("images/acme.png");
    assertThat(offers.get(1).text()).contains("\n").contains("\"");
    assertThat(offers.get(2).imageFile()).isEmpty();
  }

  @Test
  void readsQuotedTextWithCommasQuotesAndLineBreaksAndABom() {
    // given
    String csv =
        "\uFEFFcompany,title,link,text,image\r\n"
            + "\"Snake Oil, Inc.\",Pythonista,https://snake.example/job,\"We say \"\"hi\"\",\n"
            + "twice.\",logo.PNG\r\n";
    // when
    List<JobOffer> offers = loaded(JobCsv.read(csv.getBytes(StandardCharsets.UTF_8)));
    // then
    assertThat(offers)
        .containsExactly(
            new JobOffer(
                "Snake Oil, Inc.",
                "Pythonista",
                URI.create("https://snake.example/job"),
                "We say \"hi\",\ntwice.",
                "logo.PNG"));
  }

  @Test
  void acceptsColumnsInAnyOrderAndCaseWithoutImageAndSkipsBlankLines() {
    // given
    String csv = "Title, LINK ,Company,Text,notes\n\nDev,http://a.example,A,,ignored\n\n";
    // when
    List<JobOffer> offers = loaded(JobCsv.read(csv));
    // then
    assertThat(offers).hasSize(1);
    assertThat(offers.get(0).company()).isEqualTo("A");
    assertThat(offers.get(0).title()).isEqualTo("Dev");
    assertThat(offers.get(0).text()).isEmpty();
    assertThat(offers.get(0).imageFile()).isEmpty();
  }

  @Test
  void namesLineAndColumnOfAMissingTitleAndAnInvalidLink() {
    // given
    String csv =
        "company,title,link,text\n"
            + "A,Dev,https://a.example/1,\"two\nlines\"\n"
            + "B,,https://b.example/1,ok\n"
            + "C,Ops,www.c.example,ok\n"
            + "D,QA,ftp://d.example/x,ok\n";
    // when
    List<String> problems = problems(JobCsv.read(csv));
    // then
    assertThat(problems)
        .containsExactly(
            "line 4, column 2: title is missing",
            "line 5, column 3: link \"www.c.example\" is not a web address (like"
                + " https://example.com/jobs/1)",
            "line 6, column 3: link \"ftp://d.example/x\" is not a web address (like"
                + " https://example.com/jobs/1)");
  }

  @Test
  void rejectsRowsWithTooFewOrTooManyFields() {
    // given
    String csv = "company,title,link,text\nA,Dev,https://a.example\nB,Dev,https://b.example,x,y\n";
    // when
    List<String> problems = problems(JobCsv.read(csv));
    // then
    assertThat(problems)
        .containsExactly(
            "line 2, column 4: expected 4 fields like the header row, found 3 (a text with commas"
                + " or line breaks must be in double quotes)",
            "line 3, column 5: expected 4 fields like the header row, found 5 (a text with commas"
                + " or line breaks must be in double quotes)");
  }

  @Test
  void rejectsAHeaderWithoutARequiredColumn() {
    assertThat(problems(JobCsv.read("company,title,text\nA,B,C\n")))
        .containsExactly(
            "line 1, column 4: the header row has no column \"link\"; it must name the columns"
                + " company, title, link, text (and optionally image)");
  }

  @Test
  void rejectsARepeatedColumn() {
    assertThat(problems(JobCsv.read("company,title,link,text,title\n")))
        .containsExactly("line 1, column 5: the column \"title\" appears more than once");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(problems(JobCsv.read("\n\n"))).singleElement().asString().contains("empty");
  }

  @Test
  void reportsBrokenQuotingWithItsPosition() {
    assertThat(problems(JobCsv.read("company,title,link,text\nA,\"Dev,https://a.example,x\n")))
        .containsExactly("line 2, column 3: a quoted field is never closed (missing \")");
  }

  @Test
  void reportsFilesThatAreNotUtf8() {
    assertThat(problems(JobCsv.read(new byte[] {'a', (byte) 0xFF})))
        .singleElement()
        .asString()
        .contains("not UTF-8");
  }

  @Test
  void rejectsImagesOutsideTheFolderAndOtherFileTypes() {
    // given
    String csv =
        "company,title,link,text,image\n"
            + "A,Dev,https://a.example,x,../secret.png\n"
            + "B,Dev,https://b.example,x,/etc/logo.png\n"
            + "C,Dev,https://c.example,x,logo.svg\n";
    // when
    List<String> problems = problems(JobCsv.read(csv));
    // then
    assertThat(problems)
        .containsExactly(
            "line 2, column 5: image \"../secret.png\" must be a file next to the CSV (or below"
                + " it), not elsewhere",
            "line 3, column 5: image \"/etc/logo.png\" must be a file next to the CSV (or below"
                + " it), not elsewhere",
            "line 4, column 5: image \"logo.svg\" must be a .png, .jpg, .jpeg, .gif or .webp file");
  }

  @Test
  void reportsImagesThatAreNotThere() {
    // given
    String csv =
        "company,title,link,text,image\n"
            + "A,Dev,https://a.example,x,images/a.png\n"
            + "B,Dev,https://b.example,x,images\\b.png\n";
    // when
    JobImport result = JobCsv.read(csv.getBytes(StandardCharsets.UTF_8), "images/a.png"::equals);
    // then
    assertThat(problems(result))
        .containsExactly(
            "line 3, column 5: image \"images/b.png\" is not there; put the file next to the CSV");
  }

  @Test
  void rejectsTitlesLongerThanDiscordAllows() {
    // given
    String csv = "company,title,link,text\nA," + "x".repeat(257) + ",https://a.example,t\n";
    // then
    assertThat(problems(JobCsv.read(csv)))
        .containsExactly("line 2, column 2: title has 257 characters, Discord allows 256");
  }

  @Test
  void readsAHeaderOnlyFileAsNoOffers() {
    assertThat(loaded(JobCsv.read("company,title,link,text\n"))).isEmpty();
  }
}
