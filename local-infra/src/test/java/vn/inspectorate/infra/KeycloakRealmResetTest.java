package vn.inspectorate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept Keycloak folder follows the realm file: changed, its development database goes; unchanged, it stays. */
class KeycloakRealmResetTest {

    @TempDir
    Path home;

    @Test
    void aChangedRealmFileResetsTheDevelopmentDatabaseAndAnUnchangedOneKeepsIt() throws IOException {
        Path database = Files.createDirectories(home.resolve("data/h2")).resolve("keycloakdb.mv.db");
        Files.writeString(database, "realm as first imported");
        Path lastImported = Files.createDirectories(home.resolve("data/import")).resolve("inspectorate-realm.json");
        Files.writeString(lastImported, "{\"realm\":\"inspectorate\",\"v\":1}");
        Path realmFile = home.resolve("inspectorate-realm.json");

        Files.writeString(realmFile, "{\"realm\":\"inspectorate\",\"v\":1}");
        assertThat(KeycloakServer.resetIfRealmChanged(home, lastImported, realmFile)).isFalse();
        assertThat(database).exists();

        Files.writeString(realmFile, "{\"realm\":\"inspectorate\",\"v\":2}");
        assertThat(KeycloakServer.resetIfRealmChanged(home, lastImported, realmFile)).isTrue();
        assertThat(home.resolve("data/h2")).doesNotExist();
    }

    @Test
    void aFirstStartHasNothingToReset() throws IOException {
        Path realmFile = Files.writeString(home.resolve("realm.json"), "{}");
        assertThat(KeycloakServer.resetIfRealmChanged(home, home.resolve("data/import/realm.json"), realmFile)).isFalse();
    }
}
