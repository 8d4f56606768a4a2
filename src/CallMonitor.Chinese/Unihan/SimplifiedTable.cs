using System.Collections.Frozen;

namespace CallMonitor.Chinese.Unihan;

/// <summary>
/// Traditional -> simplified character map from Unihan kSimplifiedVariant, limited to U+3400..U+9FFF.
/// Characters that are themselves valid in simplified text are never mapped.
/// </summary>
internal static class SimplifiedTable
{
    private static readonly Lazy<FrozenDictionary<char, char>> Map = new(Load);

    internal static int Count => Map.Value.Count;

    internal static char ToSimplified(char c) =>
        c >= '\u3400' && c <= UnihanResources.LastIdeograph && Map.Value.TryGetValue(c, out var s) ? s : c;

    private static FrozenDictionary<char, char> Load()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in UnihanResources.ReadLines(UnihanResources.SimplifiedResource))
        {
            if (line.Length != 2)
            {
                throw new UnihanDataException(
                    $"Unexpected line in {UnihanResources.SimplifiedResource}: '{line}'; rebuild CallMonitor.Chinese.");
            }

            map[line[0]] = line[1];
        }

        return map.ToFrozenDictionary();
    }
}
