using CallMonitor.Chinese.Privacy;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Privacy;

/// <summary>Masks the timed words of a segment consistently with the segment's masked text.</summary>
internal static class WordMasking
{
    /// <summary>
    /// The words of a segment with every character masked that is masked in the segment's text, plus every character
    /// the words' own sequence reveals as part of a number; the same list when nothing changes.
    /// </summary>
    /// <remarks>
    /// Each word is found in <paramref name="original"/> in order (ordinal search from where the previous word ended)
    /// and takes the masked characters at that place, so a number split over many words (one word per digit, as Vosk
    /// writes it) is masked across them. The second pass, masking the words joined with spaces, is a safeguard for
    /// words that do not spell the segment text exactly (another normalisation, a word the search cannot place): a
    /// word is never left readable because alignment failed.
    /// </remarks>
    public static IReadOnlyList<TranscriptWord> Mask(
        string original, string masked, IReadOnlyList<TranscriptWord> words, SensitiveNumberMasker masker)
    {
        var texts = new string[words.Count];
        var cursor = 0;
        for (var w = 0; w < words.Count; w++)
        {
            texts[w] = words[w].Text;
            var at = texts[w].Length == 0 ? -1 : original.IndexOf(texts[w], cursor, StringComparison.Ordinal);
            if (at >= 0)
            {
                texts[w] = Overlay(texts[w], masked.AsSpan(at, texts[w].Length));
                cursor = at + words[w].Text.Length;
            }
        }

        var joined = masker.Mask(string.Join(' ', words.Select(w => w.Text)));
        var offset = 0;
        for (var w = 0; w < words.Count; w++)
        {
            texts[w] = Overlay(texts[w], joined.AsSpan(offset, words[w].Text.Length));
            offset += words[w].Text.Length + 1;
        }

        List<TranscriptWord>? result = null;
        for (var w = 0; w < words.Count; w++)
        {
            if (!ReferenceEquals(texts[w], words[w].Text))
            {
                result ??= [.. words];
                result[w] = words[w] with { Text = texts[w] };
            }
        }

        return result ?? words;
    }

    /// <summary><paramref name="text"/> with a mask character wherever <paramref name="maskedView"/> has one it does not.</summary>
    private static string Overlay(string text, ReadOnlySpan<char> maskedView)
    {
        char[]? chars = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (maskedView[i] == SensitiveNumberMasker.MaskChar && text[i] != SensitiveNumberMasker.MaskChar)
            {
                chars ??= text.ToCharArray();
                chars[i] = SensitiveNumberMasker.MaskChar;
            }
        }

        return chars is null ? text : new string(chars);
    }
}
