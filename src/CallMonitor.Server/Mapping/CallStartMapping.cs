using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;
using CallMonitor.Server.Audio;
using CallMonitor.Server.Calls;

namespace CallMonitor.Server.Mapping;

/// <summary>Validates a CallStart and turns it into a <see cref="CallStartInfo"/>.</summary>
public static class CallStartMapping
{
    /// <summary>Longest call, agent or team id accepted.</summary>
    public const int MaxIdLength = 128;

    /// <exception cref="CallFrameException">A missing or overlong id, a missing format, or a format the service does not take.</exception>
    public static CallStartInfo ToDomain(CallStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (string.IsNullOrWhiteSpace(start.CallId))
        {
            throw new CallFrameException("CallStart.call_id is empty: give every call a unique id");
        }

        foreach (var (field, value) in new[] { ("call_id", start.CallId), ("agent_id", start.AgentId), ("team", start.Team) })
        {
            if (value.Length > MaxIdLength)
            {
                throw new CallFrameException($"CallStart.{field} is {value.Length} characters long: ids are at most {MaxIdLength}");
            }
        }

        if (start.Format is null)
        {
            throw new CallFrameException("CallStart.format is missing: say the encoding, sample rate, channels and channel roles");
        }

        var localStart = start.StartedAt is null
            ? (DateTimeOffset?)null
            : new DateTimeOffset(start.StartedAt.ToDateTime()).ToOffset(TimeSpan.FromMinutes(start.UtcOffsetMinutes));
        return new CallStartInfo(start.CallId, start.AgentId, start.Team, localStart, ToDomain(start.Format));
    }

    private static WireAudioFormat ToDomain(AudioFormat format)
    {
        var encoding = format.Encoding switch
        {
            AudioEncoding.Pcm16 => WireEncoding.Pcm16,
            AudioEncoding.Mulaw => WireEncoding.MuLaw,
            AudioEncoding.Alaw => WireEncoding.ALaw,
            _ => throw new CallFrameException(
                $"audio encoding {Name(format.Encoding)} is not supported: use AUDIO_ENCODING_PCM16, AUDIO_ENCODING_MULAW or AUDIO_ENCODING_ALAW"),
        };
        if (format.SampleRate is < WireAudioFormat.MinSampleRate or > WireAudioFormat.MaxSampleRate)
        {
            throw new CallFrameException(
                $"sample rate {format.SampleRate} Hz is not supported: give the rate of the audio, {WireAudioFormat.MinSampleRate} to {WireAudioFormat.MaxSampleRate} Hz");
        }

        return new WireAudioFormat(encoding, format.SampleRate, Layout(format));
    }

    private static string Name(AudioEncoding encoding) =>
        encoding == AudioEncoding.Unspecified ? "AUDIO_ENCODING_UNSPECIFIED" : $"{(int)encoding} (unknown to this version)";

    private static ChannelLayout Layout(AudioFormat format)
    {
        if (format.Channels is < 1 or > 2)
        {
            throw new CallFrameException($"{format.Channels} channels are not supported: send 1 (both parties mixed) or 2 (agent and customer)");
        }

        var roles = format.ChannelRoles.Select(SpeakerMapping.ToDomain).ToList();
        if (roles.Count == 0)
        {
            return format.Channels == 1 ? ChannelLayout.Mono : ChannelLayout.AgentCustomer;
        }

        if (roles.Count != format.Channels)
        {
            throw new CallFrameException(
                $"channel_roles names {roles.Count} roles for {format.Channels} channels: give one role per channel, or none for the default");
        }

        if (format.Channels == 1)
        {
            return roles[0] == SpeakerRole.Mixed
                ? ChannelLayout.Mono
                : throw new CallFrameException("a mono call carries both parties: its one channel role must be SPEAKER_MIXED");
        }

        return (roles[0], roles[1]) switch
        {
            (SpeakerRole.Agent, SpeakerRole.Customer) => ChannelLayout.AgentCustomer,
            (SpeakerRole.Customer, SpeakerRole.Agent) => ChannelLayout.CustomerAgent,
            _ => throw new CallFrameException(
                $"channel roles {string.Join(",", format.ChannelRoles)} are not valid: a stereo call is SPEAKER_AGENT,SPEAKER_CUSTOMER or SPEAKER_CUSTOMER,SPEAKER_AGENT"),
        };
    }
}
