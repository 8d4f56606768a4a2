using System.Globalization;
using CallMonitor.Domain.Calls;

namespace CallMonitor.TestKit.Calls;

/// <summary>Where a scripted utterance starts.</summary>
internal enum Placement
{
    /// <summary><c>Seconds</c> after the end of everything said so far (negative: that long before it ends).</summary>
    AfterPrevious,

    /// <summary>At <c>Seconds</c> from the start of the call.</summary>
    At,
}

/// <summary>One line of a <see cref="CallScript"/>: voice-bank units said in a row, or a real recording.</summary>
internal sealed record ScriptedUtterance(
    SpeakerRole Role,
    IReadOnlyList<string> Units,
    RealUtterance? Recording,
    double UnitGapSeconds,
    double Tempo,
    Placement Placement,
    double Seconds)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Role}|{string.Join(' ', Units)}|{Recording?.Name}|{UnitGapSeconds:R}|{Tempo:R}|{Placement}|{Seconds:R}");
}
