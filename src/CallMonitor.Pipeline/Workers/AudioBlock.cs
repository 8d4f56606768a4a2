using CallMonitor.Domain.Calls;

namespace CallMonitor.Pipeline.Workers;

/// <summary>The next 16 kHz mono samples of one channel. Shared read-only by every worker of that channel.</summary>
internal sealed record AudioBlock(SpeakerRole Role, float[] Samples);
