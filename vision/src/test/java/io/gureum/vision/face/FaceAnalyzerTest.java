package io.gureum.vision.face;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.VisionModels;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faces on real photos (python3-skimage) with the real models. */
class FaceAnalyzerTest {
    private static final FaceOptions EVERYTHING = FaceOptions.detection()
            .withAttributes(EnumSet.allOf(FaceAttribute.class)).withEmbedding(true);
    private static FaceAnalyzer analyzer;

    @BeforeAll
    static void open() {
        analyzer = new FaceAnalyzer(VisionModels.store(), OnnxModel.Options.defaults());
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static BufferedImage photo(String name) {
        return ImageDecoder.decode(TestImages.photo(name).bytes()).image();
    }

    @Test
    void astronautHasOneAdultWomansFaceWithLandmarksInPlace() {
        FaceAnalysis result = analyzer.analyze(photo("astronaut.png"), EVERYTHING);
        assertThat(result.faces()).hasSize(1);
        Face face = result.faces().get(0);
        // Eileen Collins' face in the 512x512 photo lies around x 170-280, y 70-185
        assertThat(face.box().iou(Box.fromCorners(173, 74, 277, 179))).isGreaterThan(0.6);
        assertThat(face.confidence()).isGreaterThan(0.8);
        FaceLandmarks l = face.landmarks();
        assertThat(l.leftEye().x()).isLessThan(l.rightEye().x());
        assertThat(l.noseTip().y()).isBetween(l.leftEye().y(), l.mouthCenter().y());
        assertThat(face.attributes().age()).isBetween(25.0, 50.0);
        assertThat(face.attributes().gender().value()).isEqualTo("female");
        assertThat(face.attributes().emotion().dominant()).isEqualTo("happiness");
        assertThat(face.attributes().emotion().scores().values().stream().mapToDouble(Double::doubleValue).sum()).isBetween(0.99, 1.01);
        assertThat(face.embedding()).hasSize(1024);
        assertThat(result.models()).extracting(m -> m.id()).containsExactly("blazeface-back", "faceres", "emotion");
    }

    @Test
    void cameramanIsOneMan() {
        List<Face> faces = analyzer.analyze(photo("camera.png"), EVERYTHING).faces();
        assertThat(faces).hasSize(1);
        assertThat(faces.get(0).attributes().gender().value()).isEqualTo("male");
        assertThat(faces.get(0).attributes().age()).isBetween(18.0, 60.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coffee.png", "motorcycle_left.png"})
    void photosWithoutPeopleHaveNoFaces(String name) {
        assertThat(analyzer.analyze(photo(name), FaceOptions.detection()).faces()).isEmpty();
    }

    @Test
    void onlyWhatWasAskedForIsRead() {
        Face face = analyzer.analyze(photo("astronaut.png"), FaceOptions.detection().withAttributes(EnumSet.of(FaceAttribute.AGE))).faces().get(0);
        assertThat(face.attributes().age()).isNotNull();
        assertThat(face.attributes().gender()).isNull();
        assertThat(face.attributes().emotion()).isNull();
        assertThat(face.embedding()).isNull();
        assertThat(analyzer.analyze(photo("astronaut.png"), FaceOptions.detection()).faces().get(0).attributes()).isNull();
    }

    @Test
    void sameFaceShiftedAndRescaledIsTheSamePersonAndAnotherFaceIsNot() {
        float[] original = analyzer.analyze(photo("astronaut.png"), EVERYTHING).faces().get(0).embedding();
        for (double scale : new double[] {0.5, 0.75, 1.5}) {
            BufferedImage scaled = ImageTensors.resize(photo("astronaut.png"), (int) (512 * scale), (int) (512 * scale));
            BufferedImage moved = ImageTensors.crop(scaled, -53, -31, 900, 700, 0x808080);
            float[] copy = analyzer.analyze(moved, EVERYTHING).faces().get(0).embedding();
            assertThat(FaceSimilarity.cosine(original, copy)).as("scale " + scale).isGreaterThanOrEqualTo(FaceSimilarity.SAME_PERSON_THRESHOLD);
        }
        float[] other = analyzer.analyze(photo("camera.png"), EVERYTHING).faces().get(0).embedding();
        assertThat(FaceSimilarity.cosine(original, other)).isLessThan(FaceSimilarity.SAME_PERSON_THRESHOLD);
    }

    @Test
    void findsSmallAndLargeFacesInOneGroupPicture() {
        // a 1280x720 "group photo": the astronaut's face pasted at sizes from 24 px to 300 px
        BufferedImage astronaut = photo("astronaut.png");
        BufferedImage canvas = BgrImages.create(1280, 720);
        BgrImages.fill(BgrImages.pixels(canvas), 0, 1280 * 720, 0x707070);
        int[] sizes = {24, 32, 48, 64, 96, 140, 300};
        List<Box> truth = new ArrayList<>();
        int x = 10;
        for (int size : sizes) {
            double k = size / 104.0;                       // the face box is ~104 px wide in the photo
            BufferedImage head = ImageTensors.resize(ImageTensors.crop(astronaut, 140, 30, 170, 190, 0x707070),
                    (int) Math.round(170 * k), (int) Math.round(190 * k));
            int y = 360 - head.getHeight() / 2;
            paste(head, canvas, x, y);
            truth.add(new Box(x + (173 - 140) * k, y + (74 - 30) * k, size, size));
            x += head.getWidth() + 12;
        }
        List<Face> faces = analyzer.analyze(canvas, FaceOptions.detection()).faces();
        for (Box expected : truth) {
            assertThat(faces).as("a face at " + expected).anyMatch(f -> f.box().iou(expected) > 0.4);
        }
        assertThat(faces).hasSize(truth.size());
        // a larger minimum size skips the small ones
        assertThat(analyzer.analyze(canvas, FaceOptions.detection().withMinFaceSize(60)).faces()).hasSize(4);
        assertThat(analyzer.analyze(canvas, FaceOptions.detection().withMaxFaces(2)).faces()).hasSize(2);
    }

    @Test
    void theReadyMadeOnnxBlazeFaceFindsTheSameFace() {
        io.gureum.vision.VisionModels.install("mediapipe-blazeface-back");
        Face converted = analyzer.analyze(photo("astronaut.png"), FaceOptions.detection()).faces().get(0);
        FaceAnalysis pinned = analyzer.analyze(photo("astronaut.png"),
                FaceOptions.detection().withDetector(Optional.of(ModelRef.parse("mediapipe-blazeface-back"))));
        assertThat(pinned.models().get(0).id()).isEqualTo("mediapipe-blazeface-back");
        assertThat(pinned.faces().get(0).box().iou(converted.box())).isGreaterThan(0.95);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> FaceOptions.detection().withMaxFaces(0)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> FaceOptions.detection().withMinFaceSize(8)).isInstanceOf(Problem.class);
        assertThatThrownBy(() -> analyzer.analyze(photo("astronaut.png"), FaceOptions.detection().withDetector(Optional.of(ModelRef.parse("nanodet")))))
                .isInstanceOf(Problem.class).hasFieldOrPropertyWithValue("code", "unknown_model");
    }

    private static void paste(BufferedImage src, BufferedImage dst, int x, int y) {
        byte[] s = BgrImages.pixels(src), d = BgrImages.pixels(dst);
        for (int row = 0; row < src.getHeight(); row++) {
            System.arraycopy(s, row * src.getWidth() * 3, d, ((y + row) * dst.getWidth() + x) * 3, src.getWidth() * 3);
        }
    }
}
