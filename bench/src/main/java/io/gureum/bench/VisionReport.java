package io.gureum.bench;

import io.gureum.bench.BenchImages.Frame;
import io.gureum.bench.BenchImages.Size;
import io.gureum.bench.ModelSpeed.Timing;
import io.gureum.vision.geometry.Box;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The numbers of {@code gureum bench vision} and how they are printed and written. */
final class VisionReport {
    /**
     * One workload timed on the frames of one size, one image at a time.
     *
     * @param unit       what {@code found} counts: faces or objects
     * @param images     images processed in the measured time
     * @param seconds    the measured wall time
     * @param found      faces (or objects) found in those images
     * @param otherCores cores that other processes kept busy meanwhile; NaN when unknown
     */
    record Speed(String workload, String label, String unit, Size size, int images, double seconds, long found,
                 double p50Ms, double p90Ms, double otherCores) {
        double imagesPerSecond() {
            return images / seconds;
        }

        double foundPerSecond() {
            return found / seconds;
        }
    }

    /** A face detector's boxes on one frame and their score against its ground truth. */
    record FrameScore(Frame frame, List<Box> detections, FaceMatching.Result result) {
        static FrameScore of(Frame frame, List<Box> detections) {
            return new FrameScore(frame, detections, FaceMatching.match(frame.faces(), detections));
        }
    }

    /** A face detector's scores on the frames of one size. */
    record FaceScore(String detector, String label, Size size, List<FrameScore> frames) {
        FrameScore group() {
            return frames.stream().filter(f -> f.frame().name().startsWith("group-")).findFirst().orElseThrow();
        }

        /** The photos: the two people (astronaut, camera) for recall, all five for false positives. */
        FaceMatching.Result photos() {
            return FaceMatching.Result.sum(frames.stream().filter(f -> f != group()).map(FrameScore::result).toList());
        }

        int falsePositives() {
            return frames.stream().mapToInt(f -> f.result().falsePositives()).sum();
        }
    }

    /** What the object detector found in one frame, as {@code label confidence}, most confident first. */
    record ObjectsFound(String frame, List<String> objects) {}

    /** One model's single inference in ONNX Runtime (1 thread and all threads) and in tfjs (null: not timed). */
    record ModelRow(String id, String shape, Timing ort1, Timing ortAll, Timing tfjs, String note) {}

    private final Map<String, Object> setup;
    private final List<Speed> speeds;
    private final List<FaceScore> faces;
    private final List<ObjectsFound> objects;
    private final List<ModelRow> models;
    private final int threads;
    /** What ran the tfjs column, or null when the peer was skipped. */
    private final String tfjsLabel;

    VisionReport(Map<String, Object> setup, List<Speed> speeds, List<FaceScore> faces, List<ObjectsFound> objects,
                 List<ModelRow> models, int threads, String tfjsLabel) {
        this.setup = setup;
        this.speeds = List.copyOf(speeds);
        this.faces = List.copyOf(faces);
        this.objects = List.copyOf(objects);
        this.models = List.copyOf(models);
        this.threads = threads;
        this.tfjsLabel = tfjsLabel;
    }

    /** Nearest-rank percentile of sorted values ({@code q} in (0, 1]); NaN for none. */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    Optional<Speed> speed(String workload, Size size) {
        return speeds.stream().filter(s -> s.workload().equals(workload) && s.size().equals(size)).findFirst();
    }

    /** Images/s of {@code a} over those of {@code b} on one size; NaN when either was not measured. */
    double ratio(String a, String b, Size size) {
        Optional<Speed> x = speed(a, size);
        Optional<Speed> y = speed(b, size);
        return x.isPresent() && y.isPresent() ? x.get().imagesPerSecond() / y.get().imagesPerSecond() : Double.NaN;
    }

    /** Above this many cores used by other processes during a measurement, the machine was not quiet enough. */
    static final double QUIET_CORES = HttpReport.QUIET_CORES;

