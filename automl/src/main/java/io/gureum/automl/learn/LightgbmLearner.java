package io.gureum.automl.learn;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;

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
        LightgbmNative.load();
        SWIGTYPE_p_p_void trainSet = null, validSet = null, booster = null;
        try {
            synchronized (LightgbmNative.LOCK) {
                trainSet = dataset(train, config, null);
            }
            booster = lightgbmlib.new_voidpp();
            check(lightgbmlib.LGBM_BoosterCreate(lightgbmlib.voidpp_value(trainSet), config, booster));
            boolean early = valid != null && patience > 0;
            if (early) {
                synchronized (LightgbmNative.LOCK) {
                    validSet = dataset(valid, config, trainSet);
                }
                check(lightgbmlib.LGBM_BoosterAddValidData(lightgbmlib.voidpp_value(booster), lightgbmlib.voidpp_value(validSet)));
            }
            EarlyStopping stopping = new EarlyStopping(patience);
            int rounds = 0;
            SWIGTYPE_p_int finished = lightgbmlib.new_intp();
            SWIGTYPE_p_int evalCount = lightgbmlib.new_intp();
            SWIGTYPE_p_double eval = lightgbmlib.new_doubleArray(8);
            try {
                for (int round = 0; round < maxRounds; round++) {
                    if (stop.getAsBoolean()) throw new Stopped();
                    check(lightgbmlib.LGBM_BoosterUpdateOneIter(lightgbmlib.voidpp_value(booster), finished));
                    rounds = round + 1;
                    if (early) {
                        check(lightgbmlib.LGBM_BoosterGetEval(lightgbmlib.voidpp_value(booster), 1, evalCount, eval));
                        if (stopping.record(round, lightgbmlib.doubleArray_getitem(eval, 0))) break;
                    }
                    if (lightgbmlib.intp_value(finished) == 1) break; // no split improves any more
                }
            } finally {
                lightgbmlib.delete_intp(finished);
                lightgbmlib.delete_intp(evalCount);
                lightgbmlib.delete_doubleArray(eval);
            }
            if (early) rounds = stopping.bestRounds();
            SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
            String model;
            try {
                model = lightgbmlib.LGBM_BoosterSaveModelToStringSWIG(lightgbmlib.voidpp_value(booster), 0, rounds, 1 /* gain */, 1L << 20, length);
            } finally {
                lightgbmlib.delete_int64_tp(length);
            }
            if (model == null) throw new IllegalStateException("LightGBM failed: " + lightgbmlib.LGBM_GetLastError());
            return LightgbmModel.of(family, model, rounds, task.task(), task.outputs(), train.x().cols());
        } finally {
            if (booster != null) { lightgbmlib.LGBM_BoosterFree(lightgbmlib.voidpp_value(booster)); lightgbmlib.delete_voidpp(booster); }
            if (validSet != null) { lightgbmlib.LGBM_DatasetFree(lightgbmlib.voidpp_value(validSet)); lightgbmlib.delete_voidpp(validSet); }
            if (trainSet != null) { lightgbmlib.LGBM_DatasetFree(lightgbmlib.voidpp_value(trainSet)); lightgbmlib.delete_voidpp(trainSet); }
        }
    }

    /** A LightGBM dataset of the features and labels; binned like {@code reference} when given (validation data). */
    private static SWIGTYPE_p_p_void dataset(TrainingData data, String config, SWIGTYPE_p_p_void reference) {
        SWIGTYPE_p_float values = LightgbmNative.floats(data.x().values());
        SWIGTYPE_p_float labels = LightgbmNative.floats(data.labels());
        SWIGTYPE_p_p_void out = lightgbmlib.new_voidpp();
        try {
            check(lightgbmlib.LGBM_DatasetCreateFromMat(lightgbmlib.float_to_voidp_ptr(values), lightgbmlib.C_API_DTYPE_FLOAT32,
                    data.x().rows(), data.x().cols(), 1, config, reference == null ? null : lightgbmlib.voidpp_value(reference), out));
            check(lightgbmlib.LGBM_DatasetSetField(lightgbmlib.voidpp_value(out), "label", lightgbmlib.float_to_voidp_ptr(labels),
                    data.y().length, lightgbmlib.C_API_DTYPE_FLOAT32));
            return out;
        } finally {
            lightgbmlib.delete_floatArray(values);
            lightgbmlib.delete_floatArray(labels);
        }
    }

    private static void check(int status) { LightgbmNative.check(status); }
}
