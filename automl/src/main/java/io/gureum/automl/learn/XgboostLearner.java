package io.gureum.automl.learn;

import io.gureum.automl.Task;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Gradient-boosted trees by XGBoost (histogram method), a round at a time so that early stopping on the
 * validation log loss (or RMSE) and the stop signal are checked between rounds.
 */
public record XgboostLearner(Map<String, Object> params, int maxRounds, int patience) implements Learner {
    public XgboostLearner {
        params = Map.copyOf(params);
    }

    /** XGBoost's own defaults (eta 0.3, depth 6) and 100 rounds without early stopping, like {@code XGBClassifier()}. */
    public static XgboostLearner defaults() {
        return new XgboostLearner(Map.of("eta", 0.3, "max_depth", 6), 100, 0);
    }

    @Override public String family() { return "XGBoost"; }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("rounds", maxRounds);
        if (patience > 0) p.put("early_stopping_rounds", patience);
        return p;
    }

    @Override
    public Learner withRounds(int rounds) { return new XgboostLearner(params, Math.max(1, rounds), 0); }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, LearningTask task, BooleanSupplier stop) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("tree_method", "hist");
        p.put("nthread", task.threads());
        p.put("seed", (int) task.seed());
        p.put("verbosity", 0);
        switch (task.task()) {
            case BINARY -> { p.put("objective", "binary:logistic"); p.put("eval_metric", "logloss"); }
            case MULTICLASS -> { p.put("objective", "multi:softprob"); p.put("num_class", task.classes()); p.put("eval_metric", "mlogloss"); }
            case REGRESSION -> { p.put("objective", "reg:squarederror"); p.put("eval_metric", "rmse"); }
        }
        DMatrix dtrain = null, dvalid = null;
        Booster booster = null;
        try {
            dtrain = new DMatrix(train.x().values(), train.x().rows(), train.x().cols(), Float.NaN);
            dtrain.setLabel(train.labels());
            boolean early = valid != null && patience > 0;
            if (early) {
                dvalid = new DMatrix(valid.x().values(), valid.x().rows(), valid.x().cols(), Float.NaN);
                dvalid.setLabel(valid.labels());
            }
            booster = XGBoost.train(dtrain, p, 0, Map.of(), null, null);
            EarlyStopping stopping = new EarlyStopping(patience);
            int rounds = maxRounds;
            for (int round = 0; round < maxRounds; round++) {
                if (stop.getAsBoolean()) throw new Stopped();
                booster.update(dtrain, round);
                if (early) {
                    String line = booster.evalSet(new DMatrix[]{dvalid}, new String[]{"valid"}, round);
                    double loss = Double.parseDouble(line.substring(line.lastIndexOf(':') + 1).trim());
                    if (stopping.record(round, loss)) break;
                }
            }
            if (early) rounds = stopping.bestRounds();
            XgboostModel model = new XgboostModel(booster, rounds, task.outputs(), task.task(), train.x().cols());
            booster = null;
            return model;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        } finally {
            if (booster != null) booster.dispose();
            if (dtrain != null) dtrain.dispose();
            if (dvalid != null) dvalid.dispose();
        }
    }

}
