namespace CallMonitor.Compliance.Engine;

/// <summary>
/// A second opinion on one utterance: how likely it is rude, blaming or shirking language (态度生硬、推诿、顶撞) that no
/// phrase list names. The engine calls it for every final utterance a <c>rude_utterance</c> rule judges, from the
/// session's thread; an implementation shared by many calls must be thread-safe.
/// </summary>
public interface IUtteranceClassifier
{
    /// <summary>Names the model in reports and messages (<c>ml.net rude-utterance v1</c>).</summary>
    string Name { get; }

    /// <summary>The probability (0..1) that <paramref name="text"/> (one utterance, Chinese, as recognised) is rude.</summary>
    double Classify(string text);
}
