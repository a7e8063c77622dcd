package io.gureum.server;

import io.gureum.language.LanguageDetection;
import io.gureum.language.translation.TranslationService;
import io.gureum.language.pii.PiiDetection;
import io.gureum.language.sentiment.SentimentAnalysis;
import io.gureum.language.embeddings.BatchSettings;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.platform.blobs.BlobStore;
import io.gureum.platform.blobs.FileBlobStore;
import io.gureum.platform.bots.BotSessionStore;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.facecollections.FaceCollectionStore;
import io.gureum.platform.facecollections.FaceIndexes;
import io.gureum.platform.keys.Authenticator;
import io.gureum.platform.keys.KeyStore;
import io.gureum.platform.limits.QuotaLedger;
import io.gureum.platform.limits.RateLimiter;
import io.gureum.platform.operations.OperationHandler;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.OperationWorkers;
import io.gureum.platform.operations.WorkerSettings;
import io.gureum.platform.projects.ProjectPolicies;
import io.gureum.platform.projects.ProjectStore;
import io.gureum.platform.usage.UsageRecorder;
import io.gureum.platform.usage.UsageReports;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.platform.webhooks.WebhookSender;
import io.gureum.chatbot.nlu.IntentClassifierTrainer;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.server.automl.BatchPredictOperation;
import io.gureum.server.automl.ExperimentOperation;
import io.gureum.server.automl.ScoringModels;
import io.gureum.server.chatbot.BotRuntimes;
import io.gureum.server.chatbot.BotTrainOperation;
import io.gureum.server.http.Json;
import org.slf4j.LoggerFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.server.language.LanguageDetectOperation;
import io.gureum.vision.face.FaceAnalyzer;
import io.gureum.vision.objects.ObjectDetection;
import io.gureum.vision.ocr.OcrService;
import io.gureum.vision.ocr.paddle.PaddleOcr;
import io.gureum.vision.ocr.tesseract.TesseractOcr;
import io.gureum.server.speech.TranscribeOperation;
import io.gureum.server.vision.OcrAnalyzeOperation;
import io.gureum.speech.audio.AudioDecoder;
import io.gureum.speech.audio.AudioLimits;
import io.gureum.speech.audio.Ffmpeg;
import io.gureum.speech.stt.SpeechRecognizer;
import io.gureum.speech.stt.Transcriber;
import io.gureum.speech.stt.sphinx.SphinxRecognizer;
import io.gureum.speech.stt.vosk.VoskRecognizer;
import io.gureum.speech.stt.whisper.WhisperRecognizer;
import io.gureum.speech.tts.TextToSpeech;
import io.gureum.speech.vad.VoiceActivityDetector;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One node's parts, wired once: stores, services, limits, metering and the operation workers.
 * The HTTP layer and the CLI both start from here; nothing in it is static.
 */
public final class Gureum implements AutoCloseable {
    private final ServerConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Database database;
    private final BlobStore blobs;
    private final ProjectStore projects;
    private final ProjectPolicies projectPolicies;
    private final KeyStore keys;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final QuotaLedger quotas;
    private final UsageRecorder usage;
    private final UsageReports usageReports;
    private final OperationService operations;
    private final WebhookPolicy webhookPolicy;
    private final ModelStore models;
    private final LanguageDetection languageDetection;
    private final TranslationService translation;
    private final SentimentAnalysis sentiment;
    private final PiiDetection pii = new PiiDetection();
    private final TextEmbeddings textEmbeddings;
    private final FaceAnalyzer faceAnalyzer;
    private final ObjectDetection objectDetection;
    private final FaceCollectionStore faceCollections;
    private final FaceIndexes faceIndexes;
    private final OcrService ocr;
    private final AudioDecoder audioDecoder;
    private final SphinxRecognizer sphinx;
    private final Transcriber transcriber;
    private final TextToSpeech textToSpeech;
    private final Ffmpeg ffmpeg;
    private final WebhookSender webhookSender;
    private final BotStore bots;
    private final BotSessionStore botSessions;
    private final BotRuntimes botRuntimes;
    private final AutomlStore automl;
    private final ScoringModels scoringModels;
    private OperationWorkers workers;
    private ScheduledExecutorService maintenance;

