package io.gureum.server.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.projects.ProjectPolicies;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.MediaRequest;
import io.gureum.server.metering.Metering;
import io.gureum.vision.face.Face;
import io.gureum.vision.face.FaceAnalysis;
import io.gureum.vision.face.FaceAnalyzer;
import io.gureum.vision.face.FaceAttribute;
import io.gureum.vision.face.FaceOptions;
import io.gureum.vision.face.FaceSimilarity;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.DecodedImage;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageLimits;
import io.gureum.vision.models.ModelUse;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/vision/faces:detect} and {@code POST /v1/vision/faces:verify}. Billed in images: one per
 * image analysed, charged only when the call succeeds. Age, gender and emotion can be switched off per
 * project ({@link ProjectPolicies}); asking for a disabled one is refused (403), never silently dropped.
 */
public final class FaceRoutes {
    static final Set<String> DETECT_OPTIONS = Set.of("attributes", "embedding", "maxFaces", "minFaceSize", "minConfidence", "model");
    private static final Set<String> VERIFY_OPTIONS = Set.of("minFaceSize");

    private final FaceAnalyzer faces;
    private final ProjectPolicies policies;
    private final Metering metering;
    private final ObjectMapper json;

    public FaceRoutes(FaceAnalyzer faces, ProjectPolicies policies, Metering metering, ObjectMapper json) {
        this.faces = faces;
        this.policies = policies;
        this.metering = metering;
        this.json = json;
    }

    /** The image as analysed: its size after EXIF orientation, its format, and the orientation applied. */
    public record ImageInfo(int width, int height, String format, int orientation) {
        static ImageInfo of(DecodedImage image) {
            return new ImageInfo(image.width(), image.height(), image.format().name().toLowerCase(), image.orientation());
        }
    }

    public record DetectResponse(ImageInfo image, List<Face> faces, List<ModelUse> models) {}

    /** The face each image was compared by (the largest), without its vector. */
    public record VerifiedFace(Box box, double confidence, int facesInImage) {}

    public record VerifyResponse(double similarity, boolean isSamePerson, double threshold, VerifiedFace face1, VerifiedFace face2,
                                 List<ModelUse> models) {}

    public void register(Javalin app) {
        app.post("/v1/vision/faces:detect", this::detect);
        app.post("/v1/vision/faces:verify", this::verify);
    }

    private void detect(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image"), DETECT_OPTIONS);
        FaceOptions options = options(request, key);
        DetectResponse response = metering.meter(ctx, key, Service.VISION, "faces:detect", 1, () -> {
            DecodedImage image = ImageDecoder.decode(request.bytes("image"), ImageLimits.DEFAULTS);
            FaceAnalysis analysis = faces.analyze(image.image(), options);
            return new Metering.Outcome<>(new DetectResponse(ImageInfo.of(image), analysis.faces(), analysis.models()), 200, true);
        });
        ctx.json(response);
    }

    private void verify(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image1", "image2"), VERIFY_OPTIONS);
        FaceOptions options = FaceOptions.detection().withEmbedding(true)
                .withMinFaceSize(request.integer("minFaceSize", FaceOptions.DEFAULT_MIN_FACE_SIZE));
        VerifyResponse response = metering.meter(ctx, key, Service.VISION, "faces:verify", 2, () -> {
            FaceAnalysis first = faces.analyze(ImageDecoder.decode(request.bytes("image1"), ImageLimits.DEFAULTS).image(), options);
            FaceAnalysis second = faces.analyze(ImageDecoder.decode(request.bytes("image2"), ImageLimits.DEFAULTS).image(), options);
            Face a = largest(first, "image1");
            Face b = largest(second, "image2");
            double similarity = Math.round(FaceSimilarity.cosine(a.embedding(), b.embedding()) * 10000) / 10000.0;
            return new Metering.Outcome<>(new VerifyResponse(similarity, similarity >= FaceSimilarity.SAME_PERSON_THRESHOLD,
                    FaceSimilarity.SAME_PERSON_THRESHOLD,
                    new VerifiedFace(a.box(), a.confidence(), first.faces().size()),
                    new VerifiedFace(b.box(), b.confidence(), second.faces().size()), first.models()), 200, true);
        });
        ctx.json(response);
    }

    /** The face an identity call is about: the largest, as AWS CompareFaces and SearchFacesByImage take it. */
    static Face largest(FaceAnalysis analysis, String field) {
        return analysis.faces().stream().max(Comparator.comparingDouble(f -> f.box().area()))
                .orElseThrow(() -> new Problem(422, "no_face", "No face found",
                        "No face was found in '" + field + "' (faces from " + FaceOptions.DEFAULT_MIN_FACE_SIZE
                                + " pixels up are looked for; lower 'minFaceSize' for smaller ones)."));
    }

    private FaceOptions options(MediaRequest request, ApiKey key) {
        EnumSet<FaceAttribute> attributes = EnumSet.noneOf(FaceAttribute.class);
        for (String name : request.list("attributes")) {
            attributes.add(FaceAttribute.byWireName(name).orElseThrow(() -> Problem.invalid(
                    "Unknown attribute '" + name + "'; known: age, gender, emotion")));
        }
        Set<String> disabled = policies.disabledFaceAttributes(key.projectId());
        List<String> refused = new ArrayList<>();
        for (FaceAttribute a : attributes) if (disabled.contains(a.wireName())) refused.add(a.wireName());
        if (!refused.isEmpty()) {
            throw new Problem(403, "attribute_disabled", "Attribute disabled",
                    "This project's policy disables the face attribute(s) " + refused + "; an administrator can change it with "
                            + "PUT /v1/projects/" + key.projectId() + "/policy.");
        }
        return new FaceOptions(attributes, request.bool("embedding", false),
                request.integer("maxFaces", 100),
                request.integer("minFaceSize", FaceOptions.DEFAULT_MIN_FACE_SIZE),
                request.decimal("minConfidence", FaceOptions.DEFAULT_MIN_CONFIDENCE),
                request.text("model").filter(s -> !s.isBlank()).map(ModelRef::parse));
    }
}
