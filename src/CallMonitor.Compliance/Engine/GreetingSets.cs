namespace CallMonitor.Compliance.Engine;

/// <summary>Names of the extra phrase sets the engine compiles for a greeting rule.</summary>
internal static class GreetingSets
{
    /// <summary>The rule's time-of-day salutations (上午好 …), all of them.</summary>
    public const string TimeOfDay = "timeOfDay";

    /// <summary>Every holiday greeting of the pack's calendar.</summary>
    public const string Holidays = "holidays";
}