    public Gureum(ServerConfig config) {
        this.config = config;
        this.database = Database.open(config.effectiveDbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        this.blobs = new FileBlobStore(config.home().blobs());
        this.projects = new ProjectStore(database, clock);
        this.projectPolicies = new ProjectPolicies(database, clock);
        this.keys = new KeyStore(database, clock);
        this.authenticator = new Authenticator(keys, clock);
        this.quotas = new QuotaLedger(database, clock);
        this.usage = new UsageRecorder(database);
        this.usageReports = new UsageReports(database);
        this.operations = new OperationService(database, blobs, clock);
        this.webhookPolicy = new WebhookPolicy(config.allowPrivateWebhooks(), config.webhookAllowedHosts());
        this.webhookSender = new WebhookSender(webhookPolicy, WebhookSender.newHttpClient());
        this.models = new ModelStore(config.home().models(), ModelCatalog.builtIn());
        this.languageDetection = new LanguageDetection(models);
        // apertium's pipelines start on a pair's first request; texts sent without a language are detected
        this.translation = TranslationService.installed(languageDetection);
        this.sentiment = new SentimentAnalysis(models, languageDetection);
        OnnxModel.Options onnx = OnnxModel.Options.defaults();
        // one ONNX Runtime thread per run and one run per core: concurrent texts keep every core busy without
        // ORT's spinning threads competing with each other (see TextEmbeddings)
        this.textEmbeddings = new TextEmbeddings(models, onnx.withIntraOpThreads(1), BatchSettings.defaults());
        // one ONNX Runtime thread per face-model run: an image's tiles already run in parallel, and ORT's
        // spinning intra-op threads on top of them made detection slower (1280x720: 57 ms against 80 ms on 2 cores)
        this.faceAnalyzer = new FaceAnalyzer(models, onnx.withIntraOpThreads(1));
        this.objectDetection = new ObjectDetection(models, onnx);
        this.faceCollections = new FaceCollectionStore(database, clock);
        this.faceIndexes = new FaceIndexes(faceCollections, FaceIndexes.DEFAULT_MAX_BYTES);
        // the more accurate engine first: engine=auto takes the first that reads every requested language
        this.ocr = new OcrService(List.of(new PaddleOcr(models, onnx), new TesseractOcr()));
        // speech: one warm Sphinx decoder per core, segments of a recording decoded on all cores at once
        int cores = Runtime.getRuntime().availableProcessors();
        this.ffmpeg = new Ffmpeg(config.ffmpeg());
        this.audioDecoder = new AudioDecoder(ffmpeg, AudioLimits.DEFAULTS);
        this.sphinx = new SphinxRecognizer(() -> models.resolve(SphinxRecognizer.TASK, Optional.empty()), cores);
        // sphinx first, the default; whisper and vosk run the models a user puts in place (local: packs)
        this.transcriber = new Transcriber(List.of(sphinx, new WhisperRecognizer(models), new VoskRecognizer(models)),
                VoiceActivityDetector.fromStore(models), cores);
        this.textToSpeech = TextToSpeech.installed();
        this.bots = new BotStore(database, blobs, clock);
        this.botSessions = new BotSessionStore(database, clock);
        this.botRuntimes = new BotRuntimes(bots, textEmbeddings);
        this.automl = new AutomlStore(database, blobs, clock);
        this.scoringModels = new ScoringModels(automl);
    }

    /** Starts this node's operation workers (every node runs them; `gureum worker` runs only them). */
    public void startWorkers() {
        List<OperationHandler> handlers = List.of(new LanguageDetectOperation(languageDetection), new OcrAnalyzeOperation(ocr),
                new TranscribeOperation(transcriber, audioDecoder),
                new BotTrainOperation(bots, new IntentClassifierTrainer(textEmbeddings), Json.newMapper(), clock),
                new ExperimentOperation(automl, Json.newMapper()), new BatchPredictOperation(automl, scoringModels, Json.newMapper()));
        WorkerSettings defaults = WorkerSettings.defaults(config.nodeId());
        WorkerSettings settings = new WorkerSettings(config.nodeId(), config.workerThreads(), config.operationLease(),
                defaults.pollInterval(), defaults.maxAttempts(), config.retryBackoff());
        workers = new OperationWorkers(database, blobs, handlers, settings, webhookSender, clock);
        workers.start();
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gureum-maintenance");
            t.setDaemon(true);
            return t;
        });
        // expired chatbot sessions are already ignored when read; this only keeps the table small
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                while (botSessions.deleteExpired(1_000) == 1_000) {
                    // more to sweep
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Gureum.class).warn("sweeping expired chatbot sessions failed: {}", e.toString());
            }
        }, 1, 5, TimeUnit.MINUTES);
    }

    public ServerConfig config() { return config; }
    public Clock clock() { return clock; }
    public Database database() { return database; }
    public ProjectStore projects() { return projects; }
    public ProjectPolicies projectPolicies() { return projectPolicies; }
    public KeyStore keys() { return keys; }
    public Authenticator authenticator() { return authenticator; }
    public RateLimiter rateLimiter() { return rateLimiter; }
    public QuotaLedger quotas() { return quotas; }
    public UsageRecorder usage() { return usage; }
    public UsageReports usageReports() { return usageReports; }
    public OperationService operations() { return operations; }
    public WebhookPolicy webhookPolicy() { return webhookPolicy; }
    public ModelStore models() { return models; }
    public LanguageDetection languageDetection() { return languageDetection; }
    public TranslationService translation() { return translation; }
    public SentimentAnalysis sentiment() { return sentiment; }
    public PiiDetection pii() { return pii; }
    public TextEmbeddings textEmbeddings() { return textEmbeddings; }
    public FaceAnalyzer faceAnalyzer() { return faceAnalyzer; }
    public ObjectDetection objectDetection() { return objectDetection; }
    public FaceCollectionStore faceCollections() { return faceCollections; }
    public FaceIndexes faceIndexes() { return faceIndexes; }
    public OcrService ocr() { return ocr; }
    public AudioDecoder audioDecoder() { return audioDecoder; }
    public SphinxRecognizer sphinx() { return sphinx; }
    public Transcriber transcriber() { return transcriber; }
    public TextToSpeech textToSpeech() { return textToSpeech; }
    public Ffmpeg ffmpeg() { return ffmpeg; }
    public WebhookSender webhookSender() { return webhookSender; }
    public BotStore bots() { return bots; }
    public BotSessionStore botSessions() { return botSessions; }
    public BotRuntimes botRuntimes() { return botRuntimes; }
    public AutomlStore automl() { return automl; }
    public ScoringModels scoringModels() { return scoringModels; }

    @Override
    public void close() {
        if (maintenance != null) maintenance.shutdownNow();
        if (workers != null) workers.close();
        scoringModels.close();
        usage.close();
        quotas.close();
        translation.close();
        languageDetection.close();
        textEmbeddings.close();
        faceAnalyzer.close();
        objectDetection.close();
        ocr.close();
        transcriber.close();
        transcriber.engines().forEach(SpeechRecognizer::close);
        database.close();
    }
}
