package io.gureum.automl;

import io.gureum.automl.data.ColumnProfile;
import io.gureum.automl.data.Dataset;
import io.gureum.automl.features.FeaturePipeline;
import io.gureum.automl.learn.FittedModel;
import io.gureum.automl.learn.Learner;
import io.gureum.automl.learn.LearningTask;
import io.gureum.automl.learn.TrainingData;
import io.gureum.automl.model.ModelCard;
import io.gureum.automl.model.ScoringModel;
import io.gureum.core.Problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search found: the leaderboard (best first) and everything needed to refit any of its models on all rows
 * as a {@link ScoringModel}. Holds the dataset until dropped.
 */
public final class ExperimentResult {
    /** Why the search ended. */
    public enum Ending { COMPLETED, TIME_BUDGET, CANCELLED }

    record Ensemble(LeaderboardEntry entry, List<CandidateResult> members, double[] weights) {}

    private final Dataset data;
    private final ExperimentSpec spec;
    private final Target target;
    private final Metric metric;
    private final List<ColumnProfile> features;
    private final List<LeaderboardEntry> leaderboard;
    private final Map<String, CandidateResult> candidates = new LinkedHashMap<>();
    private final Ensemble ensemble;
    private final int folds;
    private final int modelsTried;
    private final int pruned;
    private final Ending ending;
    private final long searchMillis;

    ExperimentResult(Dataset data, ExperimentSpec spec, Target target, Metric metric, List<ColumnProfile> features,
                     List<LeaderboardEntry> leaderboard, List<CandidateResult> done, Ensemble ensemble, int folds,
                     int modelsTried, int pruned, Ending ending, long searchMillis) {
        this.data = data;
        this.spec = spec;
        this.target = target;
        this.metric = metric;
        this.features = features;
        this.leaderboard = leaderboard;
        for (CandidateResult r : done) candidates.put(r.modelId(), r);
        this.ensemble = ensemble;
        this.folds = folds;
        this.modelsTried = modelsTried;
        this.pruned = pruned;
        this.ending = ending;
        this.searchMillis = searchMillis;
    }

    public List<LeaderboardEntry> leaderboard() { return leaderboard; }
    public Task task() { return target.task(); }
    public Metric metric() { return metric; }
    public List<String> classes() { return target.classes(); }
    public int folds() { return folds; }
    /** Learners started, including the pruned and the one the deadline or cancellation cut short. */
    public int modelsTried() { return modelsTried; }
    public int modelsPruned() { return pruned; }
    public Ending ending() { return ending; }
    public long searchMillis() { return searchMillis; }

    /** The best entry; a 409 {@code no_models} problem when the search was cancelled before any model finished. */
    public LeaderboardEntry leader() {
        if (leaderboard.isEmpty()) throw Problem.conflict("no_models", "the search ended before any model finished");
        return leaderboard.get(0);
    }

    public Optional<LeaderboardEntry> entry(String modelId) {
        return leaderboard.stream().filter(e -> e.modelId().equals(modelId)).findFirst();
    }

    /** The leader's importance per source column, largest first (an ensemble's: its members' by weight). */
    public List<FeatureImportance> featureImportance() { return featureImportance(leader().modelId()); }

    public List<FeatureImportance> featureImportance(String modelId) {
        Map<String, Double> sum = new HashMap<>();
        List<CandidateResult> members = members(modelId);
        double[] weights = weights(modelId, members.size());
        for (int i = 0; i < members.size(); i++) {
            double w = weights[i];
            members.get(i).columnImportance().forEach((c, v) -> sum.merge(c, w * v, Double::sum));
        }
        List<FeatureImportance> out = new ArrayList<>();
        for (ColumnProfile p : features) out.add(new FeatureImportance(p.name(), sum.getOrDefault(p.name(), 0.0)));
        out.sort(Comparator.comparingDouble(FeatureImportance::importance).reversed());
        return out;
    }

    /** The leader refitted on all rows. */
    public ScoringModel leaderModel() { return model(leader().modelId()); }

    /**
     * Leaderboard model {@code modelId} refitted on all rows with its settings (boosting with the folds' mean best
     * round count, scaled to the larger data) and the same preprocessing, fitted on all rows: a self-contained
     * scoring artifact. Takes roughly one fold's training time per member.
     */
    public ScoringModel model(String modelId) {
        LeaderboardEntry entry = entry(modelId).orElseThrow(() -> Problem.notFound("no model '" + modelId + "' on the leaderboard"));
        long start = System.nanoTime();
        List<CandidateResult> members = members(modelId);
        double[] weights = weights(modelId, members.size());
        LearningTask task = new LearningTask(target.task(), target.classCount(), spec.seed(), 1);
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(data.table(), features, target.rows(), target.y(), target.task(), target.classCount(), spec.seed());
        TrainingData all = new TrainingData(fitted.train(), target.y());
        List<FittedModel> models = new ArrayList<>();
        for (CandidateResult m : members) {
            Learner refit = m.learner().withRounds(m.refitRounds(folds));
            models.add(refit.fit(all, null, task, () -> false));
        }
        long refitMillis = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> params = new LinkedHashMap<>();
        entry.params().forEach((k, v) -> params.put(k, String.valueOf(v)));
        for (CandidateResult m : members) params.put(m.modelId() + ".rounds", Integer.toString(m.refitRounds(folds)));
        Map<String, Double> metrics = new LinkedHashMap<>();
        entry.metrics().forEach((m, v) -> metrics.put(m.name().toLowerCase(), v));
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, entry.modelId(), entry.family(), target.column(), target.task(),
                target.classes(), metric, metrics, target.rows().length, data.table().columnNames().size(),
                features.stream().map(p -> new ModelCard.SchemaColumn(p.name(), p.type())).toList(),
                members.stream().map(CandidateResult::modelId).toList(), toList(weights), params,
                ModelCard.libraryVersions(), spec.seed(), folds, searchMillis, refitMillis, Instant.now().toString());
        return new ScoringModel(card, fitted.pipeline(), models, weights);
    }

    private List<CandidateResult> members(String modelId) {
        if (ensemble != null && ensemble.entry().modelId().equals(modelId)) return ensemble.members();
        CandidateResult r = candidates.get(modelId);
        if (r == null) throw Problem.notFound("no model '" + modelId + "' on the leaderboard");
        return List.of(r);
    }

    private double[] weights(String modelId, int members) {
        if (ensemble != null && ensemble.entry().modelId().equals(modelId)) return ensemble.weights();
        return new double[]{1.0};
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) out.add(d);
        return out;
    }
}
