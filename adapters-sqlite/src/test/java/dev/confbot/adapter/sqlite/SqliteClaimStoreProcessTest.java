package dev.confbot.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confbot.core.port.ClaimStore.Claim;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two real JVMs racing for the same positions in one database file. */
class SqliteClaimStoreProcessTest {
  @TempDir
  @SuppressWarnings("NullAway.Init")
  Path dataDir;

  @Test
  @Timeout(120)
  void exactlyOneOfTwoProcessesReservesEachPosition() throws Exception {
    // given
    int positions = 300;
    Path go = dataDir.resolve("go");
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      database.start();
    }
    List<Process> processes = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    for (long member : new long[] {111, 222}) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  ClaimRaceProcess.class.getName(),
                  dataDir.toString(),
                  String.valueOf(member),
                  String.valueOf(positions),
                  go.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      processes.add(process);
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      outputs.add(output);
    }
    for (BufferedReader output : outputs) {
      assertThat(output.readLine()).isEqualTo("ready");
    }
    // when
    Files.createFile(go);
    int won = 0;
    for (int i = 0; i < processes.size(); i++) {
      String line = outputs.get(i).readLine();
      assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(line).startsWith("won ");
      won += Integer.parseInt(line.substring(4));
    }
    // then
    assertThat(won).isEqualTo(positions);
    try (SqliteDatabase database = new SqliteDatabase(SqliteSettings.in(dataDir))) {
      List<Claim> claims = new SqliteClaimStore(database).all();
      assertThat(claims).hasSize(positions);
      assertThat(claims).extracting(c -> c.position().position()).doesNotHaveDuplicates();
    }
  }
}
