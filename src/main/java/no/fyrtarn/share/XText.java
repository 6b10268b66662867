package no.fyrtarn.share;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A post's text as X counts it, after X's published counting rules (twitter-text, configuration v3), so that a shared
 * text and its link fit 280: the text is NFC-normalized; Latin to Georgian, general punctuation's spaces, dashes and
 * quotes count 1 per code point, everything else 2 (CJK, "…"); an emoji counts 2 however many code points it is made of
 * (skin tones, flags, keycaps, families); a link counts 23.
 * <p>
 * X recognizes a link, with or without {@code http(s)://}, by its top-level domain: one of a list (twitter-text's, in
 * {@code META-INF/resources/x-tlds.txt}), so "fyrtarn.no" is a link and "f.eks." or "t.ex." are not. A link with
 * {@code http(s)://} counts exactly 23. One without is where this stays on the safe side of X rather than matching it
 * (X also asks for a host in Latin letters): it counts 23, or its own characters if that is more.
 * <p>
 * The feed page counts the same way as an employee edits a text for X ({@code app.js}, {@code xLength}).
 */
public final class XText {

    static final int LINK_WEIGHT = 23;
    /** What a shared text may count: X's 280, less the link and the space X puts before it. */
    public static final int SHARE_TEXT_LIMIT = 280 - LINK_WEIGHT - 1;
    static final String ELLIPSIS = "…";

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern CLUSTER = Pattern.compile("\\X");
    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern WEB_LINK = Pattern.compile(
            "(?i)https?://(?:" + LABEL + "\\.)+\\p{L}{2,}(?::\\d{1,5})?(?:[/?#]\\S*)?");
    private static final Pattern LINK_LIKE = Pattern.compile(
            "(?i)(?:https?://)?[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*\\.(\\p{L}{2,})(?:[:/?#]\\S*)?");
    private static final String TOP_LEVEL_DOMAINS_FILE = "/META-INF/resources/x-tlds.txt";
    private static final Set<String> TOP_LEVEL_DOMAINS = topLevelDomains();
    /** Around a link in running text (brackets, quotes, punctuation, "…"): X leaves them out of it. */
    private static final Pattern OPENING = Pattern.compile("^[^\\p{L}\\p{N}]+");
    private static final Pattern CLOSING = Pattern.compile("[^\\p{L}\\p{N}=_#/+-]+$");

    private XText() {
    }

    private static Set<String> topLevelDomains() {
        InputStream list = XText.class.getResourceAsStream(TOP_LEVEL_DOMAINS_FILE);
        if (list == null) {
            throw new IllegalStateException(TOP_LEVEL_DOMAINS_FILE + " is missing");
        }
        try (list) {
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int weightedLength(String text) {
        return total(units(normalized(text)));
    }

    /**
     * The text if it counts at most {@code limit}; otherwise as much of it as fits with "…" after it, cut at a word
     * where that keeps more than half, and never inside an emoji or a link.
     */
    static String fit(String text, int limit) {
        String normalized = normalized(text);
        List<Unit> units = units(normalized);
        if (total(units) <= limit) {
            return text;
        }
        int budget = limit - weight(ELLIPSIS);
        int used = 0;
        int end = 0;
        int wordEnd = -1; // the last space's start after more than half the limit
        for (Unit unit : units) {
            if (used + unit.weight() > budget) {
                if (unit.space()) {
                    wordEnd = end; // what fits ends with a word
                }
                break;
            }
            if (unit.space() && used > limit / 2) {
                wordEnd = unit.start();
            }
            used += unit.weight();
            end = unit.end();
        }
        return normalized.substring(0, wordEnd >= 0 ? wordEnd : end).stripTrailing() + ELLIPSIS;
    }

    /** A stretch of the text that is cut whole: a link, an emoji or another grapheme cluster. */
    private record Unit(int start, int end, int weight, boolean space) {
    }

    private static int total(List<Unit> units) {
        return units.stream().mapToInt(Unit::weight).sum();
    }

    private static String normalized(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>(text.length());
        Matcher word = WORD.matcher(text);
        int at = 0;
        while (word.find()) {
            clusters(text, at, word.start(), units);
            int start = word.start();
            int end = word.end();
            int dot = text.indexOf('.', start);
            if (dot < 0 || dot >= end || !link(text, start, end, units)) {
                clusters(text, start, end, units);
            }
            at = end;
        }
        clusters(text, at, text.length(), units);
        return units;
    }

    /** Adds the word's units if it is or holds something X takes for a link. */
    private static boolean link(String text, int start, int end, List<Unit> units) {
        Matcher opening = OPENING.matcher(text).region(start, end);
        int linkStart = opening.find() ? opening.end() : start;
        Matcher closing = CLOSING.matcher(text).region(linkStart, end);
        int linkEnd = closing.find() ? closing.start() : end;
        if (linkStart >= linkEnd) {
            return false;
        }
        Matcher link = LINK_LIKE.matcher(text).region(linkStart, linkEnd);
        if (!link.matches() || !TOP_LEVEL_DOMAINS.contains(link.group(1).toLowerCase(Locale.ROOT))) {
            return false;
        }
        clusters(text, start, linkStart, units);
        int own = text.substring(linkStart, linkEnd).codePoints().map(XText::codePointWeight).sum();
        boolean web = WEB_LINK.matcher(text).region(linkStart, linkEnd).matches();
        units.add(new Unit(linkStart, linkEnd, web ? LINK_WEIGHT : Math.max(own, LINK_WEIGHT), false));
        clusters(text, linkEnd, end, units);
        return true;
    }

    /**
     * Adds the grapheme clusters between {@code start} and {@code end}. Below U+0300 (where combining marks begin) a
     * character followed by another such is a cluster of its own; only the others take the (slower) cluster pattern.
     */
    private static void clusters(String text, int start, int end, List<Unit> units) {
        Matcher cluster = null;
        int at = start;
        while (at < end) {
            char c = text.charAt(at);
            if (c < 0x300 && (at + 1 == end || text.charAt(at + 1) < 0x300)) {
                units.add(new Unit(at, at + 1, 1, Character.isWhitespace(c)));
                at++;
                continue;
            }
            if (cluster == null) {
                cluster = CLUSTER.matcher(text);
            }
            cluster.region(at, end).lookingAt();
            String found = cluster.group();
            units.add(new Unit(at, cluster.end(), weight(found), Character.isWhitespace(found.codePointAt(0))));
            at = cluster.end();
        }
    }

    /**
     * A grapheme cluster's weight. An emoji of one code point weighs what its code point does: 2, but for "©" and "®",
     * which X takes for emoji only when a variation selector follows.
     */
    private static int weight(String cluster) {
        int first = cluster.codePointAt(0);
        boolean sequence = cluster.length() > Character.charCount(first);
        if (sequence && (Character.isExtendedPictographic(first) || isRegionalIndicator(first)
                || cluster.indexOf('\u20E3') > 0)) {
            return 2; // an emoji sequence, whatever it is made of
        }
        return cluster.codePoints().map(XText::codePointWeight).sum();
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static int codePointWeight(int c) {
        return c <= 0x10FF || c >= 0x2000 && c <= 0x200D || c >= 0x2010 && c <= 0x201F || c >= 0x2032 && c <= 0x2037
                ? 1 : 2;
    }
}
