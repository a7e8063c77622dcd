package io.gureum.automl.learn;

import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Trees by LightGBM, a round at a time: gradient boosting with early stopping on the validation loss, or, with
 * {@code boosting=rf}, a random forest ({@code family} DRF) or extremely randomised trees ({@code extra_trees},
 * family XRT) of a fixed size.
 */
public record LightgbmLearner(String family, Map<String, Object> params, int maxRounds, int patience) implements Learner {
    public LightgbmLearner {
        params = Map.copyOf(params);
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>(new TreeMap<>(params));
        p.put("rounds", maxRounds);
        if (patience > 0) p.put("early_stopping_rounds", patience);
        return p;
    }

    @Override
    public Learner withRounds(int rounds) { return new LightgbmLearner(family, params, Math.max(1, rounds), 0); }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, LearningTask task, BooleanSupplier stop) {
        Map<String, Object> p = new TreeMap<>(params);
        p.put("num_threads", task.threads());
        p.put("seed", task.seed());
        p.put("deterministic", true);
        p.put("verbosity", -1);
        p.put("feature_pre_filter", false);
        switch (task.task()) {
            case BINARY -> { p.put("objective", "binary"); p.put("metric", "binary_logloss"); }
            case MULTICLASS -> { p.put("objective", "multiclass"); p.put("num_class", task.classes()); p.put("metric", "multi_logloss"); }
            case REGRESSION -> { p.put("objective", "regression"); p.put("metric", "rmse"); }
        }
        String config = p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        LGBMDataset dtrain = null, dvalid = null;
        LGBMBooster booster = null;
        try {
            LightgbmNative.load();
            dtrain = LGBMDataset.createFromMat(train.x().values(), train.x().rows(), train.x().cols(), true, config, null);
            dtrain.setField("label", train.labels());
            booster = LGBMBooster.create(dtrain, config);
            boolean early = valid != null && patience > 0;
            if (early) {
                dvalid = LGBMDataset.createFromMat(valid.x().values(), valid.x().rows(), valid.x().cols(), true, config, dtrain);
                dvalid.setField("label", valid.labels());
                booster.addValidData(dvalid);
            }
            EarlyStopping stopping = new EarlyStopping(patience);
            int rounds = 0;
            for (int round = 0; round < maxRounds; round++) {
                if (stop.getAsBoolean()) throw new Stopped();
                boolean finished = booster.updateOneIter();
                rounds = round + 1;
                if (early && stopping.record(round, booster.getEval(1)[0])) break;
                if (finished) break; // no split improves any more
            }
            if (early) rounds = stopping.bestRounds();
            String model = booster.saveModelToString(0, rounds, LGBMBooster.FeatureImportanceType.GAIN);
            return LightgbmModel.of(family, model, rounds, task.task(), task.outputs(), train.x().cols());
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM failed: " + e.getMessage(), e);
        } finally {
            try {
                if (booster != null) booster.close();
                if (dvalid != null) dvalid.close();
                if (dtrain != null) dtrain.close();
            } catch (LGBMException e) {
                // freeing native memory failed: nothing a caller could do about it
            }
        }
    }
}
