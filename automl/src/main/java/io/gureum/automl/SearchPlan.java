package io.gureum.automl;

import io.gureum.automl.learn.Learner;
import io.gureum.automl.learn.LightgbmLearner;
import io.gureum.automl.learn.LinearLearner;
import io.gureum.automl.learn.XgboostLearner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The order models are tried in. First strong defaults that are cheap to fit (LightGBM and XGBoost with a modest
 * learning rate and early stopping, a regularised linear model, shallower boosting for small data, then a random
 * forest and extremely randomised trees, which cost more and win less often), so that even a short budget ends with a good leader and diverse
 * members for the ensemble; then a seeded random search over the boosting settings, alternating libraries, that
 * runs until the budget ends (the cross-validator prunes its losers early).
 */
final class SearchPlan {
    static final int MAX_ROUNDS = 5000;
    static final int PATIENCE = 50;
    static final int FOREST_TREES = 200;
    /** Rows times features up to which extra GLMs are tried. */
    static final long SMALL_CELLS = 2_000_000;

    private final int rows;
    private final int features;
    private final Random random;
    private final List<Learner> defaults = new ArrayList<>();
    private int next;

    SearchPlan(int rows, int features, long seed) {
        this.rows = rows;
        this.features = features;
        this.random = new Random(seed);
        int minLeaf = Math.max(2, Math.min(20, rows / 100));
        // on large data a round costs much more and a higher rate loses little: reach a first leader sooner
        double rate = rows > 50_000 ? 0.1 : 0.05;
        defaults.add(lightgbm(rate, 31, minLeaf, 0.8, 0.8, 1.0));
        defaults.add(xgboost(rate, 6, 1, 0.8, 0.8, 1.0, 0.0));
        // the linear model's best penalty varies by dataset (1e-4 on iris, 1e-2 on breast cancer): on data small enough
        // for a GLM to cost next to nothing, try a path of penalties, as H2O's lambda search does
        boolean small = (long) rows * features <= SMALL_CELLS;
        defaults.add(new LinearLearner(1e-3, small ? 1000 : 300));
        if (small) for (double l2 : new double[]{1e-2, 1e-4, 1e-1}) defaults.add(new LinearLearner(l2, 1000));
        defaults.add(lightgbm(0.03, 8, Math.max(2, minLeaf / 2), 0.6, 0.8, 5.0));
        defaults.add(xgboost(0.03, 3, 3, 0.7, 0.6, 1.0, 0.0));
        defaults.add(forest("DRF", false));
        defaults.add(forest("XRT", true));
    }

    /** How many of the first learners are defaults (never pruned: they anchor the ensemble). */
    int defaultCount() { return defaults.size(); }

    Learner next() {
        int i = next++;
        if (i < defaults.size()) return defaults.get(i);
        return i % 2 == 0 ? randomLightgbm() : randomXgboost();
    }

    private Learner randomLightgbm() {
        double rate = pick(0.01, 0.02, 0.03, 0.05, 0.08, 0.1);
        int leaves = pick(4, 8, 16, 31, 63, 127);
        int minLeaf = Math.min(pick(1, 3, 5, 10, 20, 50, 100), Math.max(1, rows / 10));
        return lightgbm(rate, leaves, minLeaf, 0.3 + 0.7 * random.nextDouble(), 0.5 + 0.5 * random.nextDouble(),
                pick(0.0, 0.1, 1.0, 3.0, 10.0, 30.0));
    }

    private Learner randomXgboost() {
        return xgboost(pick(0.01, 0.02, 0.03, 0.05, 0.08, 0.1), pick(2, 3, 4, 5, 6, 8, 10), pick(1, 2, 3, 5, 10),
                0.5 + 0.5 * random.nextDouble(), 0.3 + 0.7 * random.nextDouble(), pick(0.1, 1.0, 3.0, 10.0), pick(0.0, 0.0, 0.1, 1.0));
    }

    private static Learner lightgbm(double rate, int leaves, int minLeaf, double featureFraction, double bagging, double l2) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("learning_rate", rate);
        p.put("num_leaves", leaves);
        p.put("min_data_in_leaf", minLeaf);
        p.put("feature_fraction", round(featureFraction));
        p.put("bagging_fraction", round(bagging));
        p.put("bagging_freq", 1);
        p.put("lambda_l2", l2);
        return new LightgbmLearner("LightGBM", p, MAX_ROUNDS, PATIENCE);
    }

    private static Learner xgboost(double eta, int depth, int minChild, double subsample, double colsample, double lambda, double gamma) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eta", eta);
        p.put("max_depth", depth);
        p.put("min_child_weight", minChild);
        p.put("subsample", round(subsample));
        p.put("colsample_bytree", round(colsample));
        p.put("lambda", lambda);
        p.put("gamma", gamma);
        return new XgboostLearner(p, MAX_ROUNDS, PATIENCE);
    }

    /** A forest of full-grown trees on bootstrap-like samples, each split choosing among a third of the features. */
    private Learner forest(String family, boolean extraTrees) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("boosting", "rf");
        p.put("num_leaves", Math.max(16, Math.min(4096, rows / 2)));
        p.put("min_data_in_leaf", 2);
        p.put("min_sum_hessian_in_leaf", 0.0);
        p.put("bagging_fraction", 0.632);
        p.put("bagging_freq", 1);
        p.put("feature_fraction_bynode", round(Math.max(1.0 / 3, Math.min(1.0, Math.sqrt(features) / Math.max(1, features)))));
        if (extraTrees) p.put("extra_trees", true);
        return new LightgbmLearner(family, p, FOREST_TREES, 0);
    }

    @SafeVarargs
    private <T> T pick(T... options) { return options[random.nextInt(options.length)]; }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }
}
