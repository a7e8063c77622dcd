package io.gureum.chatbot.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds a {@link ListEntity}'s synonyms: at each word start, the longest synonym that matches ignoring case and ends a
 * word (or is followed by a Korean particle); the scan then continues after it, so matches of one entity never overlap.
 * Case is folded one UTF-16 unit at a time ({@link String#regionMatches(boolean, int, String, int, int)}), which keeps
 * offsets those of the original text.
 */
final class ListMatcher {
    private record Surface(String text, String value) {}

    private final String type;
    private final List<Surface> surfaces;   // longest first

    ListMatcher(ListEntity entity) {
        this.type = entity.name();
        List<Surface> all = new ArrayList<>();
        for (ListEntity.Value value : entity.values()) {
            for (String surface : value.surfaces()) all.add(new Surface(surface, value.value()));
        }
        all.sort(Comparator.comparingInt((Surface s) -> s.text().length()).reversed());
        this.surfaces = List.copyOf(all);
    }

    void find(String text, List<Candidate> found) {
        int at = 0;
        while (at < text.length()) {
            Surface match = KoreanParticles.isWordChar(text, at) && KoreanParticles.isWordChar(text, at - 1) ? null : matchAt(text, at);
            if (match == null) {
                at++;
                continue;
            }
            int end = at + match.text().length();
            found.add(new Candidate(type, at, end, match.value(), 1.0, 0));
            at = end;
        }
    }

    private Surface matchAt(String text, int at) {
        for (Surface surface : surfaces) {
            int end = at + surface.text().length();
            if (text.regionMatches(true, at, surface.text(), 0, surface.text().length()) && KoreanParticles.wordEndsAt(text, end)) {
                return surface;
            }
        }
        return null;
    }
}
