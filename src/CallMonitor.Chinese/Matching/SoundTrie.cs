namespace CallMonitor.Chinese.Matching;

/// <summary>
/// A trie over syllable tokens for matching phrases by sound. Each phrase position is a set of tokens
/// (a polyphone has several) and the text has a set per character, so matching walks the trie from
/// every text position with the set of nodes still alive; a walk dies within a character or two where
/// nothing sounds like a phrase, which keeps it fast with thousands of phrases.
/// </summary>
internal sealed class SoundTrie
{
    /// <summary>Most spellings one phrase expands to; past this, further polyphones keep only their first reading.</summary>
    private const int MaxSpellings = 64;

    private readonly int[] _rootChildren;
    private readonly int[] _childStart;
    private readonly int[] _childTokens;
    private readonly int[] _childNodes;
    private readonly int[] _terminalStart;
    private readonly int[] _terminalEntries;

    private SoundTrie(Builder builder, int syllableCount)
    {
        var nodes = builder.Children.Count;
        _childStart = new int[nodes + 1];
        _terminalStart = new int[nodes + 1];
        var tokens = new List<int>();
        var children = new List<int>();
        var terminals = new List<int>();
        for (var node = 0; node < nodes; node++)
        {
            _childStart[node] = tokens.Count;
            foreach (var (token, child) in builder.Children[node].OrderBy(pair => pair.Key))
            {
                tokens.Add(token);
                children.Add(child);
            }

            _terminalStart[node] = terminals.Count;
            terminals.AddRange(builder.Terminals[node].Distinct());
        }

        _childStart[nodes] = tokens.Count;
        _terminalStart[nodes] = terminals.Count;
        _childTokens = [.. tokens];
        _childNodes = [.. children];
        _terminalEntries = [.. terminals];

        // The root is looked up once per text character and syllable: a direct table for syllables.
        _rootChildren = new int[syllableCount];
        Array.Fill(_rootChildren, -1);
        foreach (var (token, child) in builder.Children[0].Where(pair => pair.Key < syllableCount))
        {
            _rootChildren[token] = child;
        }

        IsEmpty = nodes == 1;
    }

    public bool IsEmpty { get; }

    /// <summary>Adds the phrase whose positions accept the given token sets as <paramref name="entry"/>.</summary>
    public static void Add(Builder builder, IReadOnlyList<int[]> positions, int entry)
    {
        var frontier = new List<int> { 0 };
        var spellings = 1;
        foreach (var options in positions)
        {
            var take = spellings * options.Length <= MaxSpellings ? options.Length : 1;
            spellings *= take;
            var next = new List<int>(frontier.Count * take);
            foreach (var node in frontier)
            {
                for (var k = 0; k < take; k++)
                {
                    next.Add(builder.Child(node, options[k]));
                }
            }

            frontier = next;
        }

        foreach (var node in frontier)
        {
            builder.Terminals[node].Add(entry);
        }
    }

    public static SoundTrie Freeze(Builder builder, int syllableCount) => new(builder, syllableCount);

    /// <summary>Reports (entry, start, length) for every phrase whose sound matches text at some position.</summary>
    public void Collect(string text, SoundTable table, bool near, List<(int Entry, int Start, int Length)> hits)
    {
        if (IsEmpty)
        {
            return;
        }

        var active = new List<int>();
        var next = new List<int>();
        Span<int> literal = stackalloc int[1];
        for (var start = 0; start < text.Length; start++)
        {
            active.Clear();
            active.Add(0);
            for (var j = start; j < text.Length && active.Count > 0; j++)
            {
                scoped ReadOnlySpan<int> tokens = near ? table.Near(text[j]) : table.Homophones(text[j]);
                if (tokens.IsEmpty)
                {
                    literal[0] = table.Literal(text[j]);
                    tokens = literal;
                }

                next.Clear();
                foreach (var node in active)
                {
                    foreach (var token in tokens)
                    {
                        var child = Child(node, token);
                        if (child < 0)
                        {
                            continue;
                        }

                        next.Add(child);
                        for (var t = _terminalStart[child]; t < _terminalStart[child + 1]; t++)
                        {
                            hits.Add((_terminalEntries[t], start, j - start + 1));
                        }
                    }
                }

                (active, next) = (next, active);
            }
        }
    }

    private int Child(int node, int token)
    {
        if (node == 0 && token < _rootChildren.Length)
        {
            return _rootChildren[token];
        }

        var lo = _childStart[node];
        var hi = _childStart[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = _childTokens[mid];
            if (value == token)
            {
                return _childNodes[mid];
            }

            if (value < token)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>The mutable trie while phrases are added.</summary>
    internal sealed class Builder
    {
        public List<Dictionary<int, int>> Children { get; } = [new()];

        public List<List<int>> Terminals { get; } = [[]];

        public int Child(int node, int token)
        {
            if (!Children[node].TryGetValue(token, out var child))
            {
                child = Children.Count;
                Children[node].Add(token, child);
                Children.Add([]);
                Terminals.Add([]);
            }

            return child;
        }
    }
}
