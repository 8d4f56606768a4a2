using CallMonitor.Contracts.V1;
using CallMonitor.Domain.Calls;

namespace CallMonitor.Server.Mapping;

/// <summary>The wire's Speaker and the domain's SpeakerRole.</summary>
public static class SpeakerMapping
{
    /// <summary>The role, or null for SPEAKER_UNSPECIFIED (or a value this version does not know).</summary>
    public static SpeakerRole? ToDomain(Speaker speaker) => speaker switch
    {
        Speaker.Agent => SpeakerRole.Agent,
        Speaker.Customer => SpeakerRole.Customer,
        Speaker.Mixed => SpeakerRole.Mixed,
        Speaker.Conversation => SpeakerRole.Conversation,
        _ => null,
    };

    public static Speaker ToWire(SpeakerRole role) => role switch
    {
        SpeakerRole.Agent => Speaker.Agent,
        SpeakerRole.Customer => Speaker.Customer,
        SpeakerRole.Mixed => Speaker.Mixed,
        SpeakerRole.Conversation => Speaker.Conversation,
        _ => Speaker.Unspecified,
    };
}
