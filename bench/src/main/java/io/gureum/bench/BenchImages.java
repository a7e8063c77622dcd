package io.gureum.bench;

import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Letterbox;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The images of {@code gureum bench vision}, made at bench time from the public-domain photos of Debian's
 * {@code python3-skimage} (nothing is committed), the same bytes on every run and machine.
 * For each frame size: each photo letterboxed into the frame, and a "group" frame of pasted copies of the
 * astronaut's head at face widths from 24 px up, on a blurred background, each with its ground-truth face box.
 *
 * <p>The face boxes were measured by hand on the original files (drawn over the photo and looked at): brow line
 * a little above the eyebrows to chin, cheek to cheek — the box BlazeFace and the Haar cascade both draw, give or
 * take; matching uses IoU 0.3 ({@link FaceMatching}), which such differences clear.
 */
final class BenchImages {
    /** A frame size. */
    record Size(int width, int height) {
        String label() {
            return width + "x" + height;
        }
    }

    /** A source photo (packed BGR) and the faces in it, in its own pixels; empty when it shows none. */
    record Photo(String file, BufferedImage image, List<Box> faces) {}

    /** One bench image: its name, pixels (packed BGR) and ground-truth face boxes (empty: no face in it). */
    record Frame(String name, Size size, BufferedImage image, List<Box> faces) {}

    static final List<Size> SIZES = List.of(new Size(640, 480), new Size(1280, 720));

    static final String ASTRONAUT = "astronaut.png";
    static final String CAMERA = "camera.png";
    /** astronaut.png (512x512): one adult woman, frontal. */
    static final Box ASTRONAUT_FACE = new Box(176, 80, 94, 102);
    /** camera.png (512x512): the cameraman, in profile, eye at the camera. */
    static final Box CAMERA_FACE = new Box(188, 122, 64, 74);
    /** What the group frames paste of astronaut.png: her head from the top of the hair to the collar. */
    static final Box ASTRONAUT_HEAD = new Box(146, 20, 154, 202);
    /** The photos, in report order: two with one person each, three with none (cat, cup, motorcycle). */
    static final List<String> PHOTO_FILES = List.of(ASTRONAUT, CAMERA, "chelsea.png", "coffee.png", "motorcycle_left.png");
    /** The group frames' background, scaled to cover the frame and blurred: texture and colour, no face. */
    static final String BACKGROUND = "coffee.png";

    /** Face widths pasted into the group frame of each size, largest first; {@link #packGroup} fits them in rows. */
    static List<Integer> groupFaceWidths(Size size) {
        return size.height() >= 720 ? List.of(200, 160, 128, 96, 80, 64, 48, 40, 32, 28, 24)
                : List.of(128, 96, 64, 48, 40, 32, 28, 24);
    }

    static final int PAD_RGB = 0x808080;
    /** Space kept between pasted heads and around the frame's edge. */
    static final int GAP = 12;
    private static final long SEED = 20240607L;

    static final List<String> PHOTO_DIRS = List.of(
            "/usr/lib/python3/dist-packages/skimage/data",
            "/usr/local/lib/python3/dist-packages/skimage/data");

    private BenchImages() {}

    /** The folder holding the photos: {@code dir} when given, else the first of {@link #PHOTO_DIRS} that has them. */
    static Optional<Path> locatePhotos(Path dir) {
        Stream<Path> places = dir != null ? Stream.of(dir) : PHOTO_DIRS.stream().map(Path::of);
        return places.filter(d -> PHOTO_FILES.stream().allMatch(f -> Files.isRegularFile(d.resolve(f)))).findFirst();
    }

    /** Reads the photos through Gureum's own decoder (packed BGR, as a request's image would be). */
    static List<Photo> readPhotos(Path dir) throws IOException {
        List<Photo> photos = new ArrayList<>();
        for (String file : PHOTO_FILES) {
            BufferedImage image = ImageDecoder.decode(Files.readAllBytes(dir.resolve(file))).image();
            List<Box> faces = switch (file) {
                case ASTRONAUT -> List.of(ASTRONAUT_FACE);
                case CAMERA -> List.of(CAMERA_FACE);
                default -> List.of();
            };
            photos.add(new Photo(file, image, faces));
        }
        return photos;
    }

    /** Every frame of every size: per size, the photos (in {@link #PHOTO_FILES} order), then the group frame. */
    static List<Frame> frames(List<Photo> photos) {
        List<Frame> frames = new ArrayList<>();
        for (Size size : SIZES) {
            for (Photo photo : photos) frames.add(letterboxed(photo, size));
            frames.add(group(photos, size));
        }
        return frames;
    }

    /** The photo fitted into the frame (aspect kept, centred, gray bars), its faces mapped along. */
    static Frame letterboxed(Photo photo, Size size) {
        Letterbox box = ImageTensors.letterbox(photo.image(), size.width(), size.height(), PAD_RGB);
        double sx = (double) box.contentWidth() / photo.image().getWidth();
        double sy = (double) box.contentHeight() / photo.image().getHeight();
        List<Box> faces = photo.faces().stream()
                .map(f -> new Box(box.offsetX() + f.x() * sx, box.offsetY() + f.y() * sy, f.width() * sx, f.height() * sy))
                .toList();
        String name = photo.file().substring(0, photo.file().lastIndexOf('.')) + "-" + size.label();
        return new Frame(name, size, box.image(), faces);
    }

