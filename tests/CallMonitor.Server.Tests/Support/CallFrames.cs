using CallMonitor.Contracts.V1;
using Google.Protobuf;

namespace CallMonitor.Server.Tests.Support;

/// <summary>Frames a client sends, built the way an agent desktop would.</summary>
public static class CallFrames
{
    public static CallFrame Start(string callId, AudioEncoding encoding = AudioEncoding.Mulaw, int sampleRate = 8000, int channels = 2, params Speaker[] roles)
    {
        var format = new AudioFormat { Encoding = encoding, SampleRate = sampleRate, Channels = channels };
        format.ChannelRoles.AddRange(roles.Length == 0 && channels == 2 ? [Speaker.Agent, Speaker.Customer] : roles);
        return new CallFrame { Start = new CallStart { CallId = callId, AgentId = "a1", Team = "t1", Format = format } };
    }

    /// <summary>A CallStart for a call with text only (bring-your-own ASR): 16 kHz PCM stereo announced, no audio sent.</summary>
    public static CallFrame TextCallStart(string callId, string agentId, string team)
    {
        var frame = Start(callId, AudioEncoding.Pcm16, 16000);
        frame.Start.AgentId = agentId;
        frame.Start.Team = team;
        return frame;
    }

    public static CallFrame Audio(ReadOnlySpan<byte> data, Speaker speaker = Speaker.Unspecified) =>
        new() { Audio = new AudioChunk { Data = ByteString.CopyFrom(data), Speaker = speaker } };

    public static CallFrame Said(Speaker speaker, double start, double end, string text) =>
        new() { Transcript = new TranscriptSegment { Speaker = speaker, Span = new AudioSpan { Start = start, End = end }, Text = text } };

    public static CallFrame End(Speaker hungUpBy = Speaker.Agent) => new() { End = new CallEnd { HungUpBy = hungUpBy } };
}