    double maxOtherCores() {
        return speeds.stream().mapToDouble(Speed::otherCores).filter(d -> !Double.isNaN(d)).max().orElse(0);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("Speed: one image per call from one thread, frames of a size in turn (images/s; found/s: faces or objects found per second)\n");
        int width = Math.max(34, speeds.stream().mapToInt(s -> s.label().length()).max().orElse(0));
        String row = "  %-" + width + "s  %-9s  %8s  %16s  %9s  %9s%n";
        out.append(String.format(Locale.ROOT, row, "workload", "size", "images/s", "found/s", "p50", "p90"));
        out.append("  ").append("-".repeat(width + 64)).append('\n');
        for (Speed s : speeds) {
            out.append(String.format(Locale.ROOT, row, s.label(), s.size().label(), fixed(s.imagesPerSecond(), 2),
                    fixed(s.foundPerSecond(), 2) + " " + s.unit(), ms(s.p50Ms()), ms(s.p90Ms())));
        }
        List<String> ratios = new ArrayList<>();
        for (Size size : BenchImages.SIZES) {
            double r = ratio(VisionBench.GUREUM_DETECT, VisionBench.HAAR, size);
            if (!Double.isNaN(r)) ratios.add(size.label() + " " + fixed(r, 2) + "x");
        }
        if (!ratios.isEmpty()) {
            out.append("  gureum face detection / OpenCV Haar, images/s: ").append(String.join(", ", ratios)).append('\n');
        }

        if (!faces.isEmpty()) {
            out.append("\nFaces found: ground truth matched one to one at IoU >= ").append(FaceMatching.MIN_IOU)
                    .append(" (greedy, highest IoU first); a false positive is a detection matching no face\n");
            String faceRow = "  %-" + width + "s  %-9s  %12s  %16s  %15s  %s%n";
            out.append(String.format(Locale.ROOT, faceRow, "detector", "size", "group recall", "astronaut+camera",
                    "false positives", "group faces by width (px)"));
            out.append("  ").append("-".repeat(width + 100)).append('\n');
            for (FaceScore f : faces) {
                FaceMatching.Result group = f.group().result();
                FaceMatching.Result photos = f.photos();
                out.append(String.format(Locale.ROOT, faceRow, f.label(), f.size().label(),
                        group.matched() + "/" + group.truths(), photos.matched() + "/" + photos.truths(),
                        f.falsePositives() + " in " + f.frames().size(), byWidth(f.group())));
            }
        }

        if (!objects.isEmpty()) {
            out.append("\nObjects found by gureum (sanity check; labels with confidence):\n");
            for (ObjectsFound o : objects) {
                out.append(String.format(Locale.ROOT, "  %-26s %s%n", o.frame(), o.objects().isEmpty() ? "-" : String.join(", ", o.objects())));
            }
        }

        if (!models.isEmpty()) {
            out.append("\nOne model inference, batch 1, p50 (same installed pack: ONNX Runtime runs Gureum's converted graph")
                    .append(tfjsLabel != null ? ", " + tfjsLabel + " the original tfjs graph)\n" : "; the tfjs peer was skipped)\n");
            boolean all = threads > 1;
            String modelRow = all ? "  %-15s  %-15s  %12s  %12s  %12s  %12s  %12s%n" : "  %-15s  %-15s  %12s  %12s  %12s%n";
            String threadsLabel = "ORT " + threads + " threads";
            out.append(all ? String.format(Locale.ROOT, modelRow, "model", "input", "ORT 1 thread", threadsLabel, "tfjs cpu",
                    "tfjs/ORT-1", "tfjs/ORT-" + threads)
                    : String.format(Locale.ROOT, modelRow, "model", "input", "ORT 1 thread", "tfjs cpu", "tfjs/ORT-1"));
            out.append("  ").append("-".repeat(all ? 110 : 80)).append('\n');
            for (ModelRow m : models) {
                String ort1 = m.ort1() == null ? "-" : ms(m.ort1().p50Ms());
                String ortAll = m.ortAll() == null ? "-" : ms(m.ortAll().p50Ms());
                String tfjs = m.tfjs() == null ? "-" : ms(m.tfjs().p50Ms());
                String r1 = m.tfjs() == null || m.ort1() == null ? "-" : fixed(m.tfjs().p50Ms() / m.ort1().p50Ms(), 1) + "x";
                String rAll = m.tfjs() == null || m.ortAll() == null ? "-" : fixed(m.tfjs().p50Ms() / m.ortAll().p50Ms(), 1) + "x";
                out.append(all ? String.format(Locale.ROOT, modelRow, m.id(), m.shape(), ort1, ortAll, tfjs, r1, rAll)
                        : String.format(Locale.ROOT, modelRow, m.id(), m.shape(), ort1, tfjs, r1));
                if (m.note() != null) out.append("    ").append(m.id()).append(": ").append(m.note()).append('\n');
            }
        }

        if (maxOtherCores() > QUIET_CORES) {
            out.append(String.format(Locale.ROOT, "%nWARNING: other processes kept up to %.2f cores busy during a measurement; the machine"
                    + " was not quiet and these numbers are skewed (rerun when it is idle).%n", maxOtherCores()));
        }
        return out.toString();
    }

