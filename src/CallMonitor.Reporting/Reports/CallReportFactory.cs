using CallMonitor.Acoustics.Analysis;
using CallMonitor.Acoustics.Metrics;

namespace CallMonitor.Reporting.Reports;

/// <summary>Builds a <see cref="CallReport"/> from an acoustic analysis.</summary>
public static class CallReportFactory
{
    public static CallReport FromAcoustics(AcousticAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var vad = new EngineInfo(
            "vad",
            analysis.Detector,
            analysis.DetectorFallbackReason is null ? "ok" : "fallback",
            analysis.DetectorFallbackReason);
        var wall = analysis.WallTime.TotalSeconds;
        return new CallReport(
            analysis.CallId,
            new SourceInfo(analysis.Source, analysis.SourceFormat),
            Math.Round(analysis.Duration.TotalSeconds, 3),
            analysis.Layout.ToString(),
            [vad],
            AcousticMetricsBuilder.Build(analysis),
            new ProcessingInfo(
                Math.Round(wall, 3),
                Math.Round(analysis.CpuTime.TotalSeconds, 3),
                wall > 0 ? Math.Round(analysis.Duration.TotalSeconds / wall, 1) : 0));
    }
}
