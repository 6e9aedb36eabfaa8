package dev.nb2prod.notebook;

import java.util.List;
import java.util.Map;

/**
 * A light JSON tree that remembers, for every string, the line of the file it sits on. Jackson's own
 * tree forgets locations, and nbformat findings must point at real lines of the .ipynb file.
 */
sealed interface Json {
    /** The 1-based line of the file where this value starts. */
    int line();

    record Obj(Map<String, Json> fields, int line) implements Json {
        Json get(String key) {
            return fields.get(key);
        }
    }

    record Arr(List<Json> items, int line) implements Json {}

    record Str(String value, int line) implements Json {}

    /** A large binary payload (a base64 image) that was not kept in memory: only its length. */
    record Omitted(int length, int line) implements Json {}

    record Num(String text, int line) implements Json {}

    record Bool(boolean value, int line) implements Json {}

    record Null(int line) implements Json {}

    static String typeName(Json json) {
        return switch (json) {
            case Obj o -> "an object";
            case Arr a -> "an array";
            case Str s -> "a string";
            case Omitted o -> "a string";
            case Num n -> "a number";
            case Bool b -> "a boolean";
            case Null n -> "null";
        };
    }
}
