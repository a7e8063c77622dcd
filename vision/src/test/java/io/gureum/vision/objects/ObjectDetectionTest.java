package io.gureum.vision.objects;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.VisionModels;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COCO objects on real photos (python3-skimage) with the real models. */
class ObjectDetectionTest {
    private static ObjectDetection detection;

    @BeforeAll
    static void open() {
        detection = new ObjectDetection(VisionModels.store(), OnnxModel.Options.defaults());
    }

    @AfterAll
    static void close() {
        detection.close();
    }

    private static BufferedImage photo(String name) {
        return ImageDecoder.decode(TestImages.photo(name).bytes()).image();
    }

    /** The object each photo shows, found by the default model with a box covering most of it. */
    @ParameterizedTest
    @CsvSource({"astronaut.png, person, 0.3", "camera.png, person, 0.3", "chelsea.png, cat, 0.4",
            "coffee.png, cup, 0.1", "motorcycle_left.png, motorcycle, 0.3"})
    void findsTheObjectEachPhotoShows(String name, String label, double minArea) {
        BufferedImage image = photo(name);
        ObjectAnalysis result = detection.detect(image, ObjectOptions.defaults());
        assertThat(result.models()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("nanodet"));
        assertThat(result.objects()).anySatisfy(o -> {
            assertThat(o.label()).isEqualTo(label);
            assertThat(o.box().area() / (image.getWidth() * image.getHeight())).isGreaterThan(minArea);
        });
        assertThat(result.objects()).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(result.objects()).allSatisfy(o -> {
            assertThat(o.box().x()).isGreaterThanOrEqualTo(0);
            assertThat(o.box().right()).isLessThanOrEqualTo(image.getWidth());
            assertThat(o.confidence()).isGreaterThanOrEqualTo(ObjectOptions.DEFAULT_MIN_CONFIDENCE);
        });
    }

    @Test
    void centerNetIsSelectableAndFindsTheMotorcycle() {
        ObjectAnalysis result = detection.detect(photo("motorcycle_left.png"),
                new ObjectOptions(0.3, 10, Optional.of(ModelRef.parse("centernet"))));
        assertThat(result.models().get(0).id()).isEqualTo("centernet");
        assertThat(result.objects().get(0).label()).isEqualTo("motorcycle");
    }

    @Test
    void limitsApply() {
        ObjectAnalysis one = detection.detect(photo("camera.png"), new ObjectOptions(0.05, 1, Optional.empty()));
        assertThat(one.objects()).hasSize(1);
        ObjectAnalysis strict = detection.detect(photo("camera.png"), new ObjectOptions(0.99, 10, Optional.empty()));
        assertThat(strict.objects()).isEmpty();
        assertThatThrownBy(() -> new ObjectOptions(1.5, 10, Optional.empty())).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> detection.detect(photo("camera.png"), new ObjectOptions(0.3, 10, Optional.of(ModelRef.parse("faceres")))))
                .isInstanceOf(Problem.class).hasFieldOrPropertyWithValue("code", "unknown_model");
    }
}
