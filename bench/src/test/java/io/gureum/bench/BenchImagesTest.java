package io.gureum.bench;

import io.gureum.bench.BenchImages.Frame;
import io.gureum.bench.BenchImages.Photo;
import io.gureum.bench.BenchImages.Placement;
import io.gureum.bench.BenchImages.Size;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.BgrImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BenchImagesTest {
    /** Stand-ins for the skimage photos, at their sizes: a fixed pattern, so no test needs python3-skimage. */
    private static List<Photo> syntheticPhotos() {
        int[][] sizes = {{512, 512}, {512, 512}, {451, 300}, {600, 400}, {741, 500}};
        List<Photo> photos = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            BufferedImage image = BgrImages.create(sizes[i][0], sizes[i][1]);
            byte[] px = BgrImages.pixels(image);
            for (int p = 0; p < px.length; p++) px[p] = (byte) (p * 2654435761L >>> 13 ^ i * 37);
            String file = BenchImages.PHOTO_FILES.get(i);
            List<Box> faces = file.equals(BenchImages.ASTRONAUT) ? List.of(BenchImages.ASTRONAUT_FACE)
                    : file.equals(BenchImages.CAMERA) ? List.of(BenchImages.CAMERA_FACE) : List.of();
            photos.add(new Photo(file, image, faces));
        }
        return photos;
    }

    @Test
    void theSameInputsGiveTheSameFramesByteForByte() {
        List<Frame> a = BenchImages.frames(syntheticPhotos());
        List<Frame> b = BenchImages.frames(syntheticPhotos());
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).name()).isEqualTo(b.get(i).name());
            assertThat(a.get(i).faces()).isEqualTo(b.get(i).faces());
            assertThat(BgrImages.pixels(a.get(i).image())).isEqualTo(BgrImages.pixels(b.get(i).image()));
        }
    }

    @Test
    void eachSizeHasTheFivePhotosThenTheGroupAllAtThatSize() {
        List<Frame> frames = BenchImages.frames(syntheticPhotos());
        assertThat(frames).extracting(Frame::name).containsExactly(
                "astronaut-640x480", "camera-640x480", "chelsea-640x480", "coffee-640x480", "motorcycle_left-640x480", "group-640x480",
                "astronaut-1280x720", "camera-1280x720", "chelsea-1280x720", "coffee-1280x720", "motorcycle_left-1280x720", "group-1280x720");
        for (Frame f : frames) {
            assertThat(f.image().getWidth()).isEqualTo(f.size().width());
            assertThat(f.image().getHeight()).isEqualTo(f.size().height());
            assertThat(BgrImages.isPackedBgr(f.image())).isTrue();
            for (Box face : f.faces()) {
                assertThat(face.x()).isGreaterThanOrEqualTo(0);
                assertThat(face.y()).isGreaterThanOrEqualTo(0);
                assertThat(face.right()).isLessThanOrEqualTo(f.size().width());
                assertThat(face.bottom()).isLessThanOrEqualTo(f.size().height());
            }
        }
        assertThat(frames.stream().filter(f -> f.name().startsWith("chelsea")).flatMap(f -> f.faces().stream())).isEmpty();
    }

    @Test
    void aLetterboxedPhotoKeepsItsFaceWhereItWas() {
        Photo astronaut = syntheticPhotos().get(0);
        Frame frame = BenchImages.letterboxed(astronaut, new Size(1280, 720));
        // 512x512 fitted to 720 high: scale 720/512, centred: 280 px bars left and right
        double s = 720 / 512.0;
        Box face = frame.faces().get(0);
        assertThat(face.x()).isCloseTo(280 + BenchImages.ASTRONAUT_FACE.x() * s, within(1e-9));
        assertThat(face.y()).isCloseTo(BenchImages.ASTRONAUT_FACE.y() * s, within(1e-9));
        assertThat(face.width()).isCloseTo(BenchImages.ASTRONAUT_FACE.width() * s, within(1e-9));
    }

    @Test
    void theGroupHeadsFitTheFrameWithoutOverlapAtTheirFaceWidths() {
        for (Size size : BenchImages.SIZES) {
            List<Placement> placements = BenchImages.packGroup(size);
            List<Integer> widths = BenchImages.groupFaceWidths(size);
            assertThat(placements).hasSameSizeAs(widths);
            for (int i = 0; i < placements.size(); i++) {
                Placement p = placements.get(i);
                assertThat(p.x()).isGreaterThanOrEqualTo(BenchImages.GAP);
                assertThat(p.y()).isGreaterThanOrEqualTo(BenchImages.GAP);
                assertThat(p.x() + p.width()).isLessThanOrEqualTo(size.width() - BenchImages.GAP);
                assertThat(p.y() + p.height()).isLessThanOrEqualTo(size.height() - BenchImages.GAP);
                assertThat(p.face().width()).as("face %d on %s", i, size.label()).isCloseTo(widths.get(i), within(1.0));
                Box head = new Box(p.x(), p.y(), p.width(), p.height());
                assertThat(head.iou(p.face())).isGreaterThan(0); // the face is inside its head
                for (int j = 0; j < i; j++) {
                    Placement q = placements.get(j);
                    assertThat(head.iou(new Box(q.x(), q.y(), q.width(), q.height()))).as("heads %d and %d on %s", i, j, size.label()).isZero();
                }
            }
        }
        assertThat(BenchImages.groupFaceWidths(new Size(1280, 720))).contains(24, 200);
        assertThat(BenchImages.groupFaceWidths(new Size(640, 480))).contains(24);
    }

    @Test
    void shrinkingAveragesInsteadOfSkippingPixels() {
        // a one-pixel checkerboard: skipping pixels would give black or white, averaging gives gray
        BufferedImage checker = BgrImages.create(64, 64);
        byte[] px = BgrImages.pixels(checker);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 64; x++) if ((x + y) % 2 == 0) for (int k = 0; k < 3; k++) px[(y * 64 + x) * 3 + k] = (byte) 255;
        BufferedImage small = BenchImages.shrink(checker, 8, 8);
        for (byte b : BgrImages.pixels(small)) assertThat(b & 0xFF).isBetween(120, 135);
    }

    @Test
    void theRealPhotosMakeTheFramesWhenInstalled() throws Exception {
        Optional<Path> dir = BenchImages.locatePhotos(null);
        assumeTrue(dir.isPresent(), "the skimage photos are not installed (sudo apt-get install -y python3-skimage)");
        List<Frame> frames = BenchImages.frames(BenchImages.readPhotos(dir.get()));
        assertThat(frames).hasSize(12);
        assertThat(frames.stream().mapToInt(f -> f.faces().size()).sum()).isEqualTo(2 * 2 + 8 + 11);
    }
}
