namespace CallMonitor.Storage.Calls;

/// <summary>The audio format a call was streamed in, kept with the call for the report and for replays.</summary>
/// <param name="Encoding">Wire name of the encoding (<c>pcm16</c>, <c>mulaw</c>, <c>alaw</c>).</param>
/// <param name="SampleRate">Samples per second per channel.</param>
/// <param name="ChannelCount">Number of interleaved channels.</param>
/// <param name="ChannelRoles">Role of each channel in order (<c>agent</c>, <c>customer</c> …); empty when unknown.</param>
public sealed record CallAudioFormat(string Encoding, int SampleRate, int ChannelCount, IReadOnlyList<string> ChannelRoles);
