namespace CallMonitor.Reporting.Reports;

/// <summary>What the analysis cost: wall and CPU seconds, and speed in multiples of real time.</summary>
public sealed record ProcessingInfo(double WallSec, double CpuSec, double RealTimeFactor);
