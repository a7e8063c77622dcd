package io.gureum.server;

import io.gureum.core.ModelRef;
import io.gureum.language.LanguageDetection;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.language.sentiment.SentimentAnalysis;
import io.gureum.vision.face.FaceAnalyzer;
import io.gureum.vision.objects.ObjectDetection;
import io.gureum.vision.ocr.paddle.PaddleOcr;
import io.gureum.speech.stt.sphinx.SphinxRecognizer;
import io.gureum.speech.vad.VoiceActivityDetector;
import io.gureum.platform.db.Database;
import io.gureum.platform.keys.CreatedKey;
import io.gureum.platform.keys.KeyStore;
import io.gureum.platform.keys.NewKey;
import io.gureum.platform.keys.RateLimit;
import io.gureum.platform.projects.ProjectStore;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStatus;
import io.gureum.runtime.models.ModelStore;
import io.gureum.server.http.BuildInfo;
import io.gureum.server.http.GureumHttp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The {@code gureum} command line: serve, worker, models, keys. The launcher script builds, then calls this. */
@Command(name = "gureum", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {Main.Serve.class, Main.Worker.class, Main.Models.class, Main.Keys.class},
        description = "Gureum: a self-hosted AI cloud.")
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"gureum " + BuildInfo.version()}; }
    }

    /** What `gureum start` installs: the default model of every task the API serves. */
    static List<ModelPack> defaultPacks(ModelCatalog catalog) {
        return java.util.stream.Stream.of(LanguageDetection.TASK, FaceAnalyzer.DETECTION_TASK, FaceAnalyzer.ATTRIBUTES_TASK,
                        FaceAnalyzer.EMOTION_TASK, ObjectDetection.TASK, PaddleOcr.TASK, SphinxRecognizer.TASK,
                        VoiceActivityDetector.TASK, SentimentAnalysis.TASK, TextEmbeddings.TASK)
                .flatMap(task -> catalog.defaultFor(task).stream()).toList();
    }

    @Command(name = "serve", description = "Serve the API, console and docs, and run operation workers.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--port", description = "HTTP port (default: $GUREUM_PORT or 8080)") Integer port;
        @Option(names = "--no-workers", description = "Serve the API only; leave operations to `gureum worker` nodes") boolean noWorkers;

        @Override
        public Integer call() throws Exception {
            ServerConfig env = ServerConfig.fromEnvironment();
            ServerConfig config = port == null ? env : env.withPort(port);
            Gureum gureum = new Gureum(config);
            AdminBootstrap.ensureAdminKey(gureum.projects(), gureum.keys(), config.home().adminKeyFile()).ifPresent(secret -> {
                System.out.println();
                System.out.println("  Admin key (shown once; also saved to " + config.home().adminKeyFile() + ", mode 0600):");
                System.out.println("    " + secret);
                System.out.println();
            });
            GureumHttp http = new GureumHttp(gureum).start(config.bindHost(), config.port());
            if (!noWorkers) gureum.startWorkers();
            warmUpInBackground(gureum);
            System.out.println("Gureum " + BuildInfo.version() + " serving on http://localhost:" + http.port()
                    + "  (console: http://localhost:" + http.port() + "/console; API reference: http://localhost:" + http.port()
                    + "/docs; data in " + config.home().root() + ")");
            awaitShutdown(() -> {
                http.close();
                gureum.close();
            });
            return 0;
        }
    }

    @Command(name = "worker", description = "Run operation workers only (no HTTP), against the configured database.")
    static final class Worker implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Gureum gureum = new Gureum(ServerConfig.fromEnvironment());
            gureum.startWorkers();
            warmUpInBackground(gureum);
            System.out.println("Gureum worker " + gureum.config().nodeId() + " running");
            awaitShutdown(gureum::close);
            return 0;
        }
    }

    private static void warmUpInBackground(Gureum gureum) {
        Thread t = new Thread(() -> {
            try {
                gureum.languageDetection().warmUp();
            } catch (RuntimeException e) {
                System.err.println("Language models not loaded: " + e.getMessage());
            }
            try {
                gureum.textEmbeddings().warmUp();
            } catch (RuntimeException e) {
                System.err.println("Text embedding model not loaded: " + e.getMessage());
            }
            try {
                gureum.faceAnalyzer().warmUp();
                gureum.objectDetection().warmUp();
            } catch (RuntimeException e) {
                System.err.println("Vision models not loaded: " + e.getMessage());
            }
            try {
                gureum.transcriber().vad();
                gureum.sphinx().warmUp();
            } catch (RuntimeException e) {
                System.err.println("Speech models not loaded: " + e.getMessage());
            }
        }, "warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void awaitShutdown(Runnable close) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    @Command(name = "models", description = "List and install model packs.", subcommands = {Models.ListModels.class, Models.Install.class})
    static final class Models {
        static ModelStore store() {
            return new ModelStore(ServerConfig.fromEnvironment().home().models(), ModelCatalog.builtIn());
        }

        @Command(name = "list", description = "The catalog: id, version, task, licence, installed, size.")
        static final class ListModels implements Callable<Integer> {
            @Override
            public Integer call() {
                ModelStore store = store();
                System.out.printf("%-22s %-9s %-20s %-11s %-9s %10s  %s%n", "ID", "VERSION", "TASK", "LICENCE", "INSTALLED", "SIZE", "SOURCE");
                for (ModelStatus s : store.list()) {
                    ModelPack p = s.pack();
                    System.out.printf("%-22s %-9s %-20s %-11s %-9s %10s  %s%n", p.id() + (p.isDefault() ? "*" : ""), p.version(),
                            p.task(), p.licence(), s.installed() ? "yes" : "no", s.installed() ? human(s.sizeBytes()) : "-", p.source());
                }
                System.out.println("* default for its task. Models folder: " + store.root());
                for (ModelStatus s : store.list()) {
                    if (s.pack().suppliedByUser() && !s.installed()) System.out.println(store.placementInstructions(s.pack()));
                }
                return 0;
            }
        }

        @Command(name = "install", description = "Install packs (default: the task defaults of every service).")
        static final class Install implements Callable<Integer> {
            @Parameters(arity = "0..*", paramLabel = "ID[@VERSION]") List<String> ids = new ArrayList<>();
            @Option(names = "--all", description = "Install every pack in the catalog") boolean all;

            @Override
            public Integer call() {
                ModelStore store = store();
                ModelCatalog catalog = store.catalog();
                Set<ModelPack> packs = new LinkedHashSet<>();
                if (all) packs.addAll(catalog.packs());
                for (String id : ids) {
                    ModelRef ref = ModelRef.parse(id);
                    packs.add(catalog.find(ref.id(), ref.version()).orElseThrow(() ->
                            new CommandLine.ParameterException(new CommandLine(this), "no pack '" + id + "' in the catalog; `gureum models list` shows them")));
                }
                if (!all && ids.isEmpty()) packs.addAll(defaultPacks(catalog));
                new ModelInstaller(store, InstallProgress.console(System.out)).install(packs);
                return 0;
            }
        }
    }

    @Command(name = "keys", description = "Manage API keys directly in the database.", subcommands = {Keys.Create.class})
    static final class Keys {
        @Command(name = "create", description = "Create a key for a project (the project is created when absent) and print its secret once.")
        static final class Create implements Callable<Integer> {
            @Option(names = "--project", required = true) String project;
            @Option(names = "--scopes", required = true, split = ",", description = "e.g. language") List<String> scopes;
            @Option(names = "--name", description = "default: cli") String name = "cli";
            @Option(names = "--expires-at", description = "ISO instant, e.g. 2027-01-01T00:00:00Z") Instant expiresAt;
            @Option(names = "--requests-per-second") Double requestsPerSecond;
            @Option(names = "--burst") Integer burst;
            @Option(names = "--quota", description = "service=units per month, e.g. language=1000000") Map<String, Long> quotas = new HashMap<>();

            @Override
            public Integer call() {
                ServerConfig config = ServerConfig.fromEnvironment();
                try (Database db = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), 2)) {
                    Clock clock = Clock.systemUTC();
                    String projectId = new ProjectStore(db, clock).findOrCreate(project).id();
                    RateLimit limit = requestsPerSecond == null ? null
                            : new RateLimit(requestsPerSecond, Optional.ofNullable(burst).orElse((int) Math.ceil(requestsPerSecond)));
                    CreatedKey key = new KeyStore(db, clock).create(new NewKey(projectId, name, Set.copyOf(scopes), expiresAt, limit, quotas));
                    System.out.println("Created key " + key.key().id() + " in project " + project + " (" + projectId + "), scopes " + scopes + ".");
                    System.out.println("Secret (shown once):");
                    System.out.println(key.secret());
                }
                return 0;
            }
        }
    }

    static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format("%.1f KB", bytes / 1024.0);
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
