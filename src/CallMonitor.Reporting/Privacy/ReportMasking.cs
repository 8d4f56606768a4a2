using CallMonitor.Chinese.Privacy;
using CallMonitor.Reporting.Reports;
using CallMonitor.Speech.Transcripts;

namespace CallMonitor.Reporting.Privacy;

/// <summary>
/// Masks the phone, identity and bank-card numbers callers and agents speak, wherever a report or a transcript keeps
/// what was said (issue 5: masked by default in stored transcripts and reports).
/// </summary>
/// <remarks>
/// <para>
/// Masked: each transcript segment's text and each of its words (consistently: a number read one word per digit is
/// masked across the words, see <see cref="WordMasking"/>), and each violation's evidence. Lengths do not change, so
/// word times and character offsets stay valid.
/// </para>
/// <para>
/// Left as they are: keyword-hit phrases and tokens and violation phrases (they are the rule pack's phrases, not what
/// the caller said), ids, engine names, metrics and the score. A transcript's events (hang-ups) carry no text, and
/// segments carry no N-best alternatives, so there is nothing else to mask. File names and call ids are identifiers,
/// not speech: a centre that names recordings after the caller's number has to rename them itself.
/// </para>
/// <para>
/// When nothing is sensitive the very instance passed in is returned (and likewise for every part that did not
/// change), so <c>ReferenceEquals(Mask(r, m), r)</c> tells whether anything was masked.
/// </para>
/// </remarks>
public static class ReportMasking
{
    /// <summary>A copy of <paramref name="report"/> with spoken numbers masked, or the report itself when there are none.</summary>
    public static CallReport Mask(CallReport report, SensitiveNumberMasker masker)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(masker);
        var transcript = report.Transcript is null ? null : Mask(report.Transcript, masker);
        var violations = MaskEach(report.Violations, v =>
        {
            var evidence = masker.Mask(v.Evidence);
            return ReferenceEquals(evidence, v.Evidence) ? v : v with { Evidence = evidence };
        });
        if (ReferenceEquals(transcript, report.Transcript) && ReferenceEquals(violations, report.Violations))
        {
            return report;
        }

        return report with { Transcript = transcript, Violations = violations };
    }

    /// <summary>A copy of <paramref name="document"/> with spoken numbers masked, or the document itself when there are none.</summary>
    public static TranscriptDocument Mask(TranscriptDocument document, SensitiveNumberMasker masker)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(masker);
        var segments = MaskEach(document.Segments, s => Mask(s, masker));
        return ReferenceEquals(segments, document.Segments) ? document : document with { Segments = segments };
    }

    private static TranscriptSegment Mask(TranscriptSegment segment, SensitiveNumberMasker masker)
    {
        var text = masker.Mask(segment.Text);
        var words = segment.Words.Count == 0 ? segment.Words : WordMasking.Mask(segment.Text, text, segment.Words, masker);
        return ReferenceEquals(text, segment.Text) && ReferenceEquals(words, segment.Words)
            ? segment
            : segment with { Text = text, Words = words };
    }

    /// <summary><paramref name="items"/> mapped by <paramref name="mask"/>; the same list when every item maps to itself.</summary>
    private static IReadOnlyList<T> MaskEach<T>(IReadOnlyList<T> items, Func<T, T> mask)
        where T : class
    {
        T[]? copy = null;
        for (var i = 0; i < items.Count; i++)
        {
            var masked = mask(items[i]);
            if (!ReferenceEquals(masked, items[i]))
            {
                copy ??= [.. items];
                copy[i] = masked;
            }
        }

        return copy ?? items;
    }
}
