namespace CallMonitor.Chinese.Matching;

/// <summary>Where in the text a phrase may match.</summary>
public enum PhraseAnchor
{
    /// <summary>Anywhere.</summary>
    Anywhere,

    /// <summary>
    /// Only at the very start of the text (an utterance): for address words such as 喂 that are
    /// rude as an opening but harmless inside a sentence. Dropped characters (spaces, punctuation) do not count.
    /// </summary>
    TextStart,
}
