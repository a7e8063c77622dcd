package io.gureum.server.vision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.facecollections.FaceBox;
import io.gureum.platform.facecollections.FaceCollection;
import io.gureum.platform.facecollections.FaceCollectionStore;
import io.gureum.platform.facecollections.FaceIndex;
import io.gureum.platform.facecollections.FaceIndexes;
import io.gureum.platform.facecollections.FacePage;
import io.gureum.platform.facecollections.NewFace;
import io.gureum.platform.facecollections.PersonMatch;
import io.gureum.platform.facecollections.StoredFace;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.MediaRequest;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.vision.face.Face;
import io.gureum.vision.face.FaceAnalysis;
import io.gureum.vision.face.FaceAnalyzer;
import io.gureum.vision.face.FaceOptions;
import io.gureum.vision.face.FaceSimilarity;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.DecodedImage;
import io.gureum.vision.image.ImageDecoder;
import io.gureum.vision.image.ImageLimits;
import io.gureum.vision.models.ModelUse;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Face collections, per project: create, list and delete collections; enrol faces from images under a
 * {@code personId}; list and delete faces or whole persons; and {@code :search} a collection with a new
 * image (the persons most like its largest face). The store lives in the platform database, so collections
 * survive restarts and are shared by every node. Enrolling and searching are billed one image each.
 */
public final class FaceCollectionRoutes {
    private static final String BASE = "/v1/vision/face-collections";
    private static final Set<String> ADD_OPTIONS = Set.of("personId", "metadata", "minFaceSize");
    private static final Set<String> SEARCH_OPTIONS = Set.of("top", "minSimilarity", "minFaceSize");
    private static final int MAX_TOP = 100;

    private final FaceAnalyzer faces;
    private final FaceCollectionStore store;
    private final FaceIndexes indexes;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public FaceCollectionRoutes(FaceAnalyzer faces, FaceCollectionStore store, FaceIndexes indexes, Metering metering,
                                JsonBodies bodies, ObjectMapper json) {
        this.faces = faces;
        this.store = store;
        this.indexes = indexes;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
    }

    public record CreateRequest(String collectionId, String description) {}

    public record CollectionView(String collectionId, String description, String embeddingModel, int faceCount, Instant createdAt) {
        static CollectionView of(FaceCollection c) {
            return new CollectionView(c.collectionId(), c.description(), c.embeddingModel(), c.faceCount(), c.createdAt());
        }
    }

    public record CollectionList(List<CollectionView> collections) {}

    public record FaceView(String faceId, String personId, JsonNode metadata, FaceBox box, int imageWidth, int imageHeight, Instant createdAt) {}

    public record FaceList(List<FaceView> faces, String nextAfter) {}

    public record AddedFace(FaceView face, int facesInImage, List<ModelUse> models) {}

    public record Match(String personId, String faceId, double similarity, boolean isSamePerson) {}

    public record QueryFace(Box box, double confidence, int facesInImage) {}

    public record SearchResponse(QueryFace face, List<Match> matches, double threshold, List<ModelUse> models) {}

