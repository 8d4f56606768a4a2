namespace CallMonitor.Domain.Calls;

/// <summary>Who is speaking on a channel of the call.</summary>
public enum SpeakerRole
{
    /// <summary>The call-centre agent (坐席).</summary>
    Agent,

    /// <summary>The customer (客户).</summary>
    Customer,

    /// <summary>A mono recording where both parties share one channel.</summary>
    Mixed,

    /// <summary>An event about the conversation as a whole (a silence where nobody speaks).</summary>
    Conversation,
}
