using CallMonitor.Chinese.Normalization;

namespace CallMonitor.Chinese.Matching;

/// <summary>
/// Turns raw candidates into the reported hits: applies anchors, lets exceptions suppress the hits
/// they cover, keeps one hit per place and pattern (exact before sound, closer sound before farther),
/// and maps everything back to the original text.
/// </summary>
internal static class MatchResolver
{
    public static PhraseMatches Resolve(
        IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<CompiledEntry> entries, NormalizedText text, List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return PhraseMatches.Empty;
        }

        Dictionary<int, List<Candidate>>? exceptions = null;
        var hits = new List<Candidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var entry = entries[candidate.Entry];
            if (entry.Exception >= 0)
            {
                exceptions ??= [];
                if (!exceptions.TryGetValue(entry.Pattern, out var list))
                {
                    exceptions[entry.Pattern] = list = [];
                }

                list.Add(candidate);
            }
            else if (patterns[entry.Pattern].Anchor != PhraseAnchor.TextStart || candidate.Start == 0)
            {
                hits.Add(candidate);
            }
        }

        var longest = new Dictionary<int, int>();
        foreach (var (pattern, list) in exceptions ?? [])
        {
            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            longest[pattern] = list.Max(e => e.Length);
        }

        // Which exception occurrence (index into covers) excuses each hit; -1 for none.
        var covers = new List<Candidate>();
        var coveredBy = new int[hits.Count];
        for (var h = 0; h < hits.Count; h++)
        {
            coveredBy[h] = -1;
            var pattern = entries[hits[h].Entry].Pattern;
            if (exceptions is not null && exceptions.TryGetValue(pattern, out var list)
                && BestCover(list, longest[pattern], hits[h]) is { } cover)
            {
                coveredBy[h] = covers.Count;
                covers.Add(cover);
            }
        }

        var matches = KeepOnePerPlace(hits, coveredBy, suppressed: false, entries)
            .Select(h => ToMatch(patterns, entries, text, hits[h]))
            .ToArray();
        var excused = KeepOnePerPlace(hits, coveredBy, suppressed: true, entries)
            .Select(h => ToSuppressed(patterns, entries, text, hits[h], covers[coveredBy[h]]))
            .ToArray();
        return new PhraseMatches(matches, excused);
    }

    /// <summary>The most similar exception occurrence covering <paramref name="hit"/>; the list is sorted by start.</summary>
    private static Candidate? BestCover(List<Candidate> exceptions, int longest, Candidate hit)
    {
        // Only occurrences starting at or before the hit can cover it; walk back from the last such one
        // while an occurrence that long could still reach the hit's end.
        int lo = 0, hi = exceptions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = exceptions[mid].Start <= hit.Start ? (mid + 1, hi) : (lo, mid);
        }

        Candidate? best = null;
        for (var i = lo - 1; i >= 0 && exceptions[i].Start + longest >= hit.End; i--)
        {
            if (exceptions[i].Covers(hit) && (best is null || exceptions[i].Similarity > best.Value.Similarity))
            {
                best = exceptions[i];
            }
        }

        return best;
    }

    /// <summary>
    /// Among overlapping hits of the same pattern keeps the most similar (then the earliest) and any
    /// others that do not overlap a kept one. Returns indices into <paramref name="hits"/> in text
    /// order, then pattern order. Sorting is on integer keys, as a text can hold many thousands of hits.
    /// </summary>
    private static List<int> KeepOnePerPlace(
        List<Candidate> hits, int[] coveredBy, bool suppressed, IReadOnlyList<CompiledEntry> entries)
    {
        var order = new List<int>(hits.Count);
        for (var h = 0; h < hits.Count; h++)
        {
            if (coveredBy[h] >= 0 == suppressed)
            {
                order.Add(h);
            }
        }

        var indices = order.ToArray();
        var keys = indices.Select(h => Key(entries[hits[h].Entry].Pattern, hits[h].Start)).ToArray();
        Array.Sort(keys, indices);

        var kept = new List<int>(indices.Length);
        var cluster = new List<int>();
        var clusterEnd = -1;
        var clusterPattern = -1;
        foreach (var h in indices)
        {
            var pattern = entries[hits[h].Entry].Pattern;
            if (pattern != clusterPattern || hits[h].Start >= clusterEnd)
            {
                KeepBest(hits, cluster, kept);
                cluster.Clear();
                clusterPattern = pattern;
                clusterEnd = hits[h].End;
            }

            cluster.Add(h);
            clusterEnd = Math.Max(clusterEnd, hits[h].End);
        }

        KeepBest(hits, cluster, kept);
        var byPlace = kept.Select(h => Key(hits[h].Start, entries[hits[h].Entry].Pattern)).ToArray();
        var result = kept.ToArray();
        Array.Sort(byPlace, result);
        return [.. result];
    }

    private static long Key(int major, int minor) => ((long)major << 32) | (uint)minor;

    private static void KeepBest(List<Candidate> hits, List<int> cluster, List<int> kept)
    {
        if (cluster.Count <= 1)
        {
            kept.AddRange(cluster);
            return;
        }

        var first = kept.Count;
        foreach (var h in cluster.OrderByDescending(h => hits[h].Similarity).ThenBy(h => hits[h].Start))
        {
            var free = true;
            for (var k = first; k < kept.Count && free; k++)
            {
                free = !hits[kept[k]].Overlaps(hits[h]);
            }

            if (free)
            {
                kept.Add(h);
            }
        }
    }

    private static PhraseMatch ToMatch(
        IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<CompiledEntry> entries, NormalizedText text, Candidate hit)
    {
        var pattern = patterns[entries[hit.Entry].Pattern];
        var span = text.ToSource(hit.Start, hit.Length);
        return new PhraseMatch(
            pattern.Id, pattern.Phrase, span.Start, span.Length, text.Original.Substring(span.Start, span.Length),
            hit.Kind, hit.Similarity);
    }

    private static SuppressedMatch ToSuppressed(
        IReadOnlyList<PhrasePattern> patterns, IReadOnlyList<CompiledEntry> entries, NormalizedText text,
        Candidate hit, Candidate exception)
    {
        var entry = entries[exception.Entry];
        var span = text.ToSource(exception.Start, exception.Length);
        return new SuppressedMatch(
            ToMatch(patterns, entries, text, hit), patterns[entry.Pattern].Exceptions[entry.Exception],
            span.Start, span.Length, text.Original.Substring(span.Start, span.Length));
    }
}
