using CallMonitor.Compliance.Rules;
using CallMonitor.Domain.Errors;

namespace CallMonitor.Hosting.Engines;

/// <summary>
/// The speech engines of a service whose rule pack can change while it runs. The engines that do not depend on the
/// pack (Vosk, whose model takes a gigabyte or two) are opened once in <see cref="Open"/> and shared by every pack;
/// the ones that listen for the pack's phrases (the keyword spotter) are opened for each pack by
/// <see cref="OpenForPack"/>, and whoever asked for them disposes them when that pack's last call ends.
/// </summary>
public sealed class SpeechEngineSet : IDisposable
{
    private readonly bool _required;

    private SpeechEngineSet(IReadOnlyList<string> names, bool required, EngineSelection shared)
    {
        Names = names;
        _required = required;
        Shared = shared;
    }

    /// <summary>The engine list asked for (from <see cref="SpeechEngineCatalog.Parse"/>).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The pack-independent engines, opened once; disposed with this set.</summary>
    public EngineSelection Shared { get; }

    /// <summary>Opens the pack-independent engines of <paramref name="names"/>.</summary>
    /// <param name="required">Throw when a named engine cannot start, instead of listing it as unavailable.</param>
    /// <exception cref="ArgumentException">An unknown engine name.</exception>
    /// <exception cref="EngineUnavailableException">With <paramref name="required"/>: the first engine that cannot start.</exception>
    public static SpeechEngineSet Open(IReadOnlyList<string> names, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(names);
        var checkedNames = SpeechEngineCatalog.Parse(string.Join(',', names));
        return new SpeechEngineSet(checkedNames, required, SpeechEngineCatalog.OpenPackIndependent(checkedNames, required));
    }

    /// <summary>Opens the engines that listen for <paramref name="rules"/>' phrases. The caller owns (disposes) them.</summary>
    /// <exception cref="EngineUnavailableException">When the set was opened with <c>required</c>: an engine that cannot start.</exception>
    public EngineSelection OpenForPack(RulePack rules) => SpeechEngineCatalog.OpenPackDependent(Names, rules, _required);

    public void Dispose() => Shared.Dispose();
}
