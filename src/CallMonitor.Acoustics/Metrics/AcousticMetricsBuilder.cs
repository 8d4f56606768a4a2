using CallMonitor.Acoustics.Analysis;
using CallMonitor.Acoustics.Rate;
using CallMonitor.Domain.Calls;
using CallMonitor.Domain.Events;

namespace CallMonitor.Acoustics.Metrics;

/// <summary>Summarises a call's acoustic events into the report's <see cref="AcousticMetrics"/>.</summary>
public static class AcousticMetricsBuilder
{
    public static AcousticMetrics Build(AcousticAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var segments = analysis.Events.OfType<SpeechSegmentDetected>().ToArray();
        var silences = analysis.Events.OfType<SilenceDetected>().ToArray();
        var overlaps = analysis.Events.OfType<OverlapDetected>().ToArray();
        var duration = analysis.Duration.TotalSeconds;
        var totalTalk = segments.Sum(s => s.Span.Duration.TotalSeconds);

        var roles = analysis.Layout.Roles
            .Select(role => BuildRole(role, segments.Where(s => s.Role == role).ToArray(), totalTalk, duration))
            .ToArray();

        return new AcousticMetrics(
            analysis.Detector,
            Round(duration),
            roles,
            segments.Select(s => new SegmentMetrics(
                s.Role.ToWireName(),
                Round(s.Span.Start.TotalSeconds),
                Round(s.Span.End.TotalSeconds),
                Round(s.Loudness.RmsDbfs, 1),
                Round(s.Loudness.PeakDbfs, 1),
                Round(s.Loudness.ClippedFraction, 4),
                ToMetrics(s.Rate))).ToArray(),
            silences.Select(s => new SilenceMetrics(
                Round(s.Span.Start.TotalSeconds),
                Round(s.Span.End.TotalSeconds),
                Round(s.Span.Duration.TotalSeconds),
                s.Before?.ToWireName(),
                s.After?.ToWireName())).ToArray(),
            overlaps.Select(o => new OverlapMetrics(
                Round(o.Span.Start.TotalSeconds),
                Round(o.Span.End.TotalSeconds),
                Round(o.Span.Duration.TotalSeconds),
                o.Role.ToWireName(),
                o.InterruptedRole.ToWireName())).ToArray(),
            Round(silences.Sum(s => s.Span.Duration.TotalSeconds)),
            Round(overlaps.Sum(o => o.Span.Duration.TotalSeconds)));
    }

    private static RoleMetrics BuildRole(SpeakerRole role, SpeechSegmentDetected[] segments, double totalTalk, double duration)
    {
        var talk = segments.Sum(s => s.Span.Duration.TotalSeconds);
        double power = 0;
        foreach (var s in segments)
        {
            power += Math.Pow(10, s.Loudness.RmsDbfs / 10) * s.Span.Duration.TotalSeconds;
        }

        var rates = segments.Select(s => s.Rate).OfType<SpeakingRateEstimate>().ToArray();
        return new RoleMetrics(
            role.ToWireName(),
            segments.Length,
            Round(talk),
            totalTalk > 0 ? Round(talk / totalTalk, 3) : 0,
            duration > 0 ? Round(talk / duration, 3) : 0,
            talk > 0 ? Round(10 * Math.Log10(power / talk), 1) : -120,
            segments.Length > 0 ? Round(segments.Max(s => s.Loudness.PeakDbfs), 1) : -120,
            talk > 0 ? Round(segments.Sum(s => s.Loudness.ClippedFraction * s.Span.Duration.TotalSeconds) / talk, 4) : 0,
            rates.Length > 0 ? ToMetrics(SyllableRateEstimator.Combine(rates)) : null);
    }

    private static RateMetrics? ToMetrics(SpeakingRateEstimate? rate) =>
        rate is null ? null : new RateMetrics(Round(rate.PerMinute, 1), Round(rate.Uncertainty, 1), rate.Syllables, Round(rate.SpeechSeconds));

    private static double Round(double value, int digits = 3) => Math.Round(value, digits, MidpointRounding.AwayFromZero);
}
