package dev.nb2prod.notebook;

import java.util.Objects;

/**
 * The parts of the notebook-level metadata nb2prod uses.
 *
 * @param kernelName {@code kernelspec.name}, or empty
 * @param kernelDisplayName {@code kernelspec.display_name}, or empty
 * @param language the kernel language ({@code kernelspec.language}, {@code language_info.name}, or
 *     nbformat 3's {@code language}); empty when the notebook does not say
 * @param languageVersion {@code language_info.version}, or empty
 */
public record NotebookMetadata(
        String kernelName,
        String kernelDisplayName,
        String language,
        String languageVersion) {
    public NotebookMetadata {
        Objects.requireNonNull(kernelName);
        Objects.requireNonNull(kernelDisplayName);
        Objects.requireNonNull(language);
        Objects.requireNonNull(languageVersion);
    }

    /** What a summary shows as the kernel language: the language, or "unknown". */
    public String languageOrUnknown() {
        return language.isEmpty() ? "unknown" : language;
    }
}
