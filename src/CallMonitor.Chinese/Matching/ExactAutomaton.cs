namespace CallMonitor.Chinese.Matching;

/// <summary>
/// Aho-Corasick automaton over normalised strings: one left-to-right pass over the text reports every
/// occurrence of every string, whatever their number. Each node keeps its children as a sorted
/// character array; the root, visited after every mismatch, has a direct table for the whole BMP.
/// Each node's output list already includes the outputs of its failure chain.
/// </summary>
internal sealed class ExactAutomaton
{
    private readonly int[] _rootNext;
    private readonly int[] _childStart;
    private readonly char[] _childChars;
    private readonly int[] _childNodes;
    private readonly int[] _fail;
    private readonly int[] _outputStart;
    private readonly int[] _outputEntries;
    private readonly int[] _outputLengths;

    private ExactAutomaton(
        int[] rootNext, int[] childStart, char[] childChars, int[] childNodes, int[] fail,
        int[] outputStart, int[] outputEntries, int[] outputLengths)
    {
        _rootNext = rootNext;
        _childStart = childStart;
        _childChars = childChars;
        _childNodes = childNodes;
        _fail = fail;
        _outputStart = outputStart;
        _outputEntries = outputEntries;
        _outputLengths = outputLengths;
    }

    /// <summary>Builds the automaton for <paramref name="strings"/>; entry i is strings[i] (non-empty).</summary>
    public static ExactAutomaton Build(IReadOnlyList<string> strings)
    {
        var children = new List<Dictionary<char, int>> { new() };
        var own = new List<List<int>> { new() };
        for (var entry = 0; entry < strings.Count; entry++)
        {
            var node = 0;
            foreach (var c in strings[entry])
            {
                if (!children[node].TryGetValue(c, out var child))
                {
                    child = children.Count;
                    children[node].Add(c, child);
                    children.Add([]);
                    own.Add([]);
                }

                node = child;
            }

            own[node].Add(entry);
        }

        // Breadth first, so a node's failure target (a shorter suffix) is finished before the node.
        var count = children.Count;
        var fail = new int[count];
        var outputs = new List<int>[count];
        outputs[0] = own[0];
        var queue = new Queue<int>();
        foreach (var child in children[0].Values)
        {
            outputs[child] = own[child];
            queue.Enqueue(child);
        }

        while (queue.TryDequeue(out var node))
        {
            foreach (var (c, child) in children[node])
            {
                var f = fail[node];
                while (f != 0 && !children[f].ContainsKey(c))
                {
                    f = fail[f];
                }

                fail[child] = children[f].TryGetValue(c, out var target) && target != child ? target : 0;
                outputs[child] = [.. own[child], .. outputs[fail[child]]];
                queue.Enqueue(child);
            }
        }

        return Freeze(children, fail, outputs, strings);
    }

    /// <summary>Reports (entry, start, length) for every occurrence of every string in <paramref name="text"/>.</summary>
    public void Collect(string text, List<(int Entry, int Start, int Length)> hits)
    {
        var state = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            while (true)
            {
                if (state == 0)
                {
                    state = _rootNext[c];
                    break;
                }

                var next = Child(state, c);
                if (next >= 0)
                {
                    state = next;
                    break;
                }

                state = _fail[state];
            }

            for (var o = _outputStart[state]; o < _outputStart[state + 1]; o++)
            {
                var length = _outputLengths[o];
                hits.Add((_outputEntries[o], i - length + 1, length));
            }
        }
    }

    private static ExactAutomaton Freeze(
        List<Dictionary<char, int>> children, int[] fail, List<int>[] outputs, IReadOnlyList<string> strings)
    {
        var count = children.Count;
        var childStart = new int[count + 1];
        var chars = new List<char>();
        var nodes = new List<int>();
        var outputStart = new int[count + 1];
        var entries = new List<int>();
        for (var node = 0; node < count; node++)
        {
            childStart[node] = chars.Count;
            foreach (var (c, child) in children[node].OrderBy(pair => pair.Key))
            {
                chars.Add(c);
                nodes.Add(child);
            }

            outputStart[node] = entries.Count;
            entries.AddRange(outputs[node]);
        }

        childStart[count] = chars.Count;
        outputStart[count] = entries.Count;

        var rootNext = new int[char.MaxValue + 1];
        foreach (var (c, child) in children[0])
        {
            rootNext[c] = child;
        }

        return new ExactAutomaton(
            rootNext, childStart, [.. chars], [.. nodes], fail, outputStart, [.. entries],
            [.. entries.Select(e => strings[e].Length)]);
    }

    private int Child(int node, char c)
    {
        var lo = _childStart[node];
        var hi = _childStart[node + 1] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = _childChars[mid];
            if (value == c)
            {
                return _childNodes[mid];
            }

            if (value < c)
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
}
