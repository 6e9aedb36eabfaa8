package dev.nb2prod.graph;

import java.util.SortedSet;
import java.util.TreeSet;

/** Cell {@code to} depends on cell {@code from} through {@code names} (0-based cell indexes). */
public record Edge(int from, int to, SortedSet<String> names) {
    public Edge {
        names = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