    /** {@code found 200,160,...; missed 28,24}: the group frame's faces by pasted width. */
    static String byWidth(FrameScore group) {
        List<Integer> widths = group.frame().faces().stream().map(b -> (int) Math.round(b.width())).toList();
        boolean[] found = group.result().found();
        List<String> hit = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) (found[i] ? hit : missed).add(String.valueOf(widths.get(i)));
        return "found " + (hit.isEmpty() ? "none" : String.join(",", hit)) + (missed.isEmpty() ? "" : "; missed " + String.join(",", missed));
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) return "-";
        return millis < 10 ? String.format(Locale.ROOT, "%.2fms", millis) : String.format(Locale.ROOT, "%.1fms", millis);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The results as a JSON-ready map. */
    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setup", setup);
        List<Map<String, Object>> speedList = new ArrayList<>();
        for (Speed s : speeds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workload", s.workload());
            m.put("label", s.label());
            m.put("size", s.size().label());
            m.put("images", s.images());
            m.put("seconds", s.seconds());
            m.put("imagesPerSecond", s.imagesPerSecond());
            m.put("found", s.found());
            m.put("foundUnit", s.unit());
            m.put("foundPerSecond", s.foundPerSecond());
            m.put("p50Ms", s.p50Ms());
            m.put("p90Ms", s.p90Ms());
            if (!Double.isNaN(s.otherCores())) m.put("otherProcessesCores", s.otherCores());
            speedList.add(m);
        }
        out.put("speed", speedList);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Size size : BenchImages.SIZES) {
            double r = ratio(VisionBench.GUREUM_DETECT, VisionBench.HAAR, size);
            if (!Double.isNaN(r)) ratios.put(size.label(), r);
        }
        out.put("gureumDetectOverHaarImagesPerSecond", ratios);
        Map<String, Object> matching = new LinkedHashMap<>();
        matching.put("minIou", FaceMatching.MIN_IOU);
        matching.put("rule", "greedy one-to-one, highest IoU first");
        out.put("matching", matching);
        List<Map<String, Object>> faceList = new ArrayList<>();
        for (FaceScore f : faces) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detector", f.detector());
            m.put("size", f.size().label());
            m.put("groupFaces", f.group().result().truths());
            m.put("groupFound", f.group().result().matched());
            m.put("groupRecall", (double) f.group().result().matched() / f.group().result().truths());
            m.put("photoFaces", f.photos().truths());
            m.put("photoFound", f.photos().matched());
            m.put("falsePositives", f.falsePositives());
            m.put("frames", f.frames().stream().map(VisionReport::frameMap).toList());
            faceList.add(m);
        }
        out.put("faces", faceList);
        List<Map<String, Object>> objectList = new ArrayList<>();
        for (ObjectsFound o : objects) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frame", o.frame());
            m.put("objects", o.objects());
            objectList.add(m);
        }
        out.put("objects", objectList);
        List<Map<String, Object>> modelList = new ArrayList<>();
        for (ModelRow r : models) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.id());
            m.put("input", r.shape());
            if (r.ort1() != null) m.put("ort1Thread", r.ort1());
            if (r.ortAll() != null) m.put("ort" + threads + "Threads", r.ortAll());
            if (r.tfjs() != null) m.put("tfjsCpu", r.tfjs());
            if (r.tfjs() != null && r.ort1() != null) m.put("tfjsOverOrt1Thread", r.tfjs().p50Ms() / r.ort1().p50Ms());
            if (r.tfjs() != null && r.ortAll() != null) m.put("tfjsOverOrt" + threads + "Threads", r.tfjs().p50Ms() / r.ortAll().p50Ms());
            if (r.note() != null) m.put("note", r.note());
            modelList.add(m);
        }
        out.put("models", modelList);
        out.put("maxOtherProcessesCores", maxOtherCores());
        return out;
    }

    private static Map<String, Object> frameMap(FrameScore f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", f.frame().name());
        m.put("truth", f.frame().faces().stream().map(VisionReport::box).toList());
        m.put("detections", f.detections().stream().map(VisionReport::box).toList());
        List<Boolean> found = new ArrayList<>();
        for (boolean b : f.result().found()) found.add(b);
        m.put("found", found);
        m.put("falsePositives", f.result().falsePositives());
        return m;
    }

    private static List<Double> box(Box b) {
        return List.of(round(b.x()), round(b.y()), round(b.width()), round(b.height()));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** {@code key: value, ...} of a settings map, for the report's header. */
    static String describe(Map<String, Object> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
