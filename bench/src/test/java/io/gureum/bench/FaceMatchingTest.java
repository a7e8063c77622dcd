package io.gureum.bench;

import io.gureum.vision.geometry.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FaceMatchingTest {
    private static final Box FACE = new Box(100, 100, 50, 60);
    private static final Box OTHER_FACE = new Box(300, 100, 50, 60);

    @Test
    void aDetectionOnTheFaceMatchesIt() {
        FaceMatching.Result r = FaceMatching.match(List.of(FACE), List.of(new Box(104, 96, 52, 58)));
        assertThat(r.found()).containsExactly(true);
        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.falsePositives()).isZero();
    }

    @Test
    void aBoxJustAboveIou0point3MatchesAndJustBelowDoesNot() {
        // same size, shifted right by dx: IoU = (50 - dx) / (50 + dx), 0.3 at dx = 50 * 0.7 / 1.3 = 26.92
        Box above = new Box(FACE.x() + 26.5, FACE.y(), 50, 60);
        Box below = new Box(FACE.x() + 27.5, FACE.y(), 50, 60);
        assertThat(FACE.iou(above)).isGreaterThan(0.3);
        assertThat(FACE.iou(below)).isLessThan(0.3);
        assertThat(FaceMatching.match(List.of(FACE), List.of(above)).matched()).isEqualTo(1);
        assertThat(FaceMatching.match(List.of(FACE), List.of(below)).matched()).isZero();
    }

    @Test
    void twoBoxesOnOneFaceAreOneMatchAndOneFalsePositive() {
        FaceMatching.Result r = FaceMatching.match(List.of(FACE), List.of(new Box(90, 90, 70, 80), new Box(101, 101, 50, 60)));
        assertThat(r.matched()).isEqualTo(1);
        assertThat(r.falsePositives()).isEqualTo(1);
    }

    @Test
    void theBestOverlapWinsWhenADetectionCouldMatchTwoFaces() {
        // a detection between two touching faces leans to the second; the second detection only fits the first
        Box left = new Box(0, 0, 40, 40);
        Box right = new Box(40, 0, 40, 40);
        Box between = new Box(24, 0, 40, 40); // IoU 0.25 with left, 0.43 with right
        Box onLeft = new Box(4, 0, 40, 40);   // IoU 0.82 with left
        FaceMatching.Result r = FaceMatching.match(List.of(left, right), List.of(between, onLeft));
        assertThat(r.found()).containsExactly(true, true);
        assertThat(r.falsePositives()).isZero();
    }

    @Test
    void missesAndFalsePositivesAreCounted() {
        FaceMatching.Result r = FaceMatching.match(List.of(FACE, OTHER_FACE), List.of(new Box(500, 500, 40, 40)));
        assertThat(r.found()).containsExactly(false, false);
        assertThat(r.truths()).isEqualTo(2);
        assertThat(r.falsePositives()).isEqualTo(1);

        FaceMatching.Result none = FaceMatching.match(List.of(), List.of(FACE));
        assertThat(none.truths()).isZero();
        assertThat(none.falsePositives()).isEqualTo(1);
    }

    @Test
    void resultsAddUpInOrder() {
        FaceMatching.Result a = FaceMatching.match(List.of(FACE), List.of(FACE));
        FaceMatching.Result b = FaceMatching.match(List.of(FACE, OTHER_FACE), List.of(OTHER_FACE, new Box(0, 0, 10, 10)));
        FaceMatching.Result sum = FaceMatching.Result.sum(List.of(a, b));
        assertThat(sum.found()).containsExactly(true, false, true);
        assertThat(sum.detections()).isEqualTo(3);
        assertThat(sum.matched()).isEqualTo(2);
        assertThat(sum.falsePositives()).isEqualTo(1);
    }
}
