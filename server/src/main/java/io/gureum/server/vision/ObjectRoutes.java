package io.gureum.server.vision;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.ModelRef;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.MediaRequest;
import io.gureum.server.metering.Metering;
import io.gureum.vision.image.DecodedImage;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageLimits;
import io.gureum.vision.models.ModelUse;
import io.gureum.vision.objects.DetectedObject;
import io.gureum.vision.objects.ObjectAnalysis;
import io.gureum.vision.objects.ObjectDetection;
import io.gureum.vision.objects.ObjectOptions;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Set;

/** {@code POST /v1/vision/objects:detect}: COCO objects with boxes. Billed one image per successful call. */
public final class ObjectRoutes {
    private static final Set<String> OPTIONS = Set.of("minConfidence", "maxObjects", "model");

    private final ObjectDetection objects;
    private final Metering metering;
    private final ObjectMapper json;

    public ObjectRoutes(ObjectDetection objects, Metering metering, ObjectMapper json) {
        this.objects = objects;
        this.metering = metering;
        this.json = json;
    }

    public record DetectResponse(FaceRoutes.ImageInfo image, List<DetectedObject> objects, List<ModelUse> models) {}

    public void register(Javalin app) {
        app.post("/v1/vision/objects:detect", this::detect);
    }

    private void detect(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image"), OPTIONS);
        ObjectOptions options = new ObjectOptions(
                request.decimal("minConfidence", ObjectOptions.DEFAULT_MIN_CONFIDENCE),
                request.integer("maxObjects", ObjectOptions.DEFAULT_MAX_OBJECTS),
                request.text("model").filter(s -> !s.isBlank()).map(ModelRef::parse));
        DetectResponse response = metering.meter(ctx, key, Service.VISION, "objects:detect", 1, () -> {
            DecodedImage image = ImageDecoder.decode(request.bytes("image"), ImageLimits.DEFAULTS);
            ObjectAnalysis analysis = objects.detect(image.image(), options);
            return new Metering.Outcome<>(new DetectResponse(FaceRoutes.ImageInfo.of(image), analysis.objects(), analysis.models()), 200, true);
        });
        ctx.json(response);
    }
}
