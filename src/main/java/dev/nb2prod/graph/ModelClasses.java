package dev.nb2prod.graph;

import java.util.Locale;
import java.util.Set;

/** Which constructed objects are models (fitted to predict) rather than transformers or splitters. */
public final class ModelClasses {
    /** Parts of class names whose fitted instances transform data rather than predict: not models. */
    private static final Set<String> NOT_MODELS = Set.of("Scaler", "Encoder", "Imputer", "Vectorizer",
        "Transformer", "PCA", "Split", "KFold", "Binarizer", "Normalizer", "Selector", "Features", "Discretizer",
        "SVD", "NMF", "TSNE", "Isomap", "Embedding", "Tokenizer");

    private ModelClasses() {}

    /**
     * True for a class (or factory) whose instances are fitted models: CapWords, not ALL CAPS, not a transformer;
     * {@code make_pipeline} too.
     */
    public static boolean isModel(String cls) {
        if (cls.equals("make_pipeline")) {
            return true;
        }
        return !cls.isEmpty() && Character.isUpperCase(cls.charAt(0)) && !cls.equals(cls.toUpperCase(Locale.ROOT))
            && NOT_MODELS.stream().noneMatch(cls::contains);
    }
}
