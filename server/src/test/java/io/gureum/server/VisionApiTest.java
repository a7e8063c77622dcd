package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The vision API end to end on the real models and the skimage photos: faces (three ways of sending the image),
 * attributes and the project policy that disables them, verification, collections surviving a restart, objects,
 * metering, and clear problems for bad images. Every response is checked against openapi.yaml by {@link ApiClient}.
 */
class VisionApiTest {
    private static final Path PHOTOS = Path.of("/usr/lib/python3/dist-packages/skimage/data");
    private static TestServer server;
    private static String key;
    private static String admin;
    private static String projectId;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isRegularFile(PHOTOS.resolve("astronaut.png")), "install python3-skimage for the test photos");
        server = TestServer.start(null, Map.of());
        admin = server.adminKey(); // still valid after the restart in the collections test
        projectId = server.api.postJson("/v1/projects", admin, Map.of("name", "vision")).json().get("id").asText();
        key = server.api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "app", "scopes", List.of("vision"))).json().get("secret").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static byte[] photo(String name) {
        try {
            return Files.readAllBytes(PHOTOS.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void detectsTheAstronautsFaceWithAttributesSentAsRawBytes() {
        ApiClient.Response r = server.api.send("POST", "/v1/vision/faces:detect?attributes=age,gender,emotion&embedding=true", key,
                "image/png", photo("astronaut.png"), Map.of());
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.at("/image/width").asInt()).isEqualTo(512);
        assertThat(body.at("/image/format").asText()).isEqualTo("png");
        assertThat(body.get("faces")).hasSize(1);
        JsonNode face = body.at("/faces/0");
        assertThat(face.at("/box/x").asDouble()).isBetween(150.0, 200.0);
        assertThat(face.at("/landmarks/leftEye/x").asDouble()).isLessThan(face.at("/landmarks/rightEye/x").asDouble());
        assertThat(face.at("/attributes/age").asDouble()).isBetween(25.0, 50.0);
        assertThat(face.at("/attributes/gender/value").asText()).isEqualTo("female");
        assertThat(face.at("/attributes/emotion/dominant").asText()).isEqualTo("happiness");
        assertThat(face.get("embedding")).hasSize(1024);
        assertThat(body.get("models").findValuesAsText("id")).containsExactly("blazeface-back", "faceres", "emotion");
        assertThat(body.at("/models/0/version").asText()).isEqualTo("3.0.4");
    }

    @Test
    void acceptsMultipartAndBase64Json() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("attributes", "gender");
        ApiClient.Response multipart = postMultipart("/v1/vision/faces:detect", Map.of("image", photo("camera.png")), fields);
        assertThat(multipart.status()).isEqualTo(200);
        assertThat(multipart.json().at("/faces/0/attributes/gender/value").asText()).isEqualTo("male");
        assertThat(multipart.json().at("/faces/0/attributes/age").isMissingNode()).isTrue();

        ApiClient.Response json = server.api.postJson("/v1/vision/faces:detect", key, Map.of(
                "image", "data:image/png;base64," + Base64.getEncoder().encodeToString(photo("camera.png")), "maxFaces", 1));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("faces")).hasSize(1);

        ApiClient.Response typo = server.api.postJson("/v1/vision/faces:detect", key, Map.of(
                "image", Base64.getEncoder().encodeToString(photo("camera.png")), "maxFace", 1));
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.json().get("detail").asText()).contains("maxFace");
    }

    @Test
    void detectsTheObjectOfEachPhoto() {
        Map<String, String> expected = Map.of("chelsea.png", "cat", "coffee.png", "cup", "motorcycle_left.png", "motorcycle",
                "astronaut.png", "person");
        expected.forEach((name, label) -> {
            ApiClient.Response r = server.api.send("POST", "/v1/vision/objects:detect", key, "image/png", photo(name), Map.of());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("objects").findValuesAsText("label")).as(name).contains(label);
            assertThat(r.json().at("/models/0/id").asText()).isEqualTo("nanodet");
        });
        ApiClient.Response few = server.api.send("POST", "/v1/vision/objects:detect?maxObjects=1&minConfidence=0.5", key,
                "image/png", photo("motorcycle_left.png"), Map.of());
        assertThat(few.json().get("objects")).hasSize(1);
    }

    @Test
    void verifiesTheSamePersonAndRejectsAnother() {
        byte[] shifted = shiftedAndRescaled(photo("astronaut.png"));
        ApiClient.Response same = server.api.postJson("/v1/vision/faces:verify", key, Map.of(
                "image1", Base64.getEncoder().encodeToString(photo("astronaut.png")), "image2", Base64.getEncoder().encodeToString(shifted)));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("isSamePerson").asBoolean()).isTrue();
        ApiClient.Response other = postMultipart("/v1/vision/faces:verify",
                Map.of("image1", photo("astronaut.png"), "image2", photo("camera.png")), Map.of());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("isSamePerson").asBoolean()).isFalse();
        assertThat(other.json().get("similarity").asDouble()).isLessThan(other.json().get("threshold").asDouble());
        ApiClient.Response noFace = postMultipart("/v1/vision/faces:verify",
                Map.of("image1", photo("astronaut.png"), "image2", photo("coffee.png")), Map.of());
        assertThat(noFace.status()).isEqualTo(422);
        assertThat(noFace.problemCode()).isEqualTo("no_face");
    }

    @Test
    void collectionsEnrolSearchDeleteAndSurviveARestart() {
        ApiClient api = server.api;
        assertThat(api.postJson("/v1/vision/face-collections", key, Map.of("collectionId", "crew", "description", "test")).status()).isEqualTo(201);
        assertThat(api.postJson("/v1/vision/face-collections", key, Map.of("collectionId", "crew")).problemCode()).isEqualTo("collection_exists");
        ApiClient.Response eileen = api.send("POST", "/v1/vision/face-collections/crew/faces?personId=eileen&metadata=%7B%22role%22%3A%22commander%22%7D",
                key, "image/png", photo("astronaut.png"), Map.of());
        assertThat(eileen.status()).isEqualTo(201);
        assertThat(eileen.json().at("/face/metadata/role").asText()).isEqualTo("commander");
        Map<String, Object> fields = Map.of("personId", "cameraman");
        ApiClient.Response cameraman = postMultipart("/v1/vision/face-collections/crew/faces", Map.of("image", photo("camera.png")), fields);
        assertThat(cameraman.status()).isEqualTo(201);

        ApiClient.Response found = api.send("POST", "/v1/vision/face-collections/crew:search", key, "image/png",
                shiftedAndRescaled(photo("astronaut.png")), Map.of());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().at("/matches/0/personId").asText()).isEqualTo("eileen");
        assertThat(found.json().at("/matches/0/isSamePerson").asBoolean()).isTrue();
        assertThat(found.json().at("/matches/1/personId").asText()).isEqualTo("cameraman");
        assertThat(found.json().at("/matches/1/isSamePerson").asBoolean()).isFalse();
        assertThat(api.get("/v1/vision/face-collections/crew", key).json().get("faceCount").asInt()).isEqualTo(2);

        // restart on the same home and database: the collection and its faces are still there
        Path home = server.home;
        server.close();
        server = TestServer.restart(home, null);
        api = server.api;
        assertThat(api.get("/v1/vision/face-collections", key).json().at("/collections/0/collectionId").asText()).isEqualTo("crew");
        ApiClient.Response again = api.send("POST", "/v1/vision/face-collections/crew:search?top=1", key, "image/png", photo("astronaut.png"), Map.of());
        assertThat(again.json().get("matches")).hasSize(1);
        assertThat(again.json().at("/matches/0/personId").asText()).isEqualTo("eileen");

        String faceId = eileen.json().at("/face/faceId").asText();
        assertThat(api.delete("/v1/vision/face-collections/crew/faces/" + faceId, key).status()).isEqualTo(204);
        assertThat(api.delete("/v1/vision/face-collections/crew/faces/" + faceId, key).status()).isEqualTo(404);
        assertThat(api.get("/v1/vision/face-collections/crew/faces", key).json().get("faces").findValuesAsText("personId"))
                .containsExactly("cameraman");
        assertThat(api.get("/v1/vision/face-collections/crew/faces?personId=cameraman&limit=1", key).json().get("faces")).hasSize(1);
        assertThat(api.delete("/v1/vision/face-collections/crew/persons/cameraman", key).status()).isEqualTo(204);
        assertThat(api.delete("/v1/vision/face-collections/crew/persons/cameraman", key).status()).isEqualTo(404);
        assertThat(api.get("/v1/vision/face-collections/crew/faces", key).json().get("faces")).isEmpty();
        assertThat(api.delete("/v1/vision/face-collections/crew", key).status()).isEqualTo(204);
        assertThat(api.get("/v1/vision/face-collections/crew", key).status()).isEqualTo(404);
    }

    @Test
    void aProjectPolicyRefusesDisabledAttributesClearly() {
        String other = server.api.postJson("/v1/projects", admin, Map.of("name", "no-attributes")).json().get("id").asText();
        String otherKey = server.api.postJson("/v1/projects/" + other + "/keys", admin,
                Map.of("name", "k", "scopes", List.of("vision"))).json().get("secret").asText();
        assertThat(server.api.send("PUT", "/v1/projects/" + other + "/policy", admin, "application/json",
                "{\"disabledFaceAttributes\":[\"age\",\"gender\"]}".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(200);
        ApiClient.Response refused = server.api.send("POST", "/v1/vision/faces:detect?attributes=emotion,age", otherKey,
                "image/png", photo("astronaut.png"), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("attribute_disabled");
        assertThat(refused.json().get("detail").asText()).contains("age");
        ApiClient.Response allowed = server.api.send("POST", "/v1/vision/faces:detect?attributes=emotion", otherKey,
                "image/png", photo("astronaut.png"), Map.of());
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().at("/faces/0/attributes/emotion/dominant").asText()).isEqualTo("happiness");
    }

    @Test
    void badImagesGetClearProblemsAndAreNotBilled() {
        server.gureum().usage().flush();
        long before = imagesBilled();
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect", key, "image/png", new byte[0], Map.of()), 400, "empty_body");
        byte[] png = photo("astronaut.png");
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect", key, "image/png", Arrays.copyOf(png, png.length / 3), Map.of()),
                422, "invalid_image");
        assertProblem(server.api.send("POST", "/v1/vision/objects:detect", key, "image/png", pngBomb(60_000, 60_000), Map.of()),
                413, "image_too_large");
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect", key, "image/gif", gif(), Map.of()), 415, "unsupported_image_format");
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect", key, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), Map.of()),
                415, "unsupported_media_type");
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect?attributes=beauty", key, "image/png", png, Map.of()),
                422, "validation_failed");
        assertProblem(server.api.send("POST", "/v1/vision/objects:detect?model=faceres", key, "image/png", png, Map.of()),
                404, "unknown_model");
        String languageOnly = server.api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "lang", "scopes", List.of("language"))).json().get("secret").asText();
        assertProblem(server.api.send("POST", "/v1/vision/faces:detect", languageOnly, "image/png", png, Map.of()), 403, "scope_denied");
        server.gureum().usage().flush();
        assertThat(imagesBilled()).isEqualTo(before);

        assertThat(server.api.send("POST", "/v1/vision/faces:detect", key, "image/png", png, Map.of()).status()).isEqualTo(200);
        server.gureum().usage().flush();
        assertThat(imagesBilled()).isEqualTo(before + 1);
    }

    private static long imagesBilled() {
        JsonNode rows = server.api.get("/v1/usage?groupBy=service", key).json().get("rows");
        for (JsonNode row : rows) {
            if (row.get("service").asText().equals("vision")) {
                assertThat(row.get("unit").asText()).isEqualTo("images");
                return row.get("units").asLong();
            }
        }
        return 0;
    }

    private static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.problemCode()).isEqualTo(code);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    private static ApiClient.Response postMultipart(String path, Map<String, byte[]> files, Map<String, Object> fields) {
        String boundary = "gureum-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        files.forEach((name, bytes) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.api.send("POST", path, key, "multipart/form-data; boundary=" + boundary, body.toByteArray(), Map.of());
    }

    /** The photo scaled to 70% and placed off-centre on a larger grey canvas, re-encoded as JPEG. */
    private static byte[] shiftedAndRescaled(byte[] png) {
        try {
            BufferedImage src = ImageIO.read(new java.io.ByteArrayInputStream(png));
            BufferedImage canvas = new BufferedImage(800, 600, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = canvas.createGraphics();
            g.setColor(Color.GRAY);
            g.fillRect(0, 0, 800, 600);
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 230, 95, (int) (src.getWidth() * 0.7), (int) (src.getHeight() * 0.7), null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(canvas, "jpeg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tiny PNG whose header claims {@code width x height} pixels: a decompression bomb, refused before decoding. */
    private static byte[] pngBomb(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        chunk(out, "IHDR", ihdr);
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] gif() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
