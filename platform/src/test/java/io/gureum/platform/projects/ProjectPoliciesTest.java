package io.gureum.platform.projects;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectPoliciesTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void policiesRoundTripAndOtherNodesSeeThemWithinTheCacheTime(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Instant start = Instant.parse("2030-01-01T00:00:00.123456789Z");
            StepClock clock = new StepClock(start);
            String p = new ProjectStore(db, clock).create("acme").id();
            String other = new ProjectStore(db, clock).create("other").id();
            ProjectPolicies nodeA = new ProjectPolicies(db, clock);
            ProjectPolicies nodeB = new ProjectPolicies(db, clock);

            assertThat(nodeA.policy(p)).isEqualTo(new ProjectPolicy(p, Set.of(), null));
            assertThat(nodeB.disabledFaceAttributes(p)).isEmpty();

            ProjectPolicy set = nodeA.setDisabledFaceAttributes(p, Set.of("gender", "age"));
            assertThat(set.disabledFaceAttributes()).containsExactly("age", "gender");
            assertThat(set.updatedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
            assertThat(nodeA.policy(p)).as("this node: at once").isEqualTo(set);
            assertThat(nodeB.disabledFaceAttributes(p)).as("another node: its cached copy for a while").isEmpty();
            clock.now = start.plus(ProjectPolicies.CACHE_TTL).plusMillis(1);
            assertThat(nodeB.policy(p)).isEqualTo(set);
            assertThat(nodeB.disabledFaceAttributes(other)).isEmpty();

            nodeB.setDisabledFaceAttributes(p, new HashSet<>(Arrays.asList("emotion", "age", "gender", "age")));
            assertThat(nodeB.disabledFaceAttributes(p)).containsExactly("age", "gender", "emotion");
            nodeB.setDisabledFaceAttributes(p, Set.of());
            assertThat(new ProjectPolicies(db, clock).policy(p).disabledFaceAttributes()).isEmpty();
            assertThat(new ProjectPolicies(db, clock).policy(p).updatedAt()).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void unknownAttributesAndProjectsAreRefused(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, Clock.systemUTC()).create("acme").id();
            ProjectPolicies policies = new ProjectPolicies(db, Clock.systemUTC());
            for (Set<String> bad : Arrays.asList(Set.of("race"), Set.of("Age"), new HashSet<>(Arrays.asList("age", null)), null)) {
                assertThatThrownBy(() -> policies.setDisabledFaceAttributes(p, bad))
                        .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("validation_failed"));
            }
            assertThatThrownBy(() -> policies.setDisabledFaceAttributes("prj_missing", Set.of("age")))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat(policies.disabledFaceAttributes(p)).isEmpty();
        }
    }

    /** A clock the test moves by hand. */
    private static final class StepClock extends Clock {
        volatile Instant now;

        StepClock(Instant now) { this.now = now; }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }
}
