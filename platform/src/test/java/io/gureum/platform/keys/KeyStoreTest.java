package io.gureum.platform.keys;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.projects.Project;
import io.gureum.platform.projects.ProjectStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void createdKeyAuthenticatesUntilRevokedAndStoresOnlyAHash(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.systemUTC();
            Project p = new ProjectStore(db, clock).create("acme");
            KeyStore keys = new KeyStore(db, clock);
            Authenticator auth = new Authenticator(keys, clock);
            CreatedKey created = keys.create(new NewKey(p.id(), "ci", Set.of("language"), null,
                    new RateLimit(5, 10), Map.of("language", 1000L)));

            assertThat(created.secret()).startsWith("gur_").hasSizeGreaterThan(40);
            ApiKey key = auth.authenticate(created.secret());
            assertThat(key.projectId()).isEqualTo(p.id());
            assertThat(key.allows("language")).isTrue();
            assertThat(key.allows("admin")).isFalse();
            assertThat(key.rateLimit()).isEqualTo(new RateLimit(5, 10));
            assertThat(key.quota("language")).contains(1000L);
            String stored = db.jdbi().withHandle(h -> h.createQuery("SELECT secret_hash FROM api_keys").mapTo(String.class).one());
            assertThat(stored).doesNotContain(created.secret()).hasSize(64);

            auth.revoke(key.id());
            assertThatThrownBy(() -> auth.authenticate(created.secret()))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("revoked_key"));
            assertThat(keys.list(p.id())).singleElement().satisfies(k -> assertThat(k.isRevoked()).isTrue());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void unknownAndExpiredKeysAndBadRequestsAreRefused(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Instant start = Instant.parse("2030-01-01T00:00:00Z");
            MutableClock clock = new MutableClock(start);
            Project p = new ProjectStore(db, clock).create("acme");
            KeyStore keys = new KeyStore(db, clock);
            Authenticator auth = new Authenticator(keys, clock);
            CreatedKey created = keys.create(new NewKey(p.id(), "short", Set.of("language"),
                    start.plus(1, ChronoUnit.HOURS), null, Map.of()));
            assertThat(auth.authenticate(created.secret()).id()).isEqualTo(created.key().id());
            clock.now = start.plus(2, ChronoUnit.HOURS);
            assertThatThrownBy(() -> auth.authenticate(created.secret()))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("expired_key"));
            assertThatThrownBy(() -> auth.authenticate("gur_nope"))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> keys.create(new NewKey(p.id(), "x", Set.of("telepathy"), null, null, Map.of())))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.detail()).contains("unknown scope"));
            assertThatThrownBy(() -> keys.create(new NewKey(p.id(), "x", Set.of("language"), null, null, Map.of("vision-x", 5L))))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(422));
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) { this.now = now; }

        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
