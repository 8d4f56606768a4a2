namespace CallMonitor.Benchmarks.Kws;

/// <summary>Counts for one phrase over all benchmark calls.</summary>
internal sealed class PhraseTally
{
    private readonly List<double> _startErrors = [];

    public PhraseTally(PackPhrase phrase)
    {
        Phrase = phrase;
    }

    public PackPhrase Phrase { get; }

    /// <summary>Times the phrase itself was planted.</summary>
    public int Planted { get; private set; }

    /// <summary>Of those, how many got a hit of the phrase within the tolerance.</summary>
    public int Found { get; private set; }

    /// <summary>Times it was said inside a longer planted pack phrase (清楚 in 不清楚), and how many of those were hit.</summary>
    public int NestedPlanted { get; private set; }

    public int NestedFound { get; private set; }

    /// <summary>Hits on the agent channel where the phrase was not said.</summary>
    public int AgentFalseAlarms { get; private set; }

    /// <summary>Hits on the customer channel (which never says a pack phrase).</summary>
    public int CustomerFalseAlarms { get; private set; }

    /// <summary>Hit start minus true start, seconds, for found plants.</summary>
    public IReadOnlyList<double> StartErrors => _startErrors;

    public double Recall => Planted == 0 ? double.NaN : (double)Found / Planted;

    public void AddPlant(bool nested, double? startError)
    {
        if (nested)
        {
            NestedPlanted++;
            NestedFound += startError is null ? 0 : 1;
            return;
        }

        Planted++;
        if (startError is { } error)
        {
            Found++;
            _startErrors.Add(error);
        }
    }

    public void AddFalseAlarms(int agent, int customer)
    {
        AgentFalseAlarms += agent;
        CustomerFalseAlarms += customer;
    }
}
