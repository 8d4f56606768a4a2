using CallMonitor.Compliance.Engine.Matching;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Compliance.Engine;

/// <summary>What a call has said so far: final utterances by role, in arrival order. Shared by the evaluators of one session.</summary>
internal sealed class CallHistory
{
    private readonly List<(SpeakerRole Role, UtteranceText Text, string Source)> _finals = [];

    /// <summary>Every final utterance so far.</summary>
    public IReadOnlyList<(SpeakerRole Role, UtteranceText Text, string Source)> Finals => _finals;

    /// <summary>Whether any final utterance with text has been seen on <paramref name="role"/>'s channel.</summary>
    public bool HasText(SpeakerRole role) => _finals.Exists(f => f.Role == role);

    /// <summary>Final utterances of <paramref name="role"/>.</summary>
    public IEnumerable<UtteranceText> Of(SpeakerRole role) => _finals.Where(f => f.Role == role).Select(f => f.Text);

    public UtteranceText Add(UtteranceRecognized utterance)
    {
        var text = UtteranceText.Of(utterance);
        _finals.Add((utterance.Role, text, utterance.Source));
        return text;
    }
}
