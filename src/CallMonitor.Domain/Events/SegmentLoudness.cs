namespace CallMonitor.Domain.Events;

/// <summary>Level of a speech segment.</summary>
/// <param name="RmsDbfs">RMS level in dB relative to full scale.</param>
/// <param name="PeakDbfs">Peak sample level in dBFS.</param>
/// <param name="ClippedFraction">Share of samples at or near full scale (0..1).</param>
public sealed record SegmentLoudness(double RmsDbfs, double PeakDbfs, double ClippedFraction);
