using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Audio;

namespace CallMonitor.TestKit.Calls;

/// <summary>
/// A two-party call written line by line from real recordings, rendered to a WAV with its exact truth:
/// <code>
/// new CallScript("refund")
///     .At(0.5).Agent("您 好 请问 有 什么 可以 帮 您")
///     .Pause(0.7).Customer("wo3 xiang3 wen4 yi2 xia4")
///     .Silence(14)
///     .Agent("系统 显示", tempo: 1.5)
///     .OverlapBy(1.0).Customer("na4 zen3 me1 ban4")
///     .Render();
/// </code>
/// Each line starts right after everything said so far unless <see cref="At"/>, <see cref="Pause"/>,
/// <see cref="Silence"/> or <see cref="OverlapBy"/> placed it. Agent lines are words of the agent speaker's
/// voice bank, customer lines toneful pinyin syllables of the customer speaker; <see cref="Say"/> places a real
/// sentence instead.
/// </summary>
public sealed class CallScript
{
    /// <summary>Pause between the words of an agent line (a fluent phrase; under the 0.3 s merge gap).</summary>
    public const double DefaultWordGap = 0.06;

    /// <summary>Pause between the syllables of a customer line.</summary>
    public const double DefaultSyllableGap = 0.04;

    private readonly List<ScriptedUtterance> _lines = [];
    private (Placement Kind, double Seconds) _next = (Placement.AfterPrevious, 0);

    public CallScript(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Number of lines so far.</summary>
    public int Count => _lines.Count;

    internal IReadOnlyList<ScriptedUtterance> Lines => _lines;

    /// <summary>The next line starts <paramref name="seconds"/> from the start of the call.</summary>
    public CallScript At(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        _next = (Placement.At, seconds);
        return this;
    }

    /// <summary>The next line starts <paramref name="seconds"/> after everything said so far has ended (a turn gap).</summary>
    public CallScript Pause(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        _next = (Placement.AfterPrevious, seconds);
        return this;
    }

    /// <summary>A stretch of <paramref name="seconds"/> where nobody speaks, then the next line.</summary>
    public CallScript Silence(double seconds) => Pause(seconds);

    /// <summary>The next line starts <paramref name="seconds"/> before everything said so far has ended (barge-in).</summary>
    public CallScript OverlapBy(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        _next = (Placement.AfterPrevious, -seconds);
        return this;
    }

    /// <summary>The agent says voice-bank words, given space-separated (e.g. <c>"您 好 请问"</c>).</summary>
    public CallScript Agent(string words, double wordGap = DefaultWordGap, double tempo = 1.0) =>
        Agent(Split(words), wordGap, tempo);

    public CallScript Agent(IEnumerable<string> words, double wordGap = DefaultWordGap, double tempo = 1.0) =>
        AddUnits(SpeakerRole.Agent, words, wordGap, tempo);

    /// <summary>The customer says toneful pinyin syllables, space-separated (e.g. <c>"ni3 hao3"</c>).</summary>
    public CallScript Customer(string syllables, double syllableGap = DefaultSyllableGap, double tempo = 1.0) =>
        Customer(Split(syllables), syllableGap, tempo);

    public CallScript Customer(IEnumerable<string> syllables, double syllableGap = DefaultSyllableGap, double tempo = 1.0) =>
        AddUnits(SpeakerRole.Customer, syllables, syllableGap, tempo);

    /// <summary><paramref name="role"/> says a real recorded sentence (trimmed of its leading and trailing silence).</summary>
    public CallScript Say(SpeakerRole role, RealUtterance recording, double tempo = 1.0)
    {
        ArgumentNullException.ThrowIfNull(recording);
        return Add(role, [], recording, 0, tempo);
    }

    /// <summary>Renders into the shared test cache (each distinct script and options once per machine).</summary>
    public RenderedCall Render(RenderOptions? options = null) =>
        Render(Path.Combine(TestKitCache.Root, "calls"), options);

    /// <summary>
    /// Renders into <paramref name="outputDirectory"/> as <c>name-key.wav</c>, the key digesting the script, the
    /// options and the voice bank; an existing file with that key is reused. Skips the calling test when
    /// <c>shared/audio</c> (or, for tempo changes, ffmpeg) is absent.
    /// </summary>
    public RenderedCall Render(string outputDirectory, RenderOptions? options = null, VoiceBank? bank = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        if (_lines.Count == 0)
        {
            throw new InvalidOperationException($"call script '{Name}' has no lines to render");
        }

        options ??= new RenderOptions();
        options.Validate();
        return CallRenderer.Render(this, bank ?? VoiceBank.Require(), options, outputDirectory);
    }

    internal string Describe() => string.Join('\n', _lines.Select(l => l.Describe()).Prepend(Name));

    private CallScript AddUnits(SpeakerRole role, IEnumerable<string> units, double gap, double tempo)
    {
        ArgumentNullException.ThrowIfNull(units);
        var list = units.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"a {role} line needs at least one unit", nameof(units));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        return Add(role, list, null, gap, tempo);
    }

    private CallScript Add(SpeakerRole role, IReadOnlyList<string> units, RealUtterance? recording, double gap, double tempo)
    {
        if (role is not (SpeakerRole.Agent or SpeakerRole.Customer))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "a call script line is spoken by the agent or the customer");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(tempo, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tempo, 4.0);
        _lines.Add(new ScriptedUtterance(role, units, recording, gap, tempo, _next.Kind, _next.Seconds));
        _next = (Placement.AfterPrevious, 0);
        return this;
    }

    private static string[] Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
