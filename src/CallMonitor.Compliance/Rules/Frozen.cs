using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace CallMonitor.Compliance.Rules;

/// <summary>Read-only copies for the compiled pack: nothing a caller gets back can be cast and changed.</summary>
internal static class Frozen
{
    public static ReadOnlyCollection<T> List<T>(IEnumerable<T> items) => Array.AsReadOnly([.. items]);

    public static FrozenDictionary<string, T> Map<T>(IEnumerable<KeyValuePair<string, T>> items) =>
        items.ToFrozenDictionary(StringComparer.Ordinal);
}
