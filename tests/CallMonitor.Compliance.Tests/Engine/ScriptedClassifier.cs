using CallMonitor.Compliance.Engine;

namespace CallMonitor.Compliance.Tests.Engine;

/// <summary>A classifier double: a fixed probability per exact text, <see cref="Otherwise"/> for anything else; it logs what it was asked.</summary>
internal sealed class ScriptedClassifier(params (string Text, double Probability)[] script) : IUtteranceClassifier
{
    public string Name => "scripted";

    public double Otherwise { get; init; } = 0.05;

    public List<string> Asked { get; } = [];

    public double Classify(string text)
    {
        Asked.Add(text);
        foreach (var (t, p) in script)
        {
            if (t == text)
            {
                return p;
            }
        }

        return Otherwise;
    }
}
