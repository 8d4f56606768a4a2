using CallMonitor.Domain.Calls;
using CallMonitor.TestKit.Calls;

namespace CallMonitor.TestKit.Phrases;

/// <summary>
/// Writes a <see cref="CallScript"/> in which chosen phrases are planted in agent lines amid random filler words of
/// the agent voice bank, each followed by a customer answer (random syllables of the customer bank, or now and then
/// a real sentence). Filler and answers are checked with a <see cref="PhraseGuard"/>, so the only phrases said are
/// the planted ones (and the phrases inside them). The same seed always writes the same script.
/// </summary>
public sealed class PlantedCallBuilder
{
    private const int Attempts = 200;

    private readonly string _name;
    private readonly PhraseGuard _guard;
    private readonly Random _random;
    private readonly string[] _carriers;
    private readonly string[] _syllables;
    private readonly RealUtterance[] _answers;
    private readonly List<PhraseVoicing> _planted = [];
    private CallScript? _script;

    /// <param name="answers">Real sentences the customer may say; those the guard rejects are left out.</param>
    public PlantedCallBuilder(string name, VoiceBank bank, PhraseGuard guard, int seed, IEnumerable<RealUtterance>? answers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(guard);
        _name = name;
        _guard = guard;
        _random = new Random(seed);
        _carriers = [.. bank.AgentUnits.Keys.Where(guard.IsClean).Order(StringComparer.Ordinal)];
        _syllables = [.. bank.CustomerUnits.Keys.Where(s => char.IsAsciiLetterLower(s[0])).Order(StringComparer.Ordinal)];
        _answers = [.. (answers ?? bank.RealUtterances).Where(a => guard.IsClean(a.Transcript))];
    }

    /// <summary>Filler words on each side of a planted phrase: from <see cref="MinCarriers"/> to <see cref="MaxCarriers"/>.</summary>
    public int MinCarriers { get; init; } = 1;

    public int MaxCarriers { get; init; } = 4;

    /// <summary>Chance that an agent line comes after a long silence (a hold) rather than a turn gap.</summary>
    public double LongSilenceChance { get; init; } = 0.15;

    /// <summary>Length of such a silence, in seconds.</summary>
    public (double Min, double Max) LongSilenceSeconds { get; init; } = (2.0, 8.0);

    /// <summary>Chance that a customer answer is a real sentence rather than syllables.</summary>
    public double RealAnswerChance { get; init; } = 0.25;

    /// <summary>Tempos an agent line is said at, one picked at random per line (other than 1.0 needs ffmpeg).</summary>
    public IReadOnlyList<double> Tempos { get; init; } = [1.0];

    /// <summary>Every voicing planted so far, in order.</summary>
    public IReadOnlyList<PhraseVoicing> Planted => _planted;

    /// <summary>Agent words usable as filler (those the guard passes).</summary>
    public IReadOnlyList<string> CarrierWords => _carriers;

    /// <summary>
    /// An agent line saying <paramref name="voicing"/> between filler words (none before it when
    /// <paramref name="atUtteranceStart"/>), then a customer answer.
    /// </summary>
    public PlantedCallBuilder Plant(PhraseVoicing voicing, bool atUtteranceStart = false)
    {
        ArgumentNullException.ThrowIfNull(voicing);
        var text = voicing.Recording?.Transcript ?? string.Concat(voicing.AgentUnits);
        var (before, after) = Carriers(text, atUtteranceStart);
        AgentLine(before, voicing, after);
        _planted.Add(voicing);
        return Answer();
    }

    /// <summary>
    /// An agent line saying <paramref name="agentUnits"/> (e.g. a word that sounds like a phrase without being it)
    /// between filler words, then a customer answer. The guard is not applied to these units.
    /// </summary>
    public PlantedCallBuilder Decoy(IReadOnlyList<string> agentUnits)
    {
        ArgumentNullException.ThrowIfNull(agentUnits);
        var (before, after) = Carriers(string.Concat(agentUnits), atUtteranceStart: false);
        AgentLine(before, new PhraseVoicing(string.Concat(agentUnits), agentUnits, null), after);
        return Answer();
    }

    /// <summary>The script written so far.</summary>
    /// <exception cref="InvalidOperationException">Nothing was planted.</exception>
    public CallScript Script => _script ?? throw new InvalidOperationException("plant at least one phrase before taking the script");

    private void AgentLine(string[] before, PhraseVoicing middle, string[] after)
    {
        // The call opens after a short lead-in; later lines follow a turn gap or a long silence.
        var script = _script is null
            ? _script = new CallScript(_name).At(Between(0.5, 1.0))
            : Gap(_script, _random.NextDouble() < LongSilenceChance ? LongSilenceSeconds : (0.5, 0.9));
        var tempo = Tempos[_random.Next(Tempos.Count)];
        if (middle.Recording is not { } recording)
        {
            script.Agent([.. before, .. middle.AgentUnits, .. after], tempo: tempo);
            return;
        }

        // A real recording is a line of its own: the filler goes in lines just before and after it, a word gap apart.
        if (before.Length > 0)
        {
            script.Agent(before, tempo: tempo).Pause(CallScript.DefaultWordGap);
        }

        script.Say(SpeakerRole.Agent, recording, tempo);
        if (after.Length > 0)
        {
            script.Pause(CallScript.DefaultWordGap).Agent(after, tempo: tempo);
        }
    }

    private PlantedCallBuilder Answer()
    {
        var script = Gap(Script, (0.5, 0.9));
        if (_answers.Length > 0 && _random.NextDouble() < RealAnswerChance)
        {
            script.Say(SpeakerRole.Customer, _answers[_random.Next(_answers.Length)]);
            return this;
        }

        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var syllables = Enumerable.Range(0, _random.Next(3, 9)).Select(_ => _syllables[_random.Next(_syllables.Length)]).ToArray();
            if (_guard.IsClean(syllables))
            {
                script.Customer(syllables);
                return this;
            }
        }

        throw new InvalidOperationException("no customer answer free of the guarded phrases was found; the guard rejects nearly every syllable");
    }

    /// <summary>
    /// Filler before and after <paramref name="middle"/> such that every guarded phrase the line says or sounds like
    /// lies inside the middle; no filler at all when none is found.
    /// </summary>
    private (string[] Before, string[] After) Carriers(string middle, bool atUtteranceStart)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var before = atUtteranceStart ? [] : Pick();
            var after = Pick();
            var start = before.Sum(w => w.Length);
            var line = string.Concat(before) + middle + string.Concat(after);
            if (_guard.Find(line).All(f => f.Start >= start && f.Start + f.Phrase.Length <= start + middle.Length))
            {
                return (before, after);
            }
        }

        return ([], []);
    }

    private string[] Pick() =>
        [.. Enumerable.Range(0, _random.Next(MinCarriers, MaxCarriers + 1)).Select(_ => _carriers[_random.Next(_carriers.Length)])];

    private CallScript Gap(CallScript script, (double Min, double Max) range) => script.Pause(Between(range.Min, range.Max));

    private double Between(double min, double max) => min + (_random.NextDouble() * (max - min));
}