    /** Where one pasted head goes: its top-left corner and size, and the face inside it. */
    record Placement(int x, int y, int width, int height, Box face) {}

    /**
     * The group frame: a blurred background, then the astronaut's head pasted at each of
     * {@link #groupFaceWidths} (scaled without aliasing), where {@link #packGroup} put it.
     */
    static Frame group(List<Photo> photos, Size size) {
        Photo astronaut = photo(photos, ASTRONAUT);
        BufferedImage frame = blurredBackground(photo(photos, BACKGROUND).image(), size);
        BufferedImage head = ImageTensors.crop(astronaut.image(), (int) ASTRONAUT_HEAD.x(), (int) ASTRONAUT_HEAD.y(),
                (int) ASTRONAUT_HEAD.width(), (int) ASTRONAUT_HEAD.height(), PAD_RGB);
        List<Box> faces = new ArrayList<>();
        for (Placement p : packGroup(size)) {
            paste(shrink(head, p.width(), p.height()), frame, p.x(), p.y());
            faces.add(p.face());
        }
        return new Frame("group-" + size.label(), size, frame, faces);
    }

    /**
     * Shelf packing of the heads, largest first, left to right in rows separated by {@link #GAP}; inside its row
     * each head sits at a seeded random height, each row at a seeded random indent, so faces are not all aligned.
     *
     * @throws IllegalStateException when the widths do not fit the frame (a bench bug, caught by the tests)
     */
    static List<Placement> packGroup(Size size) {
        Random random = new Random(SEED + size.width() * 31L + size.height());
        List<List<int[]>> rows = new ArrayList<>(); // per row: {faceWidth, headWidth, headHeight}
        List<int[]> row = new ArrayList<>();
        int rowWidth = GAP;
        for (int faceWidth : groupFaceWidths(size)) {
            double scale = faceWidth / ASTRONAUT_FACE.width();
            int w = (int) Math.round(ASTRONAUT_HEAD.width() * scale);
            int h = (int) Math.round(ASTRONAUT_HEAD.height() * scale);
            if (rowWidth + w + GAP > size.width() && !row.isEmpty()) {
                rows.add(row);
                row = new ArrayList<>();
                rowWidth = GAP;
            }
            row.add(new int[]{faceWidth, w, h});
            rowWidth += w + GAP;
        }
        rows.add(row);

        List<Placement> placements = new ArrayList<>();
        int y = GAP;
        for (List<int[]> r : rows) {
            int rowHeight = r.stream().mapToInt(a -> a[2]).max().orElseThrow();
            int used = GAP + r.stream().mapToInt(a -> a[1] + GAP).sum();
            if (used > size.width() || y + rowHeight + GAP > size.height()) {
                throw new IllegalStateException("the group heads " + groupFaceWidths(size) + " do not fit " + size.label());
            }
            int x = GAP + random.nextInt(size.width() - used + 1);
            for (int[] a : r) {
                int top = y + random.nextInt(rowHeight - a[2] + 1);
                double scale = (double) a[1] / ASTRONAUT_HEAD.width();
                Box face = new Box(x + (ASTRONAUT_FACE.x() - ASTRONAUT_HEAD.x()) * scale,
                        top + (ASTRONAUT_FACE.y() - ASTRONAUT_HEAD.y()) * scale,
                        ASTRONAUT_FACE.width() * scale, ASTRONAUT_FACE.height() * scale);
                placements.add(new Placement(x, top, a[1], a[2], face));
                x += a[1] + GAP;
            }
            y += rowHeight + GAP;
        }
        return placements;
    }

    /** The photo scaled to cover the frame (cropped, not letterboxed), then blurred by a 16x reduction and back. */
    static BufferedImage blurredBackground(BufferedImage photo, Size size) {
        double scale = Math.max((double) size.width() / photo.getWidth(), (double) size.height() / photo.getHeight());
        int cw = (int) Math.ceil(size.width() / scale);
        int ch = (int) Math.ceil(size.height() / scale);
        BufferedImage cover = ImageTensors.crop(photo, (photo.getWidth() - cw) / 2, (photo.getHeight() - ch) / 2, cw, ch, PAD_RGB);
        BufferedImage tiny = shrink(cover, Math.max(1, size.width() / 16), Math.max(1, size.height() / 16));
        return ImageTensors.resize(tiny, size.width(), size.height());
    }

    /**
     * A resize that does not alias on large reductions: exact 2x2 averages (a bilinear halving with half-pixel
     * centres) while the image is still twice the target, then one bilinear step.
     */
    static BufferedImage shrink(BufferedImage src, int width, int height) {
        BufferedImage current = src;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = ImageTensors.resize(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current.getWidth() == width && current.getHeight() == height ? current : ImageTensors.resize(current, width, height);
    }

    private static void paste(BufferedImage src, BufferedImage dst, int x, int y) {
        byte[] s = BgrImages.pixels(src);
        byte[] d = BgrImages.pixels(dst);
        int row = src.getWidth() * 3;
        for (int r = 0; r < src.getHeight(); r++) {
            System.arraycopy(s, r * row, d, ((y + r) * dst.getWidth() + x) * 3, row);
        }
    }

    private static Photo photo(List<Photo> photos, String file) {
        return photos.stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no photo " + file));
    }
}