    public void register(Javalin app) {
        app.post(BASE, this::create);
        app.get(BASE, this::list);
        app.get(BASE + "/{collection}", ctx -> ctx.json(CollectionView.of(store.get(project(ctx), collectionId(ctx)))));
        app.delete(BASE + "/{collection}", ctx -> {
            store.delete(project(ctx), collectionId(ctx));
            ctx.status(204);
        });
        // AIP custom method on a named resource: ':search' is part of the last path segment
        app.post(BASE + "/{collection}", this::search);
        app.post(BASE + "/{collection}/faces", this::addFace);
        app.get(BASE + "/{collection}/faces", this::listFaces);
        app.delete(BASE + "/{collection}/faces/{faceId}", ctx -> {
            store.deleteFace(project(ctx), collectionId(ctx), ctx.pathParam("faceId"));
            ctx.status(204);
        });
        app.delete(BASE + "/{collection}/persons/{personId}", ctx -> {
            store.deletePerson(project(ctx), collectionId(ctx), ctx.pathParam("personId"));
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        CreateRequest request = bodies.read(ctx, CreateRequest.class);
        if (request.collectionId() == null) throw Problem.invalid("'collectionId' is required");
        ModelUse model = faces.embeddingModel();   // 503 when the identity model is not installed
        FaceCollection created = store.create(key.projectId(), request.collectionId(), request.description(),
                model.id() + "@" + model.version(), FaceAnalyzer.EMBEDDING_DIMENSIONS);
        ctx.status(201).header("Location", BASE + "/" + created.collectionId()).json(CollectionView.of(created));
    }

    private void list(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        ctx.json(new CollectionList(store.list(key.projectId()).stream().map(CollectionView::of).toList()));
    }

    private void addFace(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        String collectionId = ctx.pathParam("collection");
        FaceCollection collection = store.get(key.projectId(), collectionId);
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image"), ADD_OPTIONS);
        String personId = request.text("personId").orElseThrow(() -> Problem.invalid("'personId' is required"));
        NewFace.checkPersonId(personId);
        String metadata = request.object("metadata", json).map(JsonNode::toString).orElse(null);
        FaceOptions options = FaceOptions.detection().withEmbedding(true).withMinFaceSize(request.integer("minFaceSize", FaceOptions.DEFAULT_MIN_FACE_SIZE));
        AddedFace added = metering.meter(ctx, key, Service.VISION, "face-collections:add", 1, () -> {
            DecodedImage image = ImageDecoder.decode(request.bytes("image"), ImageLimits.DEFAULTS);
            FaceAnalysis analysis = faces.analyze(image.image(), options);
            checkModel(collection, analysis);
            Face face = FaceRoutes.largest(analysis, "image");
            Box b = face.box();
            StoredFace stored = store.addFaces(key.projectId(), collectionId, List.of(new NewFace(personId, metadata, face.embedding(),
                    new FaceBox((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height()), image.width(), image.height()))).get(0);
            return new Metering.Outcome<>(new AddedFace(view(stored), analysis.faces().size(), analysis.models()), 201, true);
        });
        ctx.status(201).json(added);
    }

    private void listFaces(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(100);
        FacePage page = store.listFaces(key.projectId(), ctx.pathParam("collection"), ctx.queryParam("personId"), ctx.queryParam("after"), limit);
        ctx.json(new FaceList(page.faces().stream().map(this::view).toList(), page.nextAfter()));
    }

    private void search(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.VISION.scope());
        String target = ctx.pathParam("collection");
        if (!target.endsWith(":search")) {
            throw new Problem(405, "method_not_allowed", "Method not allowed",
                    "POST " + BASE + "/{collectionId} is not an operation; did you mean POST " + BASE + "/{collectionId}:search?");
        }
        String collectionId = target.substring(0, target.length() - ":search".length());
        FaceCollection collection = store.get(key.projectId(), collectionId);
        MediaRequest request = MediaRequest.read(ctx, json, MediaRequest.Kind.IMAGE, List.of("image"), SEARCH_OPTIONS);
        int top = request.integer("top", 5);
        if (top < 1 || top > MAX_TOP) throw Problem.invalid("'top' must be 1-" + MAX_TOP);
        double minSimilarity = request.decimal("minSimilarity", 0);
        FaceOptions options = FaceOptions.detection().withEmbedding(true).withMinFaceSize(request.integer("minFaceSize", FaceOptions.DEFAULT_MIN_FACE_SIZE));
        SearchResponse response = metering.meter(ctx, key, Service.VISION, "face-collections:search", 1, () -> {
            FaceAnalysis analysis = faces.analyze(ImageDecoder.decode(request.bytes("image"), ImageLimits.DEFAULTS).image(), options);
            checkModel(collection, analysis);
            Face face = FaceRoutes.largest(analysis, "image");
            FaceIndex index = indexes.index(key.projectId(), collectionId);
            List<Match> matches = index.search(face.embedding(), top, minSimilarity).stream().map(FaceCollectionRoutes::match).toList();
            return new Metering.Outcome<>(new SearchResponse(new QueryFace(face.box(), face.confidence(), analysis.faces().size()),
                    matches, FaceSimilarity.SAME_PERSON_THRESHOLD, analysis.models()), 200, true);
        });
        ctx.json(response);
    }

    private static Match match(PersonMatch m) {
        double similarity = Math.round(m.similarity() * 10000) / 10000.0;
        return new Match(m.personId(), m.faceId(), similarity, similarity >= FaceSimilarity.SAME_PERSON_THRESHOLD);
    }

    /** Vectors from different models cannot be compared: a collection keeps the model it was created with. */
    private static void checkModel(FaceCollection collection, FaceAnalysis analysis) {
        ModelUse used = analysis.models().stream().filter(m -> m.task().equals(FaceAnalyzer.ATTRIBUTES_TASK)).findFirst().orElseThrow();
        String now = used.id() + "@" + used.version();
        if (!now.equals(collection.embeddingModel())) {
            throw Problem.conflict("embedding_model_changed", "Collection '" + collection.collectionId() + "' holds vectors of "
                    + collection.embeddingModel() + " but this server now computes them with " + now
                    + "; create a new collection and enrol the faces again.");
        }
    }

    private FaceView view(StoredFace f) {
        JsonNode metadata = null;
        if (f.metadataJson() != null) {
            try {
                metadata = json.readTree(f.metadataJson());
            } catch (IOException e) {
                throw new IllegalStateException("stored metadata of face " + f.faceId() + " is not JSON", e);
            }
        }
        return new FaceView(f.faceId(), f.personId(), metadata, f.box(), f.imageWidth(), f.imageHeight(), f.createdAt());
    }

    private static String project(Context ctx) {
        return ApiAccess.requireScope(ctx, Service.VISION.scope()).projectId();
    }

    private static String collectionId(Context ctx) {
        return ctx.pathParam("collection");
    }
}
