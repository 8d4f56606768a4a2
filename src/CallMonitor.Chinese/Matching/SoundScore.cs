namespace CallMonitor.Chinese.Matching;

/// <summary>How closely a sound hit resembles its phrase, character by character.</summary>
internal readonly record struct SoundScore(MatchKind Kind, double Similarity)
{
    private const double SameSyllableAndTone = 0.9;
    private const double SameSyllable = 0.8;
    private const double NearSyllable = 0.6;

    /// <summary>
    /// Scores <paramref name="phrase"/> against <paramref name="text"/> at <paramref name="start"/>, a
    /// place where the sound automaton matched; null when every character is the same (an exact hit,
    /// which the exact automaton reports itself).
    /// </summary>
    public static SoundScore? Of(SoundTable table, string phrase, string text, int start)
    {
        var sum = 0.0;
        var kind = MatchKind.Exact;
        for (var k = 0; k < phrase.Length; k++)
        {
            char wanted = phrase[k], heard = text[start + k];
            if (wanted == heard)
            {
                sum += 1.0;
            }
            else if (table.SameToneless(wanted, heard))
            {
                sum += table.SameToned(wanted, heard) ? SameSyllableAndTone : SameSyllable;
                kind = kind == MatchKind.Near ? kind : MatchKind.Homophone;
            }
            else
            {
                sum += NearSyllable;
                kind = MatchKind.Near;
            }
        }

        return kind == MatchKind.Exact ? null : new SoundScore(kind, sum / phrase.Length);
    }
}
