namespace CallMonitor.Compliance.Rules;

/// <summary>
/// The pack schema per rule type: which phrase sets and parameters a rule of that type takes, their ranges and
/// defaults. The loader validates every rule against it; the engine can rely on what it promises.
/// </summary>
internal static class RuleSchemas
{
    private static readonly Dictionary<RuleType, RuleSchema> Schemas = Build();

    public static RuleSchema For(RuleType type) => Schemas[type];

    public static bool IsSpoken(RuleType type, string setName) =>
        Schemas[type].Sets.FirstOrDefault(s => s.Name == setName)?.Spoken ?? false;

    private static Dictionary<RuleType, RuleSchema> Build()
    {
        var list = new[]
        {
            new RuleSchema(RuleType.ForbiddenPhrase, [Set("phrases", required: true)], [], AllowsExceptions: true),
            new RuleSchema(
                RuleType.MissingGreeting,
                [Set("salutations", required: true), Set("offers", required: true), Set("identity", spoken: false)],
                [Num("withinSeconds", 1, 120, 15), Num("maxUtterances", 1, 10, 2), Flag("requireIdentity", false),
                 Flag("requireTimeOfDay", false), Flag("requireHoliday", false)],
                AllowsTimeOfDay: true),
            new RuleSchema(
                RuleType.MissingClosing,
                [Set("offers"), Set("thanks"), Set("farewells")],
                [Num("withinSeconds", 1, 300, 30), Flag("requireOffer", true), Flag("requireThanks", true),
                 Flag("requireFarewell", true)]),
            new RuleSchema(
                RuleType.AgentHungUpFirst,
                [Set("notices")],
                [Num("graceSeconds", 0, 10, 0.5), Num("noticeWaitSeconds", 0, 60, 2)]),
            new RuleSchema(
                RuleType.SpeechRateTooFast,
                [],
                [Num("standardCharsPerMinute", 30, 600, 120), Num("maxCharsPerMinute", 30, 900, 180),
                 Num("minWindowSeconds", 1, 120, 10), Num("minChars", 1, 1000, 20)]),
            new RuleSchema(
                RuleType.SpeechRateTooSlow,
                [],
                [Num("standardCharsPerMinute", 30, 600, 120), Num("minCharsPerMinute", 10, 600, 80),
                 Num("minWindowSeconds", 1, 120, 10), Num("minChars", 1, 1000, 20)]),
            new RuleSchema(
                RuleType.LongSilence,
                [Set("announcements", required: true)],
                [Num("minSeconds", 1, 600, 8), Num("announcementLookbackSeconds", 0, 120, 15)]),
            new RuleSchema(
                RuleType.HoldWithoutThanks,
                [Set("announcements", required: true), Set("thanks", required: true)],
                [Num("minHoldSeconds", 1, 600, 8), Num("withinSeconds", 1, 120, 15)]),
            new RuleSchema(
                RuleType.HoldTooLong,
                [Set("announcements", required: true), Set("apologies", required: true)],
                [Num("maxHoldSeconds", 10, 3600, 120), Num("withinSeconds", 1, 120, 15)]),
            new RuleSchema(
                RuleType.FillerWord,
                [Set("fillers", required: true, spoken: false)],
                [Num("maxPerMinute", 0, 60, 3), Num("minAgentSpeechSeconds", 0, 600, 30), Flag("allowAsReply", true)],
                AllowsExceptions: true),
            new RuleSchema(
                RuleType.Interruption,
                [Set("backchannels", spoken: false)],
                [Num("minOverlapSeconds", 0.1, 10, 1.0), Num("backchannelMaxSeconds", 0, 5, 1.0)]),
            new RuleSchema(
                RuleType.SilentCallProtocol,
                [Set("prompts", required: true), Set("farewells", required: true)],
                [Num("silenceSeconds", 1, 60, 5), Num("requiredPrompts", 1, 10, 3)]),
            new RuleSchema(RuleType.RudeUtterance, [], [Num("minProbability", 0.5, 1, 0.8)]),
            new RuleSchema(RuleType.EscalationCue, [Set("phrases", required: true)], [], AllowsExceptions: true),
        };
        return list.ToDictionary(s => s.Type);
    }

    private static SetSpec Set(string name, bool required = false, bool spoken = true) => new(name, required, spoken);

    private static ParameterSpec Num(string name, double min, double max, double fallback) =>
        new(name, ParameterKind.Number, min, max, fallback);

    private static ParameterSpec Flag(string name, bool fallback) =>
        new(name, ParameterKind.Flag, 0, 1, fallback ? 1 : 0);
}
